// The room display (chamber screens, webcast overlay, and the moderator's preview): the
// speaker with delegation and capacity, the clock, the next three speakers, the highlighted
// question and the vote board; large type, high contrast, 16:9 (styles in views.css).
import type { FloorSnapshot } from '@rostrum/contracts/floor/snapshot';
import type { QnaSnapshot } from '@rostrum/contracts/qna/snapshot';
import { useI18n } from '../i18n/i18n-context';
import { displayModel, type DisplaySpeaker } from '../models/display-model';
import { useSpeakingClock } from './floor-now';
import { VoteBoard } from './votes';

function Who({ s }: { s: DisplaySpeaker }) {
  const { t } = useI18n();
  return <>{s.delegation}{s.onBehalfOf ? <span class="behalf">, {t('display.onBehalfOf', { group: s.onBehalfOf })}</span> : null}</>;
}

/** `preview`: drawn inside another page (the moderator's), with headings one level down and ids prefixed. */
export function RoomDisplay({ floor, qna, serverNow, preview }: { floor: FloorSnapshot; qna: QnaSnapshot | null; serverNow: () => number; preview?: boolean }) {
  const { t } = useI18n();
  const m = displayModel(floor, qna);
  const clock = useSpeakingClock(floor, serverNow);
  const id = (x: string) => (preview ? `preview-${x}` : x);
  const H = preview ? 'h3' : 'h2';
  return (
    <div class="room-display" id={id('room-display')}>
      {m.item ? <p class="d-item">{t('display.item', { position: m.item.position, title: m.item.title })}</p> : null}
      <section class="d-now" aria-labelledby={id('d-now-h')}>
        <H id={id('d-now-h')} class="d-label">{m.called ? t('display.called') : t('display.speaking')}</H>
        {m.speaker ? (
          <>
            <p class="d-speaker" id={id('d-speaker')}>{m.speaker.name}</p>
            <p class="d-delegation" id={id('d-delegation')}><Who s={m.speaker} /></p>
          </>
        ) : <p class="d-speaker muted">{t('pinned.nobody')}</p>}
        {clock ? <p class="d-clock" id={id('d-clock')} role="timer" aria-live="off" data-state={clock.state}
          aria-label={t('pinned.clockLeft', { time: clock.text })}>{clock.text}</p> : null}
      </section>
      <section class="d-next" aria-labelledby={id('d-next-h')}>
        <H id={id('d-next-h')} class="d-label">{t('display.next')}</H>
        {m.next.length ? <ol id={id('d-next')}>{m.next.map((s) => <li key={s.entryId}><strong><Who s={s} /></strong> — {s.name}</li>)}</ol> : <p class="muted">{t('display.nobodyNext')}</p>}
      </section>
      {m.highlighted ? (
        <section class="d-question" aria-labelledby={id('d-q-h')}>
          <H id={id('d-q-h')} class="d-label">{t('display.question')}</H>
          <p class="d-q-text" id={id('d-question')}>{m.highlighted.text}</p>
          <p class="d-q-author">{m.highlighted.author}</p>
        </section>
      ) : null}
      {preview ? null : <VoteBoard floor={floor} class="d-vote" />}
    </div>
  );
}
