import type { Capacity, CommandError, FloorRequest } from '@rostrum/contracts';
import { err, PUBLIC, staffAnd, type Draft, type Handler } from './draft';
import { findEntry, findItem, isError, isStaff, ownDelegation, requireOpen } from './guards';
import { maybeConclude } from './meeting.decider';
import { acknowledgeInscription, inscriptionOpen } from './debate.decider';
import { isOrdinary, replyCount, speakersOrder, spokenCount } from './ordering';
import { raisePointOfOrder } from './points-of-order.decider';
import { capacityLabel, type Entry, type ItemState } from './state';
import type { EntrySnapshot } from '@rostrum/contracts';
import { own } from './own';
import { itemNotConcluded, listClosable, listNotClosed, listReopenable, notAPointOfOrder, withdrawable } from './rules';

/** R38: the registered coordinator of a group for this meeting (profile registry first). */
export function checkCapacity(d: Draft, delegationId: string, capacity: Capacity) {
  if (capacity.kind !== 'group') return undefined;
  const g = own(d.state.groups, capacity.groupId);
  if (!g) return err('NO_SUCH_GROUP', `no group ${capacity.groupId}`);
  const reg = d.state.profile!.groupRegistry;
  const coordinator = own(reg, g.id) ?? own(reg, g.name) ?? g.coordinatorDelegationId;
  if (coordinator !== delegationId) return err('NOT_GROUP_COORDINATOR', `only the coordinator of ${g.name} may speak on its behalf`);
  return undefined;
}

const sameCapacity = (a: Capacity, b: Capacity) => a.kind === b.kind && (a.kind === 'national' || (b.kind === 'group' && a.groupId === b.groupId));
const OPEN = ['waiting', 'called'];

/** Builds the entry snapshot of a request (R3): speaker defaults to the participant sending it. */
function buildEntry(d: Draft, p: FloorRequest, delegationId: string, item: ItemState): EntrySnapshot {
  const s = d.state;
  const del = own(s.delegations, delegationId)!;
  const self = own(s.participants, d.actor.participantId);
  const participant = self?.delegationId === delegationId ? self
    : Object.values(s.participants).find((x) => x.delegationId === delegationId && x.role === 'delegate');
  const speaker = p.speaker ?? (participant ? { name: participant.name, title: participant.title, level: participant.level } : { name: del.name, level: 'other' as const });
  return {
    entryId: `e${s.nextOrdinal}`, itemId: item.id, delegationId, delegationName: del.name, tier: del.tier,
    ...(participant && !p.speaker ? { participantId: participant.id } : {}),
    ...(p.speaker ? { speakerSetBy: d.actor.participantId } : {}),
    speakerName: speaker.name, ...(speaker.title ? { speakerTitle: speaker.title } : {}), level: speaker.level,
    capacity: p.capacity, capacityLabel: capacityLabel(del.name, p.capacity, s.groups),
    type: p.type, mode: p.mode, inscribedAt: d.now, requestedBy: d.actor.participantId,
    ...(p.replyTo ? { replyTo: p.replyTo } : {}), ...(p.position ? { position: p.position } : {}),
    ...(p.motion ? { motion: p.motion } : {}), ...(p.allottedSeconds ? { allottedSeconds: p.allottedSeconds } : {}),
    ...(p.text ? { text: p.text } : {}),
    // Language of delivery: as requested, else the speaker's usual language (setup).
    ...(p.language ?? (!p.speaker ? participant?.language : undefined) ? { language: p.language ?? participant!.language! } : {}),
  };
}

/**
 * A delegate's speaker (name, title, level) is the participant record the secretariat
 * registered; only the chair or the secretariat may name another (R3, R12) — otherwise a
 * delegate could claim a higher rank and jump the list under levelOrdering.
 */
function speakerFromRegistration(d: Draft, speaker: unknown): CommandError | undefined {
  if (speaker !== undefined && !isStaff(d)) return err('SPEAKER_FROM_REGISTRATION', 'the speaker\'s name and level come from the registration; ask the secretariat to change them');
  return undefined;
}

export const requestFloor: Handler<FloorRequest> = (d, p) => {
  const s = d.state;
  const rank = speakerFromRegistration(d, p.speaker);
  if (rank) return rank;
  const ahead = p.type === 'statement' || p.type === 'question';
  const closed = ahead ? inscriptionOpen(d) : requireOpen(d);                   // R46: the list may open before any meeting
  if (closed) return closed;
  const delegationId = p.delegationId ?? d.actor.delegationId;
  if (!delegationId) return err('VALIDATION_FAILED', 'delegationId: name the delegation inscribed');
  const mine = ownDelegation(d, delegationId);                                  // R8
  if (mine) return mine;
  const del = own(s.delegations, delegationId);
  if (!del) return err('NO_SUCH_DELEGATION', `no delegation ${delegationId}`);
  const item = findItem(d, p.itemId);
  if (isError(item)) return item;
  if (item.status === 'concluded') return err('ITEM_CONCLUDED', 'the debate on this item is concluded');
  const profile = s.profile!;
  if (!profile.eligibleTiers.includes(del.tier)) return err('TIER_NOT_ELIGIBLE', `${del.tier} may not take the floor in this meeting`); // R5
  const cap = checkCapacity(d, delegationId, p.capacity);                       // R38
  if (cap) return cap;
  if (p.allottedSeconds !== undefined && !isStaff(d)) return err('FORBIDDEN', 'only the chair or secretariat sets a time limit'); // R33
  const entry = buildEntry(d, p, delegationId, item);

  if (p.type === 'point-of-order') return raisePointOfOrder(d, entry, item);
  if (p.type === 'right-of-reply') {
    if (!profile.rightOfReply.enabled) return err('RIGHT_OF_REPLY_DISABLED', 'rights of reply are not used in this meeting'); // R24
    if (!item.delivered.includes(p.replyTo!)) return err('NO_SUCH_INTERVENTION', 'a right of reply answers an intervention delivered on this item');
    if (replyCount(s, item.id, delegationId) >= profile.rightOfReply.maxPerDelegation) {                                     // R26
      return err('REPLY_LIMIT_REACHED', `at most ${profile.rightOfReply.maxPerDelegation} rights of reply per item`);
    }
    d.emit('reply.requested', { entry }, staffAnd(delegationId), item.id);       // R24: requested, not inscribed
    return undefined;
  }
  if (p.type === 'procedural-motion') return moveOrSpeakOnMotion(d, entry, item);

  if (item.list === 'closed') return err('LIST_CLOSED', 'the list of speakers is closed');                                  // R30
  const waiting = Object.values(s.entries).filter((e) => e.itemId === item.id && e.delegationId === delegationId && isOrdinary(e) && OPEN.includes(e.status));
  if (waiting.filter((e) => sameCapacity(e.capacity, p.capacity)).length >= profile.maxWaitingPerDelegation) {             // R4
    return err('ALREADY_WAITING', `${del.name} already holds ${profile.maxWaitingPerDelegation} waiting entr${profile.maxWaitingPerDelegation === 1 ? 'y' : 'ies'} in this capacity`);
  }
  if (profile.maxSpeechesPerItem !== null) {                                                                                 // R36
    const limit = profile.maxSpeechesPerItem + (own(item.extraSpeeches, delegationId) ?? 0);
    if (spokenCount(s, item.id, delegationId) + waiting.length >= limit) return err('SPEECH_LIMIT_REACHED', `at most ${limit} speeches per item`);
  }
  d.emit('floor.requested', { entry }, PUBLIC, item.id);
  acknowledgeInscription(d, entry.entryId);                                    // R46
  return undefined;
};

/** R32: the first request moves the motion; later ones speak for or against, within the limits. */
function moveOrSpeakOnMotion(d: Draft, entry: EntrySnapshot, item: ItemState) {
  const limits = d.state.profile!.proceduralMotions;
  if (!item.motion) {
    const l = entry.motion === 'adjourn-debate' ? limits.adjournDebate : { for: 0, against: limits.closureOfDebate.against };
    d.emit('floor.requested', { entry }, PUBLIC, item.id);
    d.emit('motion.moved', { kind: entry.motion!, entryId: entry.entryId, delegationId: entry.delegationId, limits: l }, PUBLIC, item.id);
    return undefined;
  }
  if (entry.motion !== item.motion.kind) return err('MOTION_PENDING', `a motion for ${item.motion.kind} is pending`);
  if (!entry.position) return err('VALIDATION_FAILED', 'position: speak for or against the motion');
  if (item.motion[entry.position] >= item.motion.limits[entry.position]) return err('MOTION_LIST_FULL', `at most ${item.motion.limits[entry.position]} speakers ${entry.position} the motion`);
  d.emit('floor.requested', { entry }, PUBLIC, item.id);
  return undefined;
}

export const amendEntry: Handler<{ entryId: string; capacity?: Capacity; speaker?: { name: string; title?: string; level: Entry['level'] }; type?: 'statement' | 'question'; mode?: Entry['mode'] }> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const e = findEntry(d, p.entryId);
  if (isError(e)) return e;
  const mine = ownDelegation(d, e.delegationId);
  if (mine) return mine;
  if (e.status !== 'waiting' || !isOrdinary(e)) return err('ENTRY_NOT_WAITING', 'only a waiting entry on the list can change');
  const changes: Record<string, unknown> = {};
  let losesPlace = false;
  if (p.capacity && !sameCapacity(p.capacity, e.capacity)) {
    const cap = checkCapacity(d, e.delegationId, p.capacity);
    if (cap) return cap;
    const held = Object.values(d.state.entries).filter((x) => x.itemId === e.itemId && x.delegationId === e.delegationId && isOrdinary(x) && OPEN.includes(x.status) && sameCapacity(x.capacity, p.capacity!));
    if (held.length >= d.state.profile!.maxWaitingPerDelegation) return err('ALREADY_WAITING', 'the delegation already waits in that capacity');  // R4
    Object.assign(changes, { capacity: p.capacity, capacityLabel: capacityLabel(e.delegationName, p.capacity, d.state.groups) });
    losesPlace = true;
  }
  const rank = speakerFromRegistration(d, p.speaker);
  if (rank) return rank;
  if (p.speaker && (p.speaker.name !== e.speakerName || p.speaker.level !== e.level || p.speaker.title !== e.speakerTitle)) {
    Object.assign(changes, { speakerName: p.speaker.name, speakerTitle: p.speaker.title, level: p.speaker.level, speakerSetBy: d.actor.participantId });
    if (p.speaker.level !== e.level) losesPlace = true;
  }
  if (p.type && p.type !== e.type) { changes.type = p.type; losesPlace = true; }
  if (p.mode && p.mode !== e.mode) changes.mode = p.mode;                       // R39: the mode never changes a place
  if (Object.keys(changes).length === 0) return err('VALIDATION_FAILED', 'nothing to change');
  d.emit('floor.amended', { entryId: e.entryId, changes, movedToEnd: losesPlace && d.state.profile!.changeLosesPlace }, PUBLIC, e.itemId); // R6
  return undefined;
};

/** Requests the chair has not accepted are seen by staff and the delegation only. */
const pendingVisibility = (e: Entry) =>
  e.status === 'requested' || (e.type === 'point-of-order' && e.status === 'waiting') ? staffAnd(e.delegationId) : PUBLIC;

export const withdrawEntry: Handler<{ entryId: string; reason?: string }> = (d, p) => {
  const e = findEntry(d, p.entryId);
  if (isError(e)) return e;
  const mine = ownDelegation(d, e.delegationId);                                // R7
  if (mine) return mine;
  const gone = withdrawable(e.status);
  if (gone) return gone;
  d.emit('floor.withdrawn', { entryId: e.entryId, delegationId: e.delegationId, by: d.actor.role === 'delegate' ? 'delegation' : 'chair', ...(p.reason ? { reason: p.reason } : {}) }, pendingVisibility(e), e.itemId);
  maybeConclude(d, e.itemId);
  return undefined;
};

export const declineEntry: Handler<{ entryId: string; reason?: string }> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const e = findEntry(d, p.entryId);
  if (isError(e)) return e;
  const why = p.reason ? { reason: p.reason } : {};
  const ruling = e.status === 'waiting' ? notAPointOfOrder(e.type, 'decline') : undefined;
  if (ruling) return ruling;
  if (e.status === 'requested') d.emit('reply.declined', { entryId: e.entryId, delegationId: e.delegationId, ...why }, staffAnd(e.delegationId), e.itemId); // R24
  else if (e.status === 'waiting') d.emit('floor.declined', { entryId: e.entryId, delegationId: e.delegationId, ...why }, PUBLIC, e.itemId);
  else return err('ENTRY_NOT_WAITING', 'this entry is no longer waiting');
  maybeConclude(d, e.itemId);
  return undefined;
};

export const reorderEntry: Handler<{ entryId: string; toIndex: number; reason?: string }> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const e = findEntry(d, p.entryId);
  if (isError(e)) return e;
  if (e.status !== 'waiting' || !isOrdinary(e)) return err('ENTRY_NOT_WAITING', 'only a waiting entry on the list can move');
  if (d.state.profile!.reorderNeedsReason && !p.reason) return err('REASON_REQUIRED', 'say why the entry moves');   // R15
  const order = speakersOrder(d.state, own(d.state.items, e.itemId)!).map((x) => x.entryId);
  const fromIndex = order.indexOf(e.entryId);
  const rest = order.filter((id) => id !== e.entryId);
  const toIndex = Math.min(p.toIndex, rest.length);
  rest.splice(toIndex, 0, e.entryId);
  d.emit('floor.reordered', { entryId: e.entryId, fromIndex, toIndex, by: d.actor.participantId, order: rest, ...(p.reason ? { reason: p.reason } : {}) }, PUBLIC, e.itemId);
  return undefined;
};

export function listItem(d: Draft, itemId?: string) {
  const closed = requireOpen(d);
  if (closed) return closed;
  const item = findItem(d, itemId);
  if (isError(item)) return item;
  return itemNotConcluded(item) ?? item;
}

export const announceList: Handler<{ itemId?: string }> = (d, p) => {
  const item = listItem(d, p.itemId);
  if (isError(item)) return item;
  const closed = listNotClosed(item);
  if (closed) return closed;
  d.emit('list.announced', { itemId: item.id }, PUBLIC, item.id);               // R29
  return undefined;
};

export const closeList: Handler<{ itemId?: string; consent: 'no-objection' | 'vote' | 'chair'; votes?: { for: number; against: number; abstain: number } }> = (d, p) => {
  const item = listItem(d, p.itemId);
  if (isError(item)) return item;
  const refused = listClosable(item, d.state.profile!);                         // R29
  if (refused) return refused;
  if (p.consent === 'vote' && !p.votes) return err('VALIDATION_FAILED', 'votes: a vote needs its result');
  d.emit('list.closed', { itemId: item.id, consent: p.consent, ...(p.votes ? { votes: p.votes } : {}) }, PUBLIC, item.id);
  maybeConclude(d, item.id);                                                    // R31
  return undefined;
};

export const reopenList: Handler<{ itemId?: string; reason?: string }> = (d, p) => {
  const item = listItem(d, p.itemId);
  if (isError(item)) return item;
  const open = listReopenable(item);
  if (open) return open;
  d.emit('list.reopened', { itemId: item.id, ...(p.reason ? { reason: p.reason } : {}) }, PUBLIC, item.id);  // R30
  return undefined;
};

