// The room display (chamber screens, webcast overlay, and the moderator's preview): the
// speaker with delegation and capacity, the clock, the next three speakers, the highlighted
// question and the vote board; large type, high contrast, 16:9 (styles in views.css).
import type { FloorSnapshot } from '@rostrum/contracts/floor/snapshot';
import type { QnaSnapshot } from '@rostrum/contracts/qna/snapshot';
import type { VoteResult } from '@rostrum/contracts/floor/decisions';
import { useI18n } from '../i18n/i18n-context';
import { displayModel, type DisplaySpeaker } from '../models/display-model';
import { useSpeakingClock } from './floor-now';

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
      {preview ? null : <VoteBoard floor={floor} />}
    </div>
  );
}

/** The open vote (never a tally, R50) or the result of the last one with its roll call (R51, R52). */
function VoteBoard({ floor }: { floor: FloorSnapshot }) {
  const { t } = useI18n();
  const open = floor.vote;
  const last = floor.lastVote as VoteResult | null | undefined;
  if (open) {
    return (
      <section class="d-vote" id="vote-board" aria-labelledby="vote-h">
        <h2 id="vote-h">{t('voteBoard.inProgress')}</h2>
        <p class="vote-question">{open.question.text}</p>
        <p class="muted">{t(open.recorded ? 'voteBoard.recordedNote' : 'voteBoard.nonRecordedNote')}</p>
      </section>
    );
  }
  if (!last) return null;
  const outcome = last.question.kind === 'appeal' ? (last.adopted ? 'voteBoard.rulingOverturned' : 'voteBoard.rulingStands')
    : last.adopted ? 'voteBoard.adopted' : last.equallyDivided ? 'voteBoard.equallyDivided' : 'voteBoard.notAdopted';
  const names = (c: 'yes' | 'no' | 'abstain') => (last.ballots ?? []).filter((b) => b.choice === c).map((b) => b.delegationName).join(', ') || '—';
  return (
    <section class="d-vote" id="vote-board" aria-labelledby="vote-h">
      <h2 id="vote-h">{t('voteBoard.result')}</h2>
      <p class="vote-question">{last.question.text}</p>
      <p class={`vote-outcome ${last.adopted ? 'adopted' : 'rejected'}`} id="vote-outcome">{t(outcome)}</p>
      <dl class="vote-totals" id="vote-totals">
        <dt>{t('voteBoard.yes')}</dt><dd id="total-yes">{last.totals.yes}</dd>
        <dt>{t('voteBoard.no')}</dt><dd id="total-no">{last.totals.no}</dd>
        <dt>{t('voteBoard.abstentions')}</dt><dd id="total-abstain">{last.totals.abstain}</dd>
      </dl>
      {last.ballots ? (
        <dl class="roll-call">
          <dt>{t('voteBoard.inFavour')}</dt><dd>{names('yes')}</dd><dt>{t('voteBoard.against')}</dt><dd>{names('no')}</dd><dt>{t('voteBoard.abstaining')}</dt><dd>{names('abstain')}</dd>
        </dl>
      ) : null}
    </section>
  );
}
