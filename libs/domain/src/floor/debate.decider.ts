import type { CommandError } from '@rostrum/contracts';
import { err, PUBLIC, staffAnd, type Draft, type Handler } from './draft';
import { findEntry, isError, isStaff, ownDelegation } from './guards';
import { isOrdinary, speakersOrder } from './ordering';
import { provisionalList } from './provisional-list';
import { own } from './own';
import type { Exchange } from './state';

const DELEGATES = { scope: 'delegates' } as const;

/**
 * R46: an ordinary inscription needs no running meeting (the general debate's list opens weeks
 * ahead), only a session not adjourned; delegates inscribe inside the profile's window, the
 * chair and secretariat at any time.
 */
export function inscriptionOpen(d: Draft): CommandError | undefined {
  const s = d.state;
  if (s.status === 'adjourned') return err('MEETING_ADJOURNED', 'the meeting is adjourned');
  if (isStaff(d)) return undefined;
  const { opensAt, closesAt } = s.profile!.inscription;
  if (opensAt !== null && d.now < Date.parse(opensAt)) return err('INSCRIPTION_CLOSED', `inscription opens at ${opensAt}`);
  if (closesAt !== null && d.now >= Date.parse(closesAt)) return err('INSCRIPTION_CLOSED', `inscription closed at ${closesAt}`);
  return undefined;
}

/**
 * R46: an inscription is acknowledged with its provisional place when the meeting's profile
 * runs inscription (a window or time slots: a general debate), or when it is made ahead — no
 * meeting running on that item. An inscription on the list being debated needs no separate
 * acknowledgement: the list itself, public and live, shows the place.
 */
export function needsAcknowledgement(d: Draft, itemId: string): boolean {
  const i = d.state.profile!.inscription;
  const debating = d.state.status === 'open' && d.state.currentItemId === itemId;
  return i.opensAt !== null || i.closesAt !== null || i.slotSeconds !== null || !debating;
}

/** R46, R47: tell the delegation (and staff) its provisional place, meeting and estimated time. */
export function acknowledgeInscription(d: Draft, entryId: string): void {
  const e = own(d.state.entries, entryId)!;
  if (!needsAcknowledgement(d, e.itemId)) return;
  const row = provisionalList(d.state, e.itemId)?.speakers.find((x) => x.entryId === entryId);
  d.emit('inscription.acknowledged', {
    entryId, itemId: e.itemId, delegationId: e.delegationId, place: row?.place ?? 0, sitting: row?.sitting ?? null, estimatedAt: row?.estimatedAt ?? null,
  }, staffAnd(e.delegationId), e.itemId);
}

const ownedExchange = (d: Draft, exchangeId: string): Exchange | CommandError =>
  own(d.state.exchanges, exchangeId) ?? err('NO_SUCH_EXCHANGE', `no exchange of places ${exchangeId}`);

/** Both entries still wait, ordinary, on the same list. */
function exchangeable(d: Draft, a: string, b: string): CommandError | undefined {
  const x = findEntry(d, a);
  if (isError(x)) return x;
  const y = findEntry(d, b);
  if (isError(y)) return y;
  if (x.status !== 'waiting' || y.status !== 'waiting' || !isOrdinary(x) || !isOrdinary(y)) return err('ENTRY_NOT_WAITING', 'only two places still waiting on the list can be exchanged');
  if (x.itemId !== y.itemId || x.delegationId === y.delegationId) return err('EXCHANGE_NOT_ALLOWED', 'an exchange is between two delegations on the same list');
  return undefined;
}

/** R48: one delegation proposes to exchange its place with another's. */
export const proposeExchange: Handler<{ entryId: string; withEntryId: string }> = (d, p) => {
  const bad = exchangeable(d, p.entryId, p.withEntryId);
  if (bad) return bad;
  const a = own(d.state.entries, p.entryId)!;
  const b = own(d.state.entries, p.withEntryId)!;
  const mine = ownDelegation(d, a.delegationId);                                 // R8
  if (mine) return mine;
  d.emit('exchange.proposed', {
    exchangeId: `x${d.state.nextExchange}`, itemId: a.itemId, entryId: a.entryId, withEntryId: b.entryId,
    delegationId: a.delegationId, withDelegationId: b.delegationId, proposedBy: d.actor.participantId,
  }, DELEGATES, a.itemId);
  return undefined;
};

/** R48: the other delegation confirms. */
export const confirmExchange: Handler<{ exchangeId: string }> = (d, p) => {
  const x = ownedExchange(d, p.exchangeId);
  if (isError(x)) return x;
  if (x.status !== 'proposed') return err('EXCHANGE_NOT_ALLOWED', `this exchange is already ${x.status}`);
  const mine = ownDelegation(d, x.withDelegationId);
  if (mine) return mine;
  const bad = exchangeable(d, x.entryId, x.withEntryId);
  if (bad) return bad;
  d.emit('exchange.confirmed', { exchangeId: x.exchangeId, confirmedBy: d.actor.participantId }, DELEGATES, x.itemId);
  return undefined;
};

/** R48: the chair or secretariat approves a confirmed exchange; only the two places change. */
export const approveExchange: Handler<{ exchangeId: string; reason?: string }> = (d, p) => {
  const x = ownedExchange(d, p.exchangeId);
  if (isError(x)) return x;
  if (x.status !== 'confirmed') return err('EXCHANGE_NOT_CONFIRMED', x.status === 'approved' ? 'this exchange is already approved' : 'the other delegation has not confirmed');
  const bad = exchangeable(d, x.entryId, x.withEntryId);
  if (bad) return bad;
  const order = speakersOrder(d.state, own(d.state.items, x.itemId)!).map((e) => e.entryId);
  const i = order.indexOf(x.entryId);
  const j = order.indexOf(x.withEntryId);
  [order[i], order[j]] = [order[j]!, order[i]!];
  d.emit('exchange.approved', {
    exchangeId: x.exchangeId, itemId: x.itemId, entryId: x.entryId, withEntryId: x.withEntryId, delegationId: x.delegationId,
    withDelegationId: x.withDelegationId, proposedBy: x.proposedBy, confirmedBy: x.confirmedBy!, approvedBy: d.actor.participantId, order,
    ...(p.reason ? { reason: p.reason } : {}),
  }, PUBLIC, x.itemId);
  return undefined;
};
