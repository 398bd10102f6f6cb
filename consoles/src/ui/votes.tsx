// Votes as the consoles draw them (R49–R54): the question while open (never a tally, R50), the
// result once closed (R51, R52) with the roll call of a recorded vote.
import type { ComponentChildren } from 'preact';
import type { FloorSnapshot } from '@rostrum/contracts/floor/snapshot';
import type { VoteChoice, VoteResult } from '@rostrum/contracts/floor/decisions';
import { useI18n } from '../i18n/i18n-context';

/**
 * The vote board: the open question, or the result of the last vote; `children` add the role's
 * controls. `class` styles the section (`card vote` in a console; the room display passes `d-vote`).
 */
export function VoteBoard({ floor, children, class: cls = 'card vote' }: { floor: FloorSnapshot; children?: ComponentChildren; class?: string }) {
  const { t } = useI18n();
  const open = floor.vote;
  const last = floor.lastVote;
  if (!open && !last) return null;
  if (open) {
    return (
      <section class={cls} id="vote-board" aria-labelledby="vote-h">
        <h2 id="vote-h">{t('vote.inProgress')}</h2>
        <p class="vote-question">{open.question.text}</p>
        <p class="muted">{t(open.recorded ? 'vote.recordedNote' : 'vote.unrecordedNote')}</p>
        {children}
      </section>
    );
  }
  return (
    <section class={cls} id="vote-board" aria-labelledby="vote-h">
      <h2 id="vote-h">{t('vote.result')}</h2>
      <p class="vote-question">{last!.question.text}</p>
      <Result r={last!} />
      {last!.ballots ? <RollCall r={last!} /> : null}
      {children}
    </section>
  );
}

function Result({ r }: { r: VoteResult }) {
  const { t } = useI18n();
  const outcome = r.question.kind === 'appeal' ? t(r.adopted ? 'vote.rulingOverturned' : 'vote.rulingStands')
    : t(r.adopted ? 'vote.adopted' : r.equallyDivided ? 'vote.equallyDivided' : 'vote.notAdopted');
  return (
    <div>
      <p class={`vote-outcome ${r.adopted ? 'adopted' : 'rejected'}`} id="vote-outcome">{outcome}</p>
      <dl class="vote-totals" id="vote-totals">
        <dt>{t('vote.yes')}</dt><dd id="total-yes">{r.totals.yes}</dd>
        <dt>{t('vote.no')}</dt><dd id="total-no">{r.totals.no}</dd>
        <dt>{t('vote.abstentions')}</dt><dd id="total-abstain">{r.totals.abstain}</dd>
      </dl>
    </div>
  );
}

function RollCall({ r }: { r: VoteResult }) {
  const { t } = useI18n();
  const names = (c: VoteChoice) => (r.ballots ?? []).filter((b) => b.choice === c).map((b) => b.delegationName).join(', ') || '—';
  return (
    <dl class="roll-call">
      <dt>{t('vote.inFavour')}</dt><dd>{names('yes')}</dd>
      <dt>{t('vote.against')}</dt><dd>{names('no')}</dd>
      <dt>{t('vote.abstaining')}</dt><dd>{names('abstain')}</dd>
    </dl>
  );
}
