// Viewer console, phone first (390×844): the speaker and the clock pinned at the top, the Q&A
// (ask, the fate of one's questions, vote and unvote, answers), the list of speakers, and the
// running record that follows new entries unless the reader scrolled back. Every time is the
// meeting's, 24-hour. Interpreters and delegates may follow the same page.
import '../../static/console.css';
import './views.css';
import { bootConsole } from '../shell/console';
import { useI18n } from '../i18n/i18n-context';
import type { MeetingLive } from '../shell/meeting';
import { FloorNow } from '../ui/floor-now';
import { Questions } from '../ui/questions';
import { RecordFeed } from '../ui/record-feed';

/** The language of delivery by its name in the reader's language (interpreters read it ahead, issue 12); another language keeps the name it was given. */
function languageName(code: string, lang: string): string {
  if (!/^[a-z]{2,3}$/.test(code)) return code;
  try { return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code; } catch { return code; }
}

function Viewer({ meeting }: { meeting: MeetingLive }) {
  const { t, lang } = useI18n();
  const floor = meeting.floor!;
  const item = floor.items?.find((i) => i.id === floor.currentItemId);
  const list = floor.currentItemId ? floor.lists?.[floor.currentItemId] : undefined;
  const waiting = list ? [...list.replies, ...list.motionSpeakers, ...list.speakers].filter((e) => e.status === 'waiting') : [];
  return (
    <div class="viewer">
      <section class="pinned" aria-labelledby="floor-h" id="floor">
        <h2 id="floor-h" class="sr-only">{t('pinned.title')}</h2>
        <p class="pinned-item">{item ? t('pinned.item', { position: item.position, title: item.title }) : t('pinned.noItem')}</p>
        <FloorNow floor={floor} serverNow={meeting.serverNow} compact />
      </section>
      <Questions meeting={meeting} timeZone={floor.timeZone} />
      <section class="card" aria-labelledby="list-h">
        <h2 id="list-h">{t('pinned.list')}</h2>
        {waiting.length === 0 ? <p class="muted">{t('pinned.listEmpty')}</p> : (
          <ol class="speakers" id="speakers">{waiting.map((e) => <li key={e.entryId}><strong>{e.capacityLabel}</strong> — {e.speakerName}{e.language ? <span class="lang"> · {t('pinned.language', { language: languageName(e.language, lang) })}</span> : null}</li>)}</ol>
        )}
        {floor.onDeck ? <p class="ondeck" id="on-deck">{t('pinned.onDeck', { name: floor.onDeck.speakerName, delegation: floor.onDeck.capacityLabel })}{floor.onDeck.language ? ` · ${t('pinned.language', { language: languageName(floor.onDeck.language, lang) })}` : ''}</p> : null}
      </section>
      <RecordFeed entries={meeting.record} timeZone={floor.timeZone} />
    </div>
  );
}

bootConsole({
  roles: ['viewer', 'delegate', 'interpreter'], name: 'console.viewer',
  page: ({ meeting }) => <Viewer meeting={meeting} />,
  // Thousands of viewers follow the floor from the server's `floor.view` broadcast; a
  // re-snapshot (spread over a second and a half) only for what it does not carry.
  options: () => ({ followFloorView: true, refreshDelay: () => 300 + Math.random() * 1200 }),
});
