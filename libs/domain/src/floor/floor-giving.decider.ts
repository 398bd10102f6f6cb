import { isAvailable } from './clock';
import { err, PUBLIC, type Draft, type Handler } from './draft';
import { findEntry, isError, requireOpen } from './guards';
import { allottedSeconds } from './intervention';
import { bands, replyCount } from './ordering';
import { snapshot, type Entry } from './state';
import { own } from './own';

/** R21, R22: nothing moves on while a point of order awaits its ruling or an appeal its result. */
export function pendingRuling(d: Draft) {
  if (d.state.pointsOfOrder.length) return err('POINT_OF_ORDER_PENDING', 'the chair must rule on the pending point of order first');
  if (d.state.appeal?.status === 'appealed') return err('APPEAL_PENDING', 'the appeal against the ruling must be decided first');
  if (d.state.vote) return err('VOTE_IN_PROGRESS', 'the meeting is voting');                                   // R50
  return undefined;
}

const occupied = (d: Draft) => d.state.speech || d.state.called ? err('FLOOR_OCCUPIED', 'someone holds or has been given the floor') : undefined;

/** R1, R33, R40: the chair gives the floor; the limit is fixed now; an absent speaker gets a call timeout. */
export function giveFloor(d: Draft, e: Entry): void {
  const seconds = allottedSeconds(d.state, e.entryId);
  const absent = !isAvailable(d.state, e.delegationId);
  d.emit('floor.given', {
    entry: snapshot(e), calledAt: d.now, allottedSeconds: seconds,
    ...(absent ? { callTimeoutAt: d.now + d.state.profile!.absent.callTimeoutSeconds * 1000 } : {}),
  }, PUBLIC, e.itemId);
}

export const nextSpeaker: Handler = (d) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  if (!d.state.currentItemId) return err('NO_CURRENT_ITEM', 'no agenda item is taken up');
  const blocked = pendingRuling(d) ?? occupied(d);                              // R21
  if (blocked) return blocked;
  const next = bands(d.state, d.state.currentItemId).call[0];                   // R16
  if (!next) return err('LIST_EMPTY', 'nobody is waiting whose turn has come');
  giveFloor(d, next);
  return undefined;
};

/** One command for the chair's "yes": grant a reply (R24), recognise a point of order (R18), or call an entry. */
export const grant: Handler<{ entryId: string; reason?: string }> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const e = findEntry(d, p.entryId);
  if (isError(e)) return e;
  const s = d.state;
  if (e.status === 'requested') {                                               // R24–R28
    const idx = replyCount(s, e.itemId, e.delegationId, ['waiting', 'called', 'speaking', 'done']) + 1;
    const limits = s.profile!.rightOfReply.limitsSeconds;
    const seconds = e.allottedSeconds ?? limits[Math.min(idx, limits.length) - 1]!;  // R27: each reply shorter
    d.emit('reply.granted', { entry: { ...snapshot(e), replyIndex: idx, allottedSeconds: seconds }, replyIndex: idx, allottedSeconds: seconds }, PUBLIC, e.itemId);
    return undefined;
  }
  if (e.status !== 'waiting') return err('ENTRY_NOT_WAITING', 'this entry is not waiting');
  if (e.type === 'point-of-order') {
    if (s.pointsOfOrder.find((id) => own(s.entries, id)!.status === 'waiting') !== e.entryId) return err('OUT_OF_TURN', 'points of order are heard in the order raised'); // R18
    if (s.called || s.interrupted || (s.speech && own(s.entries, s.speech.entryId)!.type === 'point-of-order')) return err('FLOOR_OCCUPIED', 'finish the point of order being heard first');
    giveFloor(d, e);
    return undefined;
  }
  const blocked = pendingRuling(d) ?? occupied(d);
  if (blocked) return blocked;
  if (e.itemId !== s.currentItemId) return err('NO_CURRENT_ITEM', 'this entry is on an item not taken up');
  giveFloor(d, e);                                                              // R15: the chair may call out of order
  return undefined;
};
