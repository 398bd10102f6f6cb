// Every time a console prints is the meeting's clock time: in the venue's time zone, 24-hour,
// one format, whatever the phone's locale or 12-hour setting (issue 11: the record mixed the
// phone's "2:05 PM" with the meeting's "14:05").

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, seconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${seconds}`;
  let f = formatters.get(key);
  if (!f) {
    // en-GB digits with hourCycle h23: "09:05", never "9:05 am"; latin digits in every language.
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hourCycle: 'h23' });
    formatters.set(key, f);
  }
  return f;
}

/** Whether `tz` is an IANA time zone this browser knows. */
export function isTimeZone(tz: string): boolean {
  try { formatter(tz, false); return true; } catch { return false; }
}

/**
 * "14:05" (or "14:05:09" with `seconds`): `ms` (since the epoch) as a clock time in `timeZone`
 * (IANA; UTC when absent or unknown), 24-hour.
 */
export function meetingTime(ms: number, timeZone: string | undefined, seconds = false): string {
  const tz = timeZone && isTimeZone(timeZone) ? timeZone : 'UTC';
  return formatter(tz, seconds).format(ms);
}

/** "New York" for America/New_York, "UTC" for UTC: how a console names the meeting's clock. */
export function timeZoneCity(timeZone: string | undefined): string {
  if (!timeZone || timeZone === 'UTC' || !isTimeZone(timeZone)) return 'UTC';
  return timeZone.split('/').pop()!.replace(/_/g, ' ');
}
