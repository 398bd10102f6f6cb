import { isAvailable } from './clock';
import { err, PUBLIC, type Draft, type Handler } from './draft';
import { findEntry, isError, requireOpen } from './guards';
import { allottedSeconds } from './intervention';
import { bands, replyCount } from './ordering';
import { snapshot, type Entry } from './state';
import { own } from './own';
import { currentItem, floorFree, noPendingRuling, pointOfOrderRecognisable } from './rules';

/** R21, R22: nothing moves on while a point of order awaits its ruling or an appeal its result. */
export const pendingRuling = (d: Draft) => noPendingRuling(d.state);

const occupied = (d: Draft) => floorFree(d.state);

/** The first point of order waiting to be recognised (R18), and the type of the entry speaking. */
export const firstWaitingPoint = (d: Draft): string | undefined => d.state.pointsOfOrder.find((id) => own(d.state.entries, id)!.status === 'waiting');
export const speakingType = (d: Draft): string | undefined => (d.state.speech ? own(d.state.entries, d.state.speech.entryId)!.type : undefined);

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
  const blocked = currentItem(d.state) ?? pendingRuling(d) ?? occupied(d);     // R21
  if (blocked) return blocked;
  const next = bands(d.state, d.state.currentItemId!).call[0];                  // R16
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
    const turn = pointOfOrderRecognisable(s, e.entryId, firstWaitingPoint(d), speakingType(d));   // R18
    if (turn) return turn;
    giveFloor(d, e);
    return undefined;
  }
  const blocked = pendingRuling(d) ?? occupied(d);
  if (blocked) return blocked;
  if (e.itemId !== s.currentItemId) return err('NO_CURRENT_ITEM', 'this entry is on an item not taken up');
  giveFloor(d, e);                                                              // R15: the chair may call out of order
  return undefined;
};
