/** Small, deterministic formatters shared by entry texts and exports. */

export function clockTime(ms: number, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).format(new Date(ms));
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
