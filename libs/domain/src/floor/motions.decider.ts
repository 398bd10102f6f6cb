import type { MotionKind } from '@rostrum/contracts';
import { err, PUBLIC, type Draft, type Handler } from './draft';
import { requireOpen } from './guards';
import { decides } from './vote-result';
import { own } from './own';

/** R32: an adopted motion ends the debate on the item taken up. */
export function concludeOnMotion(d: Draft, kind: MotionKind): void {
  const itemId = d.state.currentItemId;
  if (itemId) d.emit('item.concluded', { itemId, automatic: false, reason: kind }, PUBLIC, itemId);
}

type Figures = { for: number; against: number; abstain: number };

/** R51: figures the chair announces must give the result announced (never "upheld by 12 votes to 30"). */
export function figuresContradict(d: Draft, votes: Figures | undefined, adopted: boolean) {
  if (!votes) return undefined;
  const r = decides({ yes: votes.for, no: votes.against, abstain: votes.abstain }, d.state.profile!.voting.majority);
  return r.adopted === adopted ? undefined
    : err('VALIDATION_FAILED', `votes: ${votes.for} to ${votes.against} means the question was ${r.adopted ? 'adopted' : 'not adopted'}`);
}

/**
 * R32: after its short list the motion goes to the meeting; adopted, it ends the debate on the
 * item. The result of a vote taken by show of hands; an electronic vote goes through vote.open
 * (R53).
 */
export const decideMotion: Handler<{ adopted: boolean; votes?: Figures }> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const itemId = d.state.currentItemId;
  const motion = itemId ? own(d.state.items, itemId)!.motion : null;
  if (!itemId || !motion) return err('NO_MOTION', 'no procedural motion is pending');
  if (d.state.speech || d.state.called) return err('FLOOR_OCCUPIED', 'let the speaker finish before the vote');
  if (d.state.vote) return err('VOTE_IN_PROGRESS', 'a vote is open');
  const bad = figuresContradict(d, p.votes, p.adopted);
  if (bad) return bad;
  d.emit('motion.decided', { kind: motion.kind, adopted: p.adopted, ...(p.votes ? { votes: p.votes } : {}) }, PUBLIC, itemId);
  if (p.adopted) concludeOnMotion(d, motion.kind);
  return undefined;
};
