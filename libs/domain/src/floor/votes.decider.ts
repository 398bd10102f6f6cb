import type { Majority, VoteChoice, VoteQuestion, VoteResult } from '@rostrum/contracts';
import { isAvailable } from './clock';
import { err, PUBLIC, type Draft, type Handler } from './draft';
import { giveFloor } from './floor-giving.decider';
import { requireOpen } from './guards';
import { concludeOnMotion } from './motions.decider';
import { own } from './own';
import type { FloorState, OpenVote } from './state';
import { decides, tally } from './vote-result';

const MOTION_TEXT = new Map<string, string>([['adjourn-debate', 'the motion for the adjournment of the debate'], ['closure-of-debate', 'the motion for the closure of the debate']]);

/** R53: the question the chair means, with what it refers to. */
function question(d: Draft, q: { kind: 'appeal' } | { kind: 'motion' } | { kind: 'text'; text: string }): VoteQuestion | ReturnType<typeof err> {
  const s = d.state;
  if (q.kind === 'text') return { kind: 'text', text: q.text };
  if (q.kind === 'appeal') {
    if (s.appeal?.status !== 'appealed') return err('NO_PENDING_APPEAL', 'no appeal against a ruling is pending');
    return { kind: 'appeal', entryId: s.appeal.entryId, text: 'Shall the ruling of the President be overturned?' };
  }
  const motion = s.currentItemId ? own(s.items, s.currentItemId)?.motion ?? null : null;
  if (!motion) return err('NO_MOTION', 'no procedural motion is pending');
  return { kind: 'motion', motion: motion.kind, entryId: motion.entryId, text: `Shall ${MOTION_TEXT.get(motion.kind) ?? 'the motion'} be adopted?` };
}

/** R49, R50, R53: the chair puts a question to the vote and opens it. */
export const openVote: Handler<{ question: { kind: 'appeal' } | { kind: 'motion' } | { kind: 'text'; text: string }; recorded?: boolean; majority?: Majority }> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const voting = d.state.profile!.voting;
  if (voting.entitledTiers.length === 0) return err('VOTING_DISABLED', 'this meeting takes no votes');
  if (d.state.vote) return err('VOTE_IN_PROGRESS', 'a vote is already open');
  // R22, R53: the speaker a point of order interrupted waits, paused, for the meeting's decision on the appeal (it cannot resume before it).
  const waitsForAppeal = p.question.kind === 'appeal' && !!d.state.speech?.paused;
  if ((d.state.speech && !waitsForAppeal) || d.state.called) return err('FLOOR_OCCUPIED', 'let the speaker finish before the vote');
  if (d.state.pointsOfOrder.length) return err('POINT_OF_ORDER_PENDING', 'rule on the pending point of order first');
  const q = question(d, p.question);
  if ('code' in q) return q;
  d.emit('vote.opened', {
    voteId: `v${d.state.nextVote}`, question: q, recorded: p.recorded ?? voting.recordedByDefault, majority: p.majority ?? voting.majority,
    ...(d.state.currentItemId ? { itemId: d.state.currentItemId } : {}),
  }, PUBLIC, d.state.currentItemId ?? undefined);
  return undefined;
};

function theVote(d: Draft, voteId?: string): OpenVote | ReturnType<typeof err> {
  const v = d.state.vote;
  if (!v) return voteId && Object.hasOwn(d.state.closedVotes, voteId) ? err('NO_OPEN_VOTE', 'this vote is closed') : err('NO_OPEN_VOTE', 'no vote is open');
  if (voteId && v.voteId !== voteId) return err('NO_SUCH_VOTE', `vote ${voteId} is not the one open`);
  return v;
}

/** R49: entitled tier; present in the room, or connected remotely when the profile allows remote votes. */
function mayVote(d: Draft, delegationId: string) {
  const s = d.state;
  const voting = s.profile!.voting;
  const del = own(s.delegations, delegationId);
  if (!del) return err('NO_SUCH_DELEGATION', `no delegation ${delegationId}`);
  if (!voting.entitledTiers.includes(del.tier)) return err('NOT_ENTITLED_TO_VOTE', `${del.name} is not entitled to vote`);
  const presence = own(s.presence, delegationId);
  if (!isAvailable(s, delegationId)) return err('NOT_PRESENT', 'a delegation votes only when present');
  if (presence?.mode === 'remote' && !voting.remote) return err('NOT_PRESENT', 'remote votes are not allowed in this meeting');
  return undefined;
}

/** R49, R50: one vote per delegation, changeable until the close; seen only by the delegation. */
export const castVote: Handler<{ voteId?: string; choice: VoteChoice }> = (d, p) => {
  const v = theVote(d, p.voteId);
  if ('code' in v) return v;
  const delegationId = d.actor.delegationId;
  if (!delegationId) return err('NOT_YOUR_DELEGATION', 'only a delegation votes');
  const refused = mayVote(d, delegationId);
  if (refused) return refused;
  const before = own(v.ballots, delegationId);
  if (before === p.choice) return undefined;                                    // the same vote again changes nothing
  d.emit('vote.cast', { voteId: v.voteId, delegationId, choice: p.choice, changed: before !== undefined }, { scope: 'delegation', delegationId }, v.itemId);
  return undefined;
};

/** R50–R53: the chair closes the vote; the result follows the majority and takes effect. */
export const closeVote: Handler<{ voteId?: string }> = (d, p) => {
  const v = theVote(d, p.voteId);
  if ('code' in v) return v;
  const totals = tally(v.ballots);
  const { adopted, equallyDivided } = decides(totals, v.majority);
  const ballots = v.recorded                                                      // R52
    ? Object.entries(v.ballots).map(([delegationId, choice]) => ({ delegationId, delegationName: own(d.state.delegations, delegationId)?.name ?? delegationId, choice }))
      .sort((a, b) => a.delegationName.localeCompare(b.delegationName, 'en'))
    : undefined;
  const result: VoteResult = {
    voteId: v.voteId, question: v.question, ...(v.itemId ? { itemId: v.itemId } : {}), recorded: v.recorded, majority: v.majority,
    totals, adopted, equallyDivided, ...(ballots ? { ballots } : {}),
  };
  d.emit('vote.closed', result, PUBLIC, v.itemId);
  const votes = { for: totals.yes, against: totals.no, abstain: totals.abstain };
  const q = v.question;
  const appeal = d.state.appeal;
  if (q.kind === 'appeal') {                                                      // R53
    d.emit('pointOfOrder.appealDecided', { entryId: q.entryId, overturned: adopted, votes, rulingStands: !adopted, voteId: v.voteId, equallyDivided }, PUBLIC, v.itemId);
    if (adopted) undoRuling(d, appeal);
  } else if (q.kind === 'motion') {
    d.emit('motion.decided', { kind: q.motion, adopted, votes, voteId: v.voteId, equallyDivided }, PUBLIC, v.itemId);
    if (adopted) concludeOnMotion(d, q.motion);
  }
  return undefined;
};

/**
 * R53: an overturned ruling's effect is undone: the speaker ruled out of order gets the floor
 * back (with the time it had left), the refused request is restored. `appeal` is the state
 * before the decision. A ruling that decided nothing beyond its words has nothing to undo.
 */
export function undoRuling(d: Draft, appeal: FloorState['appeal']): void {
  const a = appeal;
  if (!a?.effect || !a.undo) return;
  const target = own(d.state.entries, a.effect.entryId);
  if (!target) return;
  d.emit('pointOfOrder.rulingUndone', {
    entryId: a.entryId, effect: a.effect, delegationId: target.delegationId, restoredStatus: a.undo.restoredStatus, ...(a.undo.allottedSeconds !== undefined ? { allottedSeconds: a.undo.allottedSeconds } : {}),
  }, PUBLIC, target.itemId);
  if (a.effect.kind === 'out-of-order' && !d.state.speech && !d.state.called) giveFloor(d, own(d.state.entries, target.entryId)!);
}

/** R54: after the close, a delegation states how it had intended to vote; the result stands. */
export const explainVote: Handler<{ voteId: string; intended: VoteChoice }> = (d, p) => {
  if (d.state.vote?.voteId === p.voteId) return err('VOTE_STILL_OPEN', 'the vote is still open: vote instead');
  const closed = own(d.state.closedVotes, p.voteId);
  if (!closed) return err('NO_SUCH_VOTE', `no closed vote ${p.voteId}`);
  const delegationId = d.actor.delegationId;
  if (!delegationId) return err('NOT_YOUR_DELEGATION', 'only a delegation states its intended vote');
  d.emit('vote.explained', { voteId: p.voteId, delegationId, intended: p.intended, question: closed.question }, PUBLIC, closed.itemId);
  return undefined;
};
