import type { EntrySnapshot, RulingEffect } from '@rostrum/contracts';
import { figuresContradict } from './motions.decider';
import { undoRuling } from './votes.decider';
import { err, PUBLIC, staffAnd, type Draft, type Handler } from './draft';
import { findEntry, isError, requireOpen } from './guards';
import { intervention } from './intervention';
import type { ItemState } from './state';
import { own } from './own';
import { appealable, noPendingAppeal, rulingInTurn } from './rules';

/** R17, R19, R20: raised at any time; interrupts the speaker and alerts the chair at once. */
export function raisePointOfOrder(d: Draft, entry: EntrySnapshot, item: ItemState) {
  const p = d.state.profile!.pointsOfOrder;
  if (!p.enabled) return err('POINTS_OF_ORDER_DISABLED', 'points of order are not used in this meeting');
  if (item.list === 'closed' && p.closingBlocksPointsOfOrder) return err('LIST_CLOSED', 'the list is closed to points of order too');
  const pending = d.state.pointsOfOrder.filter((id) => own(d.state.entries, id)?.delegationId === entry.delegationId).length;
  if (pending >= p.maxPendingPerDelegation) {                                  // R55
    return err('POINT_OF_ORDER_LIMIT', `${entry.delegationName} already has ${pending} point${pending === 1 ? '' : 's'} of order pending; wait for the ruling`);
  }
  const sp = d.state.speech;
  const interrupt = p.interrupts && sp && !sp.paused && own(d.state.entries, sp.entryId)!.type !== 'point-of-order';
  d.emit('pointOfOrder.raised', { entry, ...(interrupt ? { interrupted: sp!.entryId } : {}) }, staffAnd(entry.delegationId), item.id);
  if (interrupt) {
    d.emit('speech.paused', { entryId: sp!.entryId, at: d.now, reason: 'point-of-order', clockRuns: d.state.profile!.clockRunsDuringPointOfOrder, alertChair: true }, PUBLIC, sp!.itemId);
  }
  return undefined;
}

/** R53: what a ruling decides must be there to decide on: the interrupted speaker, a pending request. */
function checkEffect(d: Draft, effect: RulingEffect, pointId: string) {
  const s = d.state;
  if (!Object.hasOwn(s.entries, effect.entryId) || effect.entryId === pointId) return err('NO_SUCH_ENTRY', `no entry ${effect.entryId} to rule on`);
  const target = own(s.entries, effect.entryId)!;
  if (effect.kind === 'out-of-order') {
    const held = s.interrupted?.entryId === target.entryId || (s.speech?.entryId === target.entryId && s.speech.entryId !== pointId);
    return held ? undefined : err('NO_SPEECH', 'only the speaker holding the floor can be ruled out of order');
  }
  return target.status === 'requested' || (target.status === 'waiting' && target.type !== 'point-of-order') ? undefined
    : err('ENTRY_NOT_WAITING', 'only a pending request can be refused');
}

/** What the ruling decided takes effect now (R53 can undo it). */
function applyEffect(d: Draft, effect: RulingEffect): void {
  const s = d.state;
  const target = own(s.entries, effect.entryId)!;
  if (effect.kind === 'out-of-order') {
    const sp = s.speech?.entryId === target.entryId ? s.speech : null;
    if (sp) d.emit('speech.ended', { intervention: intervention(s, sp, d.now, 'ruling') }, PUBLIC, target.itemId);
    return;
  }
  if (target.status === 'requested') d.emit('reply.declined', { entryId: target.entryId, delegationId: target.delegationId, reason: 'ruling of the President' }, staffAnd(target.delegationId), target.itemId);
  else d.emit('floor.declined', { entryId: target.entryId, delegationId: target.delegationId, reason: 'ruling of the President' }, PUBLIC, target.itemId);
}

export const rule: Handler<{ entryId: string; decision: 'upheld' | 'rejected'; text: string; effect?: RulingEffect }> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const e = findEntry(d, p.entryId);
  if (isError(e)) return e;
  const turn = rulingInTurn(d.state.pointsOfOrder, e.entryId, e.type) ?? noPendingAppeal(d.state);   // R18, R22
  if (turn) return turn;
  const bad = p.effect ? checkEffect(d, p.effect, e.entryId) : undefined;
  if (bad) return bad;
  const ruling = { decision: p.decision, text: p.text };
  const sp = d.state.speech;
  if (sp?.entryId === e.entryId) d.emit('speech.ended', { intervention: intervention(d.state, sp, d.now, 'ruling', ruling) }, PUBLIC, e.itemId); // R23, R44
  d.emit('pointOfOrder.ruled', { entryId: e.entryId, delegationId: e.delegationId, ...ruling, appealable: d.state.profile!.pointsOfOrder.appeal, ...(p.effect ? { effect: p.effect } : {}) }, PUBLIC, e.itemId);
  if (p.effect) applyEffect(d, p.effect);
  return undefined;
};

/** R22: before the next business, any delegation may appeal; the meeting decides. */
export const appeal: Handler<{ entryId: string }> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const refused = appealable(d.state, d.state.profile!, p.entryId);
  if (refused) return refused;
  d.emit('pointOfOrder.appealed', { entryId: p.entryId, delegationId: d.actor.delegationId ?? '' }, PUBLIC, own(d.state.entries, p.entryId)!.itemId);
  return undefined;
};

/** R22, R53: the result of a vote taken by show of hands; the figures must give it. An electronic vote goes through vote.open. */
export const decideAppeal: Handler<{ entryId: string; overturned: boolean; votes?: { for: number; against: number; abstain: number } }> = (d, p) => {
  const a = d.state.appeal;
  if (!a || a.entryId !== p.entryId || a.status !== 'appealed') return err('NO_PENDING_APPEAL', 'no appeal is pending on this ruling');
  if (d.state.vote) return err('VOTE_IN_PROGRESS', 'a vote is open on the appeal');
  const bad = figuresContradict(d, p.votes, p.overturned);
  if (bad) return bad;
  d.emit('pointOfOrder.appealDecided', { entryId: p.entryId, overturned: p.overturned, ...(p.votes ? { votes: p.votes } : {}), rulingStands: !p.overturned }, PUBLIC, own(d.state.entries, p.entryId)!.itemId);
  if (p.overturned) undoRuling(d, a);
  return undefined;
};
