// Who is at the console: the access token (from ?token= or this tab's storage), what it says
// (read, not verified: the server verifies), its renewal before it expires, and the anonymous
// viewer's identity kept per browser.
import type { RostrumClient } from '@rostrum/client';
import type { Role } from '@rostrum/contracts/core/roles';

/** What an access token says about its holder. */
export interface Claims { meetingId: string; participantId: string; role: Role; delegationId?: string; name?: string; anonymous?: boolean; expiresAtMs?: number }

/** The claims of a JWT access token, or null when it is not one. */
export function readClaims(token: string): Claims | null {
  try {
    const p = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, string | number | boolean>;
    return {
      meetingId: String(p.mid), participantId: String(p.sub), role: p.role as Role, delegationId: p.del as string | undefined, name: p.name as string | undefined,
      anonymous: p.anon === true, expiresAtMs: typeof p.exp === 'number' ? p.exp * 1000 : undefined,
    };
  } catch { return null; }
}

/** Where a console keeps its token for the tab (a reload keeps the session). */
export const tokenKey = (role: Role) => `rostrum.token.${role}`;
/** An anonymous viewer's identity belongs to the browser (every tab, every visit): one person, one vote. */
export const viewerKey = (meetingId: string) => `rostrum.viewer.${meetingId}`;

/**
 * Renews the token well before it expires (`auth.renew` on the socket), so a 10-hour meeting
 * logs nobody out; the new token replaces the old one in the URL, the tab and, for an anonymous
 * viewer, the browser. Returns a function that stops it.
 */
export function keepRenewed(client: RostrumClient<unknown, unknown>, key: string, claims: Claims): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const plan = (c: Claims) => {
    if (!c.expiresAtMs) return;
    const lifetime = c.expiresAtMs - Date.now();
    const delay = Math.max(5_000, Math.min(lifetime - 10 * 60_000, lifetime * 0.8));
    timer = setTimeout(async () => {
      const res = await client.socket.timeout(10_000).emitWithAck('auth.renew', {}).catch(() => null) as { ok: boolean; token?: string } | null;
      const next = res?.ok && res.token ? readClaims(res.token) : null;
      if (!res?.token || !next) { timer = setTimeout(() => plan(c), 0); return; }
      client.useToken(res.token);
      sessionStorage.setItem(key, res.token);
      if (next.anonymous) localStorage.setItem(viewerKey(next.meetingId), res.token);
      const params = new URLSearchParams(location.search);
      if (params.has('token')) { params.set('token', res.token); history.replaceState(null, '', `?${params.toString()}${location.hash}`); }
      plan(next);
    }, Math.min(delay, 2 ** 31 - 1));
  };
  plan(claims);
  return () => clearTimeout(timer);
}

/**
 * Public meetings: an anonymous viewer token from the gateway (the browser's earlier identity
 * presented, so it is renewed rather than a new one minted), then the same page with it.
 * Resolves with why it failed; on success the page navigates away.
 */
export async function anonymousViewer(meetingId: string): Promise<'too-many' | 'not-public'> {
  const previous = localStorage.getItem(viewerKey(meetingId));
  const res = await fetch(`../meetings/${encodeURIComponent(meetingId)}/viewer-token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(previous ? { token: previous } : {}),
  }).catch(() => null);
  const body = res?.ok ? await res.json() as { token?: string } : null;
  if (body?.token) {
    localStorage.setItem(viewerKey(meetingId), body.token);
    location.replace(`?token=${encodeURIComponent(body.token)}${location.hash}`);
  }
  return res?.status === 429 ? 'too-many' : 'not-public';
}
