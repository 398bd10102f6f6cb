// URLs that come from users or query strings (the viewer's ?webcast=) are used as link targets
// only when they are http(s): `javascript:`, `data:` and friends would run on the gateway's origin.

/** The URL, normalised, when it is absolute http(s); otherwise null. */
export function httpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch { return null; }
}
