import { err, PUBLIC, type Handler } from './draft';
import { requireOpen } from './guards';

/** R32: after its short list the motion goes to the meeting; adopted, it ends the debate on the item. */
export const decideMotion: Handler<{ adopted: boolean; votes?: { for: number; against: number; abstain: number } }> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const itemId = d.state.currentItemId;
  const motion = itemId ? d.state.items[itemId]!.motion : null;
  if (!itemId || !motion) return err('NO_MOTION', 'no procedural motion is pending');
  if (d.state.speech || d.state.called) return err('FLOOR_OCCUPIED', 'let the speaker finish before the vote');
  d.emit('motion.decided', { kind: motion.kind, adopted: p.adopted, ...(p.votes ? { votes: p.votes } : {}) }, PUBLIC, itemId);
  if (p.adopted) d.emit('item.concluded', { itemId, automatic: false, reason: motion.kind }, PUBLIC, itemId);
  return undefined;
};
