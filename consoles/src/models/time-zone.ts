// The meeting's time zone as the consoles name and check it (times themselves are formatted by
// shell/time.ts: the meeting's zone, 24-hour).

/** Whether `tz` is an IANA time zone this browser knows. */
export function isTimeZone(tz: string): boolean {
  try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; }
}

/** "New York" for America/New_York, "UTC" for UTC or none: how a console names the meeting's clock. */
export function timeZoneCity(timeZone: string | undefined): string {
  if (!timeZone || timeZone === 'UTC' || !isTimeZone(timeZone)) return 'UTC';
  return timeZone.split('/').pop()!.replace(/_/g, ' ');
}
