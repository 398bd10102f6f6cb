import { REQUEST_TYPES, RulesProfileSchema } from '@rostrum/contracts';
import { remainingMs } from './clock';
import { err, PUBLIC, type Draft, type Handler } from './draft';
import { isError, ownDelegation, requireOpen } from './guards';
import { intervention } from './intervention';
import { maybeConclude } from './meeting.decider';
import { bands } from './ordering';
import { pendingRuling } from './floor-giving.decider';
import type { Speech } from './state';
import { own } from './own';
import { calledToSpeak, notAPointOfOrder, speaking, speechPausable, speechResumable, startOverSpeech } from './rules';

type Ref = { entryId?: string; reason?: string };

function currentSpeech(d: Draft, entryId?: string): Speech | ReturnType<typeof err> {
  return speaking(d.state, entryId) ?? d.state.speech!;
}

/** R42: whoever is next is told when a speech starts. */
function announceOnDeck(d: Draft, itemId: string): void {
  const next = bands(d.state, itemId).call[0];
  if (next) d.emit('speaker.onDeck', { entryId: next.entryId, delegationId: next.delegationId, speakerName: next.speakerName }, PUBLIC, itemId);
}

export function startSpeech(d: Draft, entryId: string, seconds: number, yieldedFrom?: string): void {
  const e = own(d.state.entries, entryId)!;
  d.emit('speech.started', { entryId, delegationId: e.delegationId, speakerName: e.speakerName, type: e.type, mode: e.mode, startedAt: d.now, allottedSeconds: seconds, ...(yieldedFrom ? { yieldedFrom } : {}) }, PUBLIC, e.itemId);
  if (e.type !== 'point-of-order') announceOnDeck(d, e.itemId);
}

export const start: Handler<Ref> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const id = p.entryId ?? d.state.called;
  const e = id ? own(d.state.entries, id) : undefined;
  const notCalled = calledToSpeak(d.state.called, e);                          // R1
  if (notCalled) return notCalled;
  const mine = ownDelegation(d, e!.delegationId);
  if (mine) return mine;
  const sp = d.state.speech;
  const over = startOverSpeech(d.state, e!, sp ? own(d.state.entries, sp.entryId)!.type : undefined);   // R19
  if (over) return over;
  if (sp) {
    if (!sp.paused) d.emit('speech.paused', { entryId: sp.entryId, at: d.now, reason: 'point-of-order', clockRuns: d.state.profile!.clockRunsDuringPointOfOrder, alertChair: true }, PUBLIC, sp.itemId);
  }
  startSpeech(d, e!.entryId, e!.allottedSeconds!);
  return undefined;
};

export const pause: Handler<Ref> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const sp = currentSpeech(d, p.entryId);
  if (isError(sp)) return sp;
  const paused = speechPausable(d.state);
  if (paused) return paused;
  d.emit('speech.paused', { entryId: sp.entryId, at: d.now, reason: 'chair', clockRuns: false, alertChair: false }, PUBLIC, sp.itemId);
  return undefined;
};

export const resume: Handler<Ref> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const sp = currentSpeech(d, p.entryId);
  if (isError(sp)) return sp;
  const blocked = speechResumable(d.state);                                     // R21
  if (blocked) return blocked;
  d.emit('speech.resumed', { entryId: sp.entryId, at: d.now, pausedMs: sp.clockStoppedAt === null ? 0 : d.now - sp.clockStoppedAt, reason: 'chair' }, PUBLIC, sp.itemId);
  return undefined;
};

export function endSpeech(d: Draft, sp: Speech, reason: 'ended' | 'time' | 'yield'): void {
  d.emit('speech.ended', { intervention: intervention(d.state, sp, d.now, reason) }, PUBLIC, sp.itemId);   // R44
  maybeConclude(d, sp.itemId);                                                                             // R31
}

export const end: Handler<Ref> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const sp = currentSpeech(d, p.entryId);
  if (isError(sp)) return sp;
  const mine = ownDelegation(d, sp.delegationId);
  if (mine) return mine;
  const ruling = notAPointOfOrder(own(d.state.entries, sp.entryId)!.type, 'end');    // R23
  if (ruling) return ruling;
  endSpeech(d, sp, 'ended');
  return undefined;
};

/** R37 (model-un): to the chair (lapses), to a delegation (remainder only, no second yield) or to questions. */
export const yieldTime: Handler<{ to: 'chair' | 'delegation' | 'questions'; delegationId?: string }> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  if (!d.state.profile!.yields.enabled) return err('YIELDS_DISABLED', 'yields are not used in this meeting');
  const sp = currentSpeech(d);
  if (isError(sp)) return sp;
  const mine = ownDelegation(d, sp.delegationId);
  if (mine) return mine;
  const e = own(d.state.entries, sp.entryId)!;
  if (e.type === 'point-of-order' || sp.yieldedFrom || sp.yieldedToQuestions) return err('YIELD_NOT_ALLOWED', 'this time cannot be yielded');
  const remaining = Math.floor(remainingMs(sp, d.now) / 1000);
  if (remaining <= 0) return err('YIELD_NOT_ALLOWED', 'no time is left to yield');
  if (p.to === 'delegation') {
    const to = own(d.state.delegations, p.delegationId!);
    if (!to) return err('NO_SUCH_DELEGATION', `no delegation ${p.delegationId}`);
    if (to.id === sp.delegationId) return err('YIELD_NOT_ALLOWED', 'a delegation cannot yield to itself');
  }
  d.emit('speech.yielded', { entryId: sp.entryId, to: p.to, ...(p.delegationId ? { delegationId: p.delegationId } : {}), remainingSeconds: remaining }, PUBLIC, sp.itemId);
  if (p.to === 'questions') return undefined;
  d.emit('speech.ended', { intervention: intervention(d.state, sp, d.now, 'yield') }, PUBLIC, sp.itemId);
  if (p.to === 'chair') { maybeConclude(d, sp.itemId); return undefined; }
  const to = own(d.state.delegations, p.delegationId!)!;
  const entryId = `e${d.state.nextOrdinal}`;
  const participant = Object.values(d.state.participants).find((x) => x.delegationId === to.id && x.role === 'delegate');
  d.emit('floor.given', {
    entry: {
      entryId, itemId: sp.itemId, delegationId: to.id, delegationName: to.name, tier: to.tier,
      speakerName: participant?.name ?? to.name, ...(participant?.title ? { speakerTitle: participant.title } : {}), level: participant?.level ?? 'other',
      capacity: { kind: 'national' }, capacityLabel: to.name, type: 'statement', mode: own(d.state.presence, to.id)?.mode ?? 'in-room',
      inscribedAt: d.now, requestedBy: d.actor.participantId, allottedSeconds: remaining,
    },
    calledAt: d.now, allottedSeconds: remaining,
  }, PUBLIC, sp.itemId);
  startSpeech(d, entryId, remaining, sp.entryId);
  return undefined;
};

export const extend: Handler<{ kind: 'time'; seconds: number; reason?: string } | { kind: 'speeches'; delegationId: string; itemId?: string; speeches: number; reason?: string }> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const why = p.reason ? { reason: p.reason } : {};
  if (p.kind === 'time') {                                                      // R33: the change is recorded
    const sp = currentSpeech(d);
    if (isError(sp)) return sp;
    const seconds = Math.max(1, sp.allottedSeconds + p.seconds);
    d.emit('clock.extended', { entryId: sp.entryId, seconds: seconds - sp.allottedSeconds, allottedSeconds: seconds, ...why }, PUBLIC, sp.itemId);
    return undefined;
  }
  const itemId = p.itemId ?? d.state.currentItemId;                            // R36: unless the chair extends
  if (!itemId || !own(d.state.items, itemId)) return err('NO_SUCH_ITEM', 'name the item');
  if (!own(d.state.delegations, p.delegationId)) return err('NO_SUCH_DELEGATION', `no delegation ${p.delegationId}`);
  d.emit('speechLimit.extended', { itemId, delegationId: p.delegationId, speeches: p.speeches, ...why }, PUBLIC, itemId);
  return undefined;
};

export const changeLimits: Handler<{ defaultSeconds?: number; perTypeSeconds?: Record<string, number>; perTierSeconds?: Record<string, number>; reason?: string }> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  const t = d.state.profile!.time;
  // A limit for a kind of speech or a tier that does not exist would change nothing while the
  // chair believes it did (a typo): refused, naming it.
  const kinds: readonly string[] = [...REQUEST_TYPES, 'group-statement'];
  const badType = Object.keys(p.perTypeSeconds ?? {}).find((k) => !kinds.includes(k));
  if (badType !== undefined) return err('VALIDATION_FAILED', `there is no kind of speech "${badType}": name one of ${kinds.join(', ')}`);
  const badTier = Object.keys(p.perTierSeconds ?? {}).find((k) => !d.state.profile!.tiers.includes(k));
  if (badTier !== undefined) return err('VALIDATION_FAILED', `there is no tier "${badTier}" in this meeting: name one of ${d.state.profile!.tiers.join(', ')}`);
  const time = {
    ...t, ...(p.defaultSeconds ? { defaultSeconds: p.defaultSeconds } : {}),
    perTypeSeconds: { ...t.perTypeSeconds, ...(p.perTypeSeconds ?? {}) },
    perTierSeconds: { ...t.perTierSeconds, ...(p.perTierSeconds ?? {}) },
  };
  const valid = RulesProfileSchema.shape.time.safeParse(time);
  if (!valid.success) return err('VALIDATION_FAILED', valid.error.issues[0]!.message);
  d.emit('limits.changed', { time: valid.data, ...(p.reason ? { reason: p.reason } : {}) }, PUBLIC, d.state.currentItemId ?? undefined);  // R33
  return undefined;
};

export const callToOrder: Handler<{ delegationId?: string; text: string }> = (d, p) => {
  const closed = requireOpen(d);
  if (closed) return closed;
  d.emit('chair.calledToOrder', { ...(p.delegationId ? { delegationId: p.delegationId } : {}), text: p.text }, PUBLIC, d.state.currentItemId ?? undefined);
  return undefined;
};
