// Times shown to people: in the meeting's time zone (setup `timeZone`, in the floor snapshot),
// in one 24-hour format everywhere, whatever the device's own zone or 12/24-hour habit. Pure.
import type { ClockView } from '@rostrum/contracts/floor/snapshot';

/**
 * `HH:mm` (or `HH:mm:ss` with `seconds`) of `ms` (epoch) in `timeZone` (IANA; UTC when absent
 * or unknown to the browser). 24-hour whatever the language (`hourCycle: 'h23'`); digits follow
 * the language (Latin digits for ar: `-u-nu-latn`, as the UN's Arabic documents print times).
 */
export function formatMeetingTime(ms: number, timeZone: string | undefined, lang: string, opts: { seconds?: boolean } = {}): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', ...(opts.seconds ? { second: '2-digit' } : {}), hourCycle: 'h23', timeZone: timeZone ?? 'UTC' };
  try { return new Intl.DateTimeFormat(`${lang}-u-nu-latn`, options).format(ms); } catch { return new Intl.DateTimeFormat(`${lang}-u-nu-latn`, { ...options, timeZone: 'UTC' }).format(ms); }
}

/** A date and time in the meeting's zone (`d MMM, HH:mm`), e.g. an estimated time to speak (R47). */
export function formatMeetingDateTime(ms: number, timeZone: string | undefined, lang: string): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: timeZone ?? 'UTC' };
  try { return new Intl.DateTimeFormat(`${lang}-u-nu-latn`, options).format(ms); } catch { return new Intl.DateTimeFormat(`${lang}-u-nu-latn`, { ...options, timeZone: 'UTC' }).format(ms); }
}

/** A countdown, `m:ss` (seconds, rounded up so 0:00 means time is up; negative: `−m:ss`). */
export function formatCountdown(seconds: number): string {
  const s = Math.ceil(seconds);
  const a = Math.abs(s);
  return `${s < 0 ? '−' : ''}${Math.floor(a / 60)}:${String(a % 60).padStart(2, '0')}`;
}

/** Seconds left on a speaking clock at server time `now` (ms); negative once over (R34). */
export function secondsLeft(c: Pick<ClockView, 'allottedSeconds' | 'startedAt' | 'pausedMs' | 'clockStoppedAt' | 'elapsedMs'>, now: number): number {
  const elapsed = c.elapsedMs ?? (c.clockStoppedAt ?? now) - c.startedAt - c.pausedMs;
  return c.allottedSeconds - elapsed / 1000;
}

