import type { EntrySnapshot } from '@rostrum/contracts';
import { err, PUBLIC, staffAnd, type Draft, type Handler } from './draft';
import { findEntry, isError, requireOpen } from './guards';
import { intervention } from './intervention';
import type { ItemState } from './state';

/** R17, R19, R20: raised at any time; interrupts the speaker and alerts the chair at once. */
export function raisePointOfOrder(d: Draft, entry: EntrySnapshot, item: ItemState) {
  const p = d.state.profile!.pointsOfOrder;
  if (!p.enabled) return err('POINTS_OF_ORDER_DISABLED', 'points of order are not used in this meeting');
  if (item.list === 'closed' && p.closingBlocksPointsOfOrder) return err('LIST_CLOSED', 'the list is closed to points of order too');
  const sp = d.state.speech;
  const interrupt = p.interrupts && sp && !sp.paused && d.state.entries[sp.entryId]!.type !== 'point-of-order';
  d.emit('pointOfOrder.raised', { entry, ...(interrupt ? { interrupted: sp!.entryId } : {}) }, staffAnd(entry.delegationId), item.id);
  if (interrupt) {
    d.emit('speech.paused', { entryId: sp!.entryId, at: d.now, reason: 'point-of-order', clockRuns: d.state.profile!.clockRunsDuringPointOfOrder, alertChair: true }, PUBLIC, sp!.itemId);
  }
  return undefined;
}

export const rule: Handler<{ entryId: string; decision: 'upheld' | 'rejected'; text: string }> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const e = findEntry(d, p.entryId);
  if (isError(e)) return e;
  if (e.type !== 'point-of-order' || !d.state.pointsOfOrder.includes(e.entryId)) return err('NO_SUCH_ENTRY', 'no pending point of order with this id');
  if (d.state.pointsOfOrder[0] !== e.entryId) return err('OUT_OF_TURN', 'points of order are settled in the order raised');  // R18
  const ruling = { decision: p.decision, text: p.text };
  const sp = d.state.speech;
  if (sp?.entryId === e.entryId) d.emit('speech.ended', { intervention: intervention(d.state, sp, d.now, 'ruling', ruling) }, PUBLIC, e.itemId); // R23, R44
  d.emit('pointOfOrder.ruled', { entryId: e.entryId, delegationId: e.delegationId, ...ruling, appealable: d.state.profile!.pointsOfOrder.appeal }, PUBLIC, e.itemId);
  return undefined;
};

/** R22: before the next business, any delegation may appeal; the meeting decides. */
export const appeal: Handler<{ entryId: string }> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  if (!d.state.profile!.pointsOfOrder.appeal) return err('APPEAL_NOT_ALLOWED', 'rulings are not open to appeal in this meeting');
  const a = d.state.appeal;
  if (!a || a.entryId !== p.entryId || a.status !== 'appealable') return err('APPEAL_NOT_ALLOWED', 'only the last ruling may be appealed, before the next business');
  d.emit('pointOfOrder.appealed', { entryId: p.entryId, delegationId: d.actor.delegationId ?? '' }, PUBLIC, d.state.entries[p.entryId]!.itemId);
  return undefined;
};

export const decideAppeal: Handler<{ entryId: string; overturned: boolean; votes?: { for: number; against: number; abstain: number } }> = (d, p) => {
  const a = d.state.appeal;
  if (!a || a.entryId !== p.entryId || a.status !== 'appealed') return err('NO_PENDING_APPEAL', 'no appeal is pending on this ruling');
  d.emit('pointOfOrder.appealDecided', { entryId: p.entryId, overturned: p.overturned, ...(p.votes ? { votes: p.votes } : {}), rulingStands: !p.overturned }, PUBLIC, d.state.entries[p.entryId]!.itemId);
  return undefined;
};
