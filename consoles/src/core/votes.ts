// Votes as the consoles draw them (R49–R54): the question while open (never a tally, R50), the
// result once closed (R51, R52). The delegate console adds its yes/no/abstain buttons.
import { h } from './dom.js';
import type { FloorView, VoteResult, VoteChoice } from './protocol.js';

export const CHOICE_LABELS: Record<VoteChoice, string> = { yes: 'Yes', no: 'No', abstain: 'Abstain' };

/** The vote board: the open question, or the result of the last vote when closed. */
export function voteBoard(view: FloorView, extra: Array<Node | null> = []): HTMLElement | null {
  const open = view.vote;
  const last = view.lastVote;
  if (!open && !last) return null;
  if (open) {
    return h('section', { class: 'card vote', id: 'vote-board', 'aria-labelledby': 'vote-h' },
      h('h2', { id: 'vote-h' }, 'Voting in progress'),
      h('p', { class: 'vote-question' }, open.question.text),
      h('p', { class: 'muted' }, `${open.recorded ? 'Recorded vote' : 'Non-recorded vote'}; the result is shown when the vote closes.`),
      ...extra);
  }
  return h('section', { class: 'card vote', id: 'vote-board', 'aria-labelledby': 'vote-h' },
    h('h2', { id: 'vote-h' }, 'Result of the vote'),
    h('p', { class: 'vote-question' }, last!.question.text),
    resultLine(last!),
    last!.ballots ? rollCall(last!) : null,
    ...extra);
}

function resultLine(r: VoteResult): HTMLElement {
  const t = r.totals;
  const outcome = r.question.kind === 'appeal' ? (r.adopted ? 'The ruling is overturned' : 'The ruling stands')
    : r.adopted ? 'Adopted' : r.equallyDivided ? 'Not adopted (equally divided)' : 'Not adopted';
  return h('div', {},
    h('p', { class: `vote-outcome ${r.adopted ? 'adopted' : 'rejected'}`, id: 'vote-outcome' }, outcome),
    h('dl', { class: 'vote-totals', id: 'vote-totals' },
      h('dt', {}, 'Yes'), h('dd', { id: 'total-yes' }, String(t.yes)),
      h('dt', {}, 'No'), h('dd', { id: 'total-no' }, String(t.no)),
      h('dt', {}, 'Abstentions'), h('dd', { id: 'total-abstain' }, String(t.abstain))));
}

function rollCall(r: VoteResult): HTMLElement {
  const names = (c: VoteChoice) => (r.ballots ?? []).filter((b) => b.choice === c).map((b) => b.delegationName).join(', ') || '—';
  return h('dl', { class: 'roll-call' },
    h('dt', {}, 'In favour'), h('dd', {}, names('yes')), h('dt', {}, 'Against'), h('dd', {}, names('no')), h('dt', {}, 'Abstaining'), h('dd', {}, names('abstain')));
}
