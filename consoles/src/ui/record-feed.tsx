// The running record as it grows: every time in the meeting's time zone, 24-hour; the page
// follows new entries while the reader is at the end, and stays put (with a "new entries"
// button) once they scrolled back to read (consoles/src/models/record-follow.ts).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RecordEntryView } from '@rostrum/contracts/record/events';
import { useI18n } from '../i18n/i18n-context';
import { formatCountdown, formatMeetingTime } from '../shell/time';
import { httpUrl } from '../shell/safe-url';
import { RecordFollow } from '../models/record-follow';
import { timeZoneCity } from '../models/time-zone';

const metrics = () => ({ scrollTop: window.scrollY, scrollHeight: document.documentElement.scrollHeight, clientHeight: window.innerHeight });

/**
 * The entry's video timecode (when the meeting recorded a webcast start): a link to that moment
 * of `webcast` (the page's ?webcast=) only when it is http(s); anything else links within the page.
 */
function Timecode({ v, webcast }: { v: RecordEntryView; webcast: string | null }) {
  const { t } = useI18n();
  if (v.offsetSeconds === null || v.offsetSeconds === undefined) return null;
  const at = Math.floor(v.offsetSeconds);
  const video = httpUrl(webcast);
  return <a class="timecode" href={video ? `${video.split('#')[0]}#t=${at}` : `#t=${at}`} aria-label={t('feed.videoAt', { time: formatCountdown(at) })}>[{formatCountdown(at)}]</a>;
}

export function RecordFeed({ entries, timeZone }: { entries: RecordEntryView[]; timeZone?: string }) {
  const { t, lang } = useI18n();
  const follow = useRef(new RecordFollow());
  const seen = useRef(entries.length);
  const [unseen, setUnseen] = useState(0);
  const end = useRef<HTMLDivElement>(null);
  const webcast = new URLSearchParams(location.search).get('webcast');
  useEffect(() => {
    const onScroll = () => { follow.current.scrolled(metrics()); setUnseen(follow.current.unseen); };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);
  useLayoutEffect(() => {
    const added = entries.length - seen.current;
    seen.current = entries.length;
    const r = follow.current.arrived(added);
    if (r.scrollToEnd) end.current?.scrollIntoView({ block: 'end' });
    setUnseen(r.unseen);
  }, [entries.length]);
  const jump = () => { follow.current.jumped(); setUnseen(0); end.current?.scrollIntoView({ block: 'end' }); };
  return (
    <section class="card record" aria-labelledby="record-h">
      <h2 id="record-h">{t('feed.title')} <span class="muted tz">{t('feed.timesIn', { zone: timeZoneCity(timeZone) })}</span></h2>
      {entries.length === 0 ? <p class="muted">{t('feed.empty')}</p> : null}
      <div role="log" aria-live="polite" aria-label={t('feed.entries')}>
        {/* A scroll box: focusable so a keyboard can scroll it (axe scrollable-region-focusable). */}
        <ol class="record-list" id="record" tabIndex={0}>
          {entries.map((v) => (
            <li key={v.entryId} data-entry={v.entryId}>
              <time class="at" dateTime={new Date(v.at).toISOString()}>{formatMeetingTime(v.at, timeZone, lang)}</time>{' '}<Timecode v={v} webcast={webcast} />{' '}
              <span class="text">{v.text}</span>
              {v.summary ? <p class="summary"><strong>{t('feed.summary')}</strong> {v.summary}</p> : null}
              {v.revision ? <p class="muted">{t('feed.version', { version: v.version })}</p> : null}
            </li>
          ))}
        </ol>
      </div>
      <div ref={end} />
      {unseen > 0 ? <button type="button" id="record-newer" class="newer" onClick={jump}>{t('feed.newEntries', { count: unseen })}</button> : null}
    </section>
  );
}
