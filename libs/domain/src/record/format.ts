/** Small, deterministic formatters shared by entry texts and exports. */

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one (it was 5.6% of the recorder's busy time, made per entry). */
const clocks = new Map<string, Intl.DateTimeFormat>();

/**
 * "14:05:09": the 24-hour clock time of `ms` (ms since epoch) in `timeZone` (IANA name).
 * @throws RangeError for a time zone Intl does not know
 */
export function clockTime(ms: number, timeZone = 'UTC'): string {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    if (clocks.size > 500) clocks.clear();
    clocks.set(timeZone, clock);
  }
  return clock.format(new Date(ms));
}

/** "4 min 45 s", "5 min", "45 s", "0 s". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const min = Math.floor(s / 60);
  const sec = s % 60;
  if (min === 0) return `${sec} s`;
  return sec === 0 ? `${min} min` : `${min} min ${sec} s`;
}

/** Video timecode "H:MM:SS" for an offset in seconds. */
export function timecode(offsetSeconds: number | null | undefined): string {
  if (offsetSeconds === null || offsetSeconds === undefined) return '';
  const s = Math.max(0, Math.floor(offsetSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** ISO time for machine exports, always UTC. */
export const iso = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString());

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Seconds of offset of `at` from the webcast start, or null when no webcast is recorded. */
export function offsetFrom(webcastStartedAt: number | null | undefined, at: number): number | null {
  if (webcastStartedAt === null || webcastStartedAt === undefined) return null;
  return Math.max(0, Math.floor((at - webcastStartedAt) / 1000));
}

/**
 * A clock time as UN documents print it: "10.05 a.m.", "1 p.m.", "12 noon", "12 midnight"
 * (minutes after a full stop, hour without leading zero, no minutes on the hour), in the
 * meeting's time zone.
 */
export function unTime(ms: number, timeZone = 'UTC', language: 'en' | 'fr' = 'en'): string {
  const [h, m] = clockTime(ms, timeZone).split(':').map(Number);
  return unClock(h, m, language);
}

/** `unTime` from hours (0–23) and minutes; French records write "10 h 5", "13 heures". */
export function unClock(h: number, m: number, language: 'en' | 'fr' = 'en'): string {
  if (language === 'fr') return m === 0 ? `${h} heures` : `${h} h ${m}`;
  if (m === 0 && h === 12) return '12 noon';
  if (m === 0 && h === 0) return '12 midnight';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}${m === 0 ? '' : `.${String(m).padStart(2, '0')}`} ${h < 12 ? 'a.m.' : 'p.m.'}`;
}

/** "Thursday, 12 November 2026" (English) or "jeudi 12 novembre 2026" (French), in the meeting's time zone. */
export function longDate(ms: number, timeZone = 'UTC', language: 'en' | 'fr' = 'en'): string {
  const parts = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return language === 'fr'
    ? `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`
    : `${get('weekday')}, ${get('day')} ${get('month')} ${get('year')}`;
}
