import { Immer } from 'immer';
import type { EventEnvelope, EntrySnapshot, FloorEventPayloads as P, ResolvedMeetingSetup, RulesProfile } from '@rostrum/contracts';
import { elapsedMs } from './clock';
import { DECISION_HANDLERS } from './decisions.evolve';
import { insertByKey } from './ordering';
import type { Entry, FloorState, ItemState, ParticipantInfo, Speech } from './state';
import { own } from './own';

type Handler<K extends keyof P> = (s: FloorState, p: P[K], at: number) => void;
type Handlers = { [K in keyof P]?: Handler<K> };

const item = (s: FloorState, id: string): ItemState => own(s.items, id)!;

/** Leave the ordinary band: the manual order forgets the entry. */
function leave(s: FloorState, e: Entry): void {
  const it = own(s.items, e.itemId);
  if (it?.manualOrder) it.manualOrder = it.manualOrder.filter((id) => id !== e.entryId);
  s.pointsOfOrder = s.pointsOfOrder.filter((id) => id !== e.entryId);
  if (s.called === e.entryId) s.called = null;
}

function addEntry(s: FloorState, snap: EntrySnapshot, status: Entry['status']): Entry {
  const e: Entry = { ...snap, status, orderAt: snap.inscribedAt, ordinal: s.nextOrdinal++, missedOnce: false };
  s.entries[e.entryId] = e;
  return e;
}

const speechOf = (s: FloorState, entryId: string): Speech | null =>
  s.speech?.entryId === entryId ? s.speech : s.interrupted?.entryId === entryId ? s.interrupted : null;

const H: Handlers = {
  'meeting.created': (s, p: ResolvedMeetingSetup<RulesProfile>) => {
    s.created = true; s.status = 'created'; s.title = p.title; if (p.timeZone) s.timeZone = p.timeZone; s.profile = p.profile; s.sittings = [...(p.sittings ?? [])];
    for (const d of p.delegations) s.delegations[d.id] = { id: d.id, name: d.name, tier: d.tier, groups: [...d.groups] };
    for (const g of p.groups) s.groups[g.id] = { ...g };
    for (const x of p.participants) s.participants[x.id] = { ...x };
    for (const i of p.items) {
      s.itemOrder.push(i.id);
      s.items[i.id] = { id: i.id, title: i.title, position: i.position, status: 'pending', list: 'open', manualOrder: null, extraSpeeches: {}, lastPosition: null, motion: null, delivered: [] };
    }
  },
  'participant.added': (s, p: ParticipantInfo) => { s.participants[p.id] = { ...p }; },
  'meeting.opened': (s, p) => { s.status = 'open'; s.sitting = p.sitting ?? s.sitting + 1; },   // R45
  'meeting.suspended': (s) => { s.status = 'suspended'; },
  'meeting.resumed': (s) => { s.status = 'open'; },
  'meeting.adjourned': (s) => { s.status = 'adjourned'; s.currentItemId = null; },
  'item.takenUp': (s, p) => { s.currentItemId = p.itemId; item(s, p.itemId).status = 'open'; s.appeal = null; },
  'item.concluded': (s, p) => {
    const it = item(s, p.itemId);
    it.status = 'concluded'; it.motion = null;
    if (s.currentItemId === p.itemId) s.currentItemId = null;
    s.appeal = null;
  },
  'floor.requested': (s, p, at) => {
    const e = addEntry(s, p.entry, 'waiting');
    const it = item(s, e.itemId);
    if (it.manualOrder && (e.type === 'statement' || e.type === 'question')) it.manualOrder = insertByKey(s, it.manualOrder, e.entryId);
    if (e.type === 'procedural-motion' && it.motion && e.position) it.motion[e.position] += 1;
    void at;
  },
  'floor.amended': (s, p, at) => {
    const e = own(s.entries, p.entryId)!;
    Object.assign(e, p.changes);
    const it = item(s, e.itemId);
    if (p.movedToEnd) {                                                        // R6
      e.orderAt = at;
      if (it.manualOrder) it.manualOrder = insertByKey(s, it.manualOrder.filter((id) => id !== e.entryId), e.entryId);
    }
  },
  'floor.withdrawn': (s, p) => { const e = own(s.entries, p.entryId)!; e.status = 'withdrawn'; leave(s, e); },
  'floor.declined': (s, p) => { const e = own(s.entries, p.entryId)!; e.status = 'declined'; leave(s, e); },
  'floor.reordered': (s, p) => {
    const it = item(s, own(s.entries, p.entryId)!.itemId);
    it.manualOrder = [...p.order];
  },
  'floor.given': (s, p) => {
    const e = own(s.entries, p.entry.entryId) ?? addEntry(s, p.entry, 'waiting');
    leave(s, e);
    if (e.type === 'point-of-order') s.pointsOfOrder = [...s.pointsOfOrder, e.entryId].sort((a, b) => own(s.entries, a)!.ordinal - own(s.entries, b)!.ordinal);   // pending until ruled
    e.status = 'called'; e.calledAt = p.calledAt; e.allottedSeconds = p.allottedSeconds;
    s.called = e.entryId;
    if (e.type !== 'point-of-order') s.appeal = null;                          // R22: next business
  },
  'entry.missed': (s, p, at) => {                                              // R40
    const e = own(s.entries, p.entryId)!;
    leave(s, e);
    if (p.outcome === 'forfeited') { e.status = 'missed'; return; }
    e.status = 'waiting'; e.missedOnce = true; e.orderAt = at; delete e.calledAt;
    const it = item(s, e.itemId);
    if (it.manualOrder) it.manualOrder = [...it.manualOrder, e.entryId];
  },
  'reply.requested': (s, p) => { addEntry(s, p.entry, 'requested'); },
  'reply.granted': (s, p, at) => {
    const e = own(s.entries, p.entry.entryId)!;
    e.status = 'waiting'; e.grantedAt = at; e.replyIndex = p.replyIndex; e.allottedSeconds = p.allottedSeconds;
  },
  'reply.declined': (s, p) => { const e = own(s.entries, p.entryId)!; e.status = 'declined'; leave(s, e); },
  'pointOfOrder.raised': (s, p) => { addEntry(s, p.entry, 'waiting'); s.pointsOfOrder.push(p.entry.entryId); },
  'pointOfOrder.ruled': (s, p, at) => {
    const e = own(s.entries, p.entryId)!;
    e.ruling = { decision: p.decision, text: p.text };
    if (e.status !== 'done') { e.status = 'done'; }
    leave(s, e);
    s.appeal = p.appealable ? { entryId: p.entryId, status: 'appealable', ...(p.effect ? { effect: p.effect, undo: undoOf(s, p.effect.entryId, at) } : {}) } : null;
  },
  'pointOfOrder.appealed': (s, p) => { s.appeal = { ...(s.appeal ?? {}), entryId: p.entryId, status: 'appealed' }; },
  'pointOfOrder.appealDecided': (s) => { s.appeal = null; },
  'motion.moved': (s, p) => {
    const e = own(s.entries, p.entryId)!;
    item(s, e.itemId).motion = { kind: p.kind, entryId: p.entryId, delegationId: p.delegationId, limits: p.limits, for: 0, against: 0 };
  },
  'motion.decided': (s) => {
    const it = s.currentItemId ? item(s, s.currentItemId) : null;
    if (!it) return;
    it.motion = null;
    for (const e of Object.values(s.entries)) if (e.itemId === it.id && e.type === 'procedural-motion' && e.status === 'waiting') { e.status = 'withdrawn'; leave(s, e); }
  },
  'speech.started': (s, p) => {
    const e = own(s.entries, p.entryId)!;
    if (s.speech) s.interrupted = s.speech;                                    // R19: a point of order is heard
    s.speech = {
      entryId: e.entryId, itemId: e.itemId, delegationId: e.delegationId, calledAt: e.calledAt ?? p.startedAt,
      startedAt: p.startedAt, allottedSeconds: p.allottedSeconds, paused: false, pauseReason: null, clockStoppedAt: null,
      pausedMs: 0, pauses: [], warningsGiven: [], warned: [], expiredAt: null,
      ...(p.yieldedFrom ? { yieldedFrom: p.yieldedFrom } : {}),
    };
    e.status = 'speaking';
    if (s.called === e.entryId) s.called = null;                               // a point of order stays pending until ruled (R21)
    s.appeal = null;
  },
  'speech.paused': (s, p) => {
    const sp = speechOf(s, p.entryId)!;
    sp.paused = true; sp.pauseReason = p.reason;
    sp.clockStoppedAt = p.clockRuns ? null : p.at;                             // R20
    sp.pauses.push({ at: p.at, reason: p.reason, clockRan: p.clockRuns });
  },
  'speech.resumed': (s, p) => {
    const sp = speechOf(s, p.entryId)!;
    if (sp.clockStoppedAt !== null) sp.pausedMs += p.at - sp.clockStoppedAt;
    sp.clockStoppedAt = null; sp.paused = false; sp.pauseReason = null;
    const last = sp.pauses[sp.pauses.length - 1];
    if (last && last.until === undefined) last.until = p.at;
  },
  'speech.yielded': (s, p) => { if (p.to === 'questions' && s.speech) s.speech.yieldedToQuestions = true; },
  'speech.ended': (s, p) => {
    const iv = p.intervention;
    const e = own(s.entries, iv.entryId)!;
    e.status = 'done'; e.heardInSitting = s.sitting;                           // R45
    if (iv.ruling) e.ruling = iv.ruling;
    const it = item(s, iv.itemId);
    it.delivered.push(iv.entryId);
    if (e.position && e.type !== 'procedural-motion') it.lastPosition = e.position;   // R14
    if (s.speech?.entryId === iv.entryId) { s.speech = s.interrupted; s.interrupted = null; }
    else if (s.interrupted?.entryId === iv.entryId) s.interrupted = null;
  },
  'clock.warning': (s, p) => { const sp = speechOf(s, p.entryId)!; sp.warned.push(p.secondsLeft); sp.warningsGiven.push(p.secondsLeft); },
  'clock.expired': (s, p) => { speechOf(s, p.entryId)!.expiredAt = p.at; },
  'clock.extended': (s, p, at) => {                                            // R33
    const sp = speechOf(s, p.entryId)!;
    sp.allottedSeconds = p.allottedSeconds;
    const left = sp.allottedSeconds * 1000 - elapsedMs(sp, at);
    sp.warned = sp.warned.filter((w) => left <= w * 1000);
    if (left > 0) sp.expiredAt = null;
  },
  'limits.changed': (s, p) => { s.profile = { ...s.profile!, time: p.time }; },
  'speechLimit.extended': (s, p) => { const it = item(s, p.itemId); it.extraSpeeches[p.delegationId] = (own(it.extraSpeeches, p.delegationId) ?? 0) + p.speeches; },
  'list.announced': (s, p) => { item(s, p.itemId).list = 'announced'; },
  'list.closed': (s, p) => { item(s, p.itemId).list = 'closed'; },
  'list.reopened': (s, p) => { item(s, p.itemId).list = 'open'; },
  'presence.updated': (s, p, at) => {
    const prev = own(s.presence, p.delegationId);
    const mode = p.mode ?? prev?.mode;
    s.presence[p.delegationId] = { status: p.status, ...(mode ? { mode } : {}), at };
  },
};

/** R53: what an overturn of a ruling with this effect restores: the status, and the time left of a speech cut short. */
function undoOf(s: FloorState, entryId: string, at: number): { restoredStatus: 'waiting' | 'requested'; allottedSeconds?: number } {
  const sp = speechOf(s, entryId);
  if (sp) return { restoredStatus: 'waiting', allottedSeconds: Math.max(10, Math.ceil((sp.allottedSeconds * 1000 - elapsedMs(sp, at)) / 1000)) };
  return { restoredStatus: own(s.entries, entryId)?.status === 'requested' ? 'requested' : 'waiting' };
}

const ALL = new Map<string, (s: FloorState, p: unknown, at: number) => void>(
  [...Object.entries(H), ...Object.entries(DECISION_HANDLERS)] as Array<[string, (s: FloorState, p: unknown, at: number) => void]>,
);

/** The floor's own immer: states frozen whatever another module sets on immer's default instance. */
const immer = new Immer({ autoFreeze: true });

/**
 * Pure: the state after `event`; `state`'s values are left as they were. Unknown event types only
 * move the sequence on (`seq`, `lastAt` in ms).
 *
 * The new state shares every part the event did not touch with `state` (immer's `produce`), and
 * is deeply frozen: nothing may change a state once made, here or in the services holding it.
 * Freezing reaches what the state shares: the untouched parts of an unfrozen `state` (one read
 * from JSON) and the objects of `event.payload` a handler keeps.
 * Copying the whole state per event (structuredClone, before) cost time in proportion to the
 * meeting: 25% of the floor's busy time under the command bench, and 6× the decide-and-evolve
 * time of a 193-delegation list of speakers (docs/benchmarks.md).
 */
export function evolveFloor(state: FloorState, event: EventEnvelope): FloorState {
  return immer.produce(state, (next) => {
    next.seq = event.seq;
    next.lastAt = Math.max(next.lastAt ?? 0, event.at);
    const h = ALL.get(event.type);
    if (h) h(next as FloorState, event.payload, event.at);
  });
}
