// R49, R50: yes / no / abstain while the vote is open, with the current choice shown (changeable
// until the close); R54 after it: how the delegation had intended to vote.
import type { FloorSnapshot } from '@rostrum/contracts/floor/snapshot';
import type { VoteChoice } from '@rostrum/contracts/floor/decisions';
import { useI18n } from '../../i18n/i18n-context';
import { useAct } from '../../shell/actions';
import { announce } from '../../shell/announce';

const CHOICES: VoteChoice[] = ['yes', 'no', 'abstain'];

export function VoteButtons({ floor }: { floor: FloorSnapshot }) {
  const { t } = useI18n();
  const act = useAct();
  const label = (c: VoteChoice) => t(c === 'yes' ? 'vote.yes' : c === 'no' ? 'vote.no' : 'vote.abstain');
  if (floor.vote) {
    const voteId = floor.vote.voteId;
    return (
      <>
        <div class="vote-buttons" role="group" aria-label={t('vote.yours')}>
          {CHOICES.map((c) => <button key={c} type="button" id={`vote-${c}`} aria-pressed={floor.myVote === c ? 'true' : 'false'}
            onClick={() => void act('vote.cast', { voteId, choice: c }).then((a) => { if (a.ok) announce(t('vote.yourVote', { choice: label(c) })); })}>{label(c)}</button>)}
        </div>
        <p class="muted" id="my-vote">{floor.myVote ? `${t('vote.yourVote', { choice: label(floor.myVote) })} ${t('vote.changeable')}` : t('vote.notVoted')}</p>
      </>
    );
  }
  const last = floor.lastVote;
  if (!last) return null;
  return (
    <div class="vote-buttons" role="group" aria-label={t('vote.intended')}>
      <span class="muted">{t('vote.intended')}</span>
      {CHOICES.map((c) => <button key={c} type="button" id={`intended-${c}`}
        onClick={() => void act('vote.explain', { voteId: last.voteId, intended: c }).then((a) => { if (a.ok) announce(t('vote.explained')); })}>{label(c)}</button>)}
    </div>
  );
}
