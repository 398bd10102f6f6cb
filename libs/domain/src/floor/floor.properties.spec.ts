import fc from 'fast-check';
import type { Actor } from '@rostrum/contracts';
import { elapsedMs } from './clock';
import { evolveFloor } from './evolve';
import { chair, delegate, DELEGATIONS, openMeeting, secretariat, viewer, type TestMeeting } from './floor.fixtures';
import { bands, compareKeys, isOrdinary, sortKey } from './ordering';
import { initialFloorState } from './state';

const DEL = DELEGATIONS.map((x) => x.id);
const KINDS = [
  'statement', 'statement', 'statement', 'statement', 'group', 'poo', 'reply', 'reply', 'motion', 'withdraw', 'amend', 'grant', 'grant', 'decline', 'reorder',
  'call', 'call', 'call', 'call', 'call', 'next', 'next', 'start', 'start', 'start', 'start', 'pause', 'resume', 'resume', 'end', 'end', 'end', 'yield', 'rule', 'rule', 'rule', 'appeal', 'decideAppeal', 'motionDecide', 'motionDecide',
  'announce', 'close', 'reopen', 'drop', 'back', 'takeUp', 'conclude', 'extend', 'limits', 'garbage',
] as const;

const step = fc.record({
  kind: fc.constantFrom(...KINDS),
  d: fc.constantFrom(...DEL),
  /** Mostly the role that would send the command; sometimes anyone (which must be refused). */
  role: fc.constantFrom('natural', 'natural', 'natural', 'natural', 'natural', 'natural', 'chair', 'secretariat', 'delegate', 'viewer'),
  e: fc.nat(40),
  dt: fc.integer({ min: 0, max: 200 }),
  n: fc.nat(4),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

type Cmd = { type: string; payload: unknown; actor: Actor };
/** `call` is the chair's usual pair: next, then the speaker starts. */
function commands(m: TestMeeting, s: Step): Cmd[] {
  if (s.kind !== 'call') return [build(m, s)];
  return [{ type: 'chair.next', payload: {}, actor: chair }, { type: 'speech.start', payload: {}, actor: chair }];
}

function build(m: TestMeeting, s: Step): Cmd {
  const ids = Object.keys(m.state.entries);
  const entryId = ids.length ? ids[s.e % ids.length]! : 'e0';
  const done = Object.values(m.state.entries).filter((x) => x.status === 'done').map((x) => x.entryId);
  const DELEGATE_KINDS = ['statement', 'group', 'poo', 'reply', 'motion', 'withdraw', 'amend', 'drop', 'back', 'appeal'];
  const role = s.role !== 'natural' ? s.role : DELEGATE_KINDS.includes(s.kind) ? 'delegate' : s.kind === 'announce' ? 'secretariat' : 'chair';
  const owner = (s.kind === 'withdraw' || s.kind === 'amend') && m.state.entries[entryId] ? m.state.entries[entryId]!.delegationId : s.d;
  const actor = role === 'chair' ? chair : role === 'secretariat' ? secretariat : role === 'viewer' ? viewer : delegate(owner);
  const req = (payload: Record<string, unknown>) => ({ type: 'floor.request', payload: { delegationId: s.d, ...payload }, actor });
  const item = s.n % 2 === 0 ? 'item-1' : 'item-2';
  switch (s.kind) {
    case 'statement': return req({ type: s.n === 3 ? 'question' : 'statement', mode: s.n % 2 ? 'remote' : 'in-room', position: s.n % 2 ? 'for' : 'against', ...(s.n === 4 ? { speaker: { name: 'Minister', level: 'minister' } } : {}) });
    case 'group': return req({ type: 'statement', capacity: { kind: 'group', groupId: 'AFG' } });
    case 'poo': return req({ type: 'point-of-order' });
    case 'reply': return req({ type: 'right-of-reply', replyTo: done.length ? done[s.e % done.length] : 'e1' });
    case 'motion': return req({ type: 'procedural-motion', motion: s.n % 2 ? 'adjourn-debate' : 'closure-of-debate', position: s.n > 1 ? 'for' : 'against' });
    case 'withdraw': return { type: 'floor.withdraw', payload: { entryId }, actor };
    case 'amend': return { type: 'floor.amend', payload: { entryId, ...(s.n % 2 ? { capacity: { kind: 'national' } } : { type: 'question' }) }, actor };
    case 'grant': return { type: 'chair.grant', payload: { entryId }, actor };
    case 'decline': return { type: 'chair.decline', payload: { entryId }, actor };
    case 'reorder': return { type: 'chair.reorder', payload: { entryId, toIndex: s.n, reason: 'r' }, actor };
    case 'next': return { type: 'chair.next', payload: {}, actor };
    case 'start': return { type: 'speech.start', payload: {}, actor: s.role === 'delegate' && m.state.called ? delegate(m.state.entries[m.state.called]!.delegationId) : actor };
    case 'pause': return { type: 'speech.pause', payload: {}, actor };
    case 'resume': return { type: 'speech.resume', payload: {}, actor };
    case 'end': return { type: 'speech.end', payload: {}, actor };
    case 'yield': return { type: 'speech.yield', payload: s.n % 2 ? { to: 'delegation', delegationId: s.d } : { to: s.n ? 'questions' : 'chair' }, actor: m.state.speech ? delegate(m.state.speech.delegationId) : actor };
    case 'rule': return { type: 'pointOfOrder.rule', payload: { entryId: m.state.pointsOfOrder[0] ?? entryId, decision: s.n % 2 ? 'upheld' : 'rejected', text: 'ruling' }, actor };
    case 'appeal': return { type: 'pointOfOrder.appeal', payload: { entryId: m.state.appeal?.entryId ?? entryId }, actor: delegate(s.d) };
    case 'decideAppeal': return { type: 'pointOfOrder.decideAppeal', payload: { entryId: m.state.appeal?.entryId ?? entryId, overturned: s.n === 0 }, actor };
    case 'motionDecide': return { type: 'motion.decide', payload: { adopted: s.n === 0 }, actor };
    case 'announce': return { type: 'list.announce', payload: {}, actor };
    case 'close': return { type: 'list.close', payload: { consent: 'no-objection' }, actor };
    case 'reopen': return { type: 'list.reopen', payload: {}, actor };
    case 'drop': return { type: 'presence.update', payload: { delegationId: s.d, status: 'dropped' }, actor };
    case 'back': return { type: 'presence.update', payload: { delegationId: s.d, status: 'back' }, actor };
    case 'takeUp': return { type: 'item.takeUp', payload: { itemId: item }, actor };
    case 'conclude': return { type: 'item.conclude', payload: { itemId: item }, actor };
    case 'extend': return { type: 'chair.extend', payload: s.n % 2 ? { kind: 'time', seconds: 30 } : { kind: 'speeches', delegationId: s.d, speeches: 1 }, actor };
    case 'limits': return { type: 'limits.change', payload: { defaultSeconds: 60 + s.n * 30 }, actor };
    default: return { type: s.n % 2 ? 'floor.request' : 'bogus.command', payload: { type: 42, entryId: null }, actor };
  }
}

function checkInvariants(m: TestMeeting, prevStopped: { entryId: string; stoppedAt: number; elapsed: number } | null) {
  const s = m.state;
  const p = s.profile!;
  // At most one speaker holds the floor: the interrupted one is paused and nobody else is speaking.
  const speaking = Object.values(s.entries).filter((e) => e.status === 'speaking').map((e) => e.entryId).sort();
  expect(speaking).toEqual([s.speech?.entryId, s.interrupted?.entryId].filter(Boolean).sort());
  if (s.interrupted) expect(s.interrupted.paused).toBe(true);
  if (s.called) expect(s.entries[s.called]!.status).toBe('called');
  // R4: no delegation exceeds its waiting entries per capacity.
  const counts = new Map<string, number>();
  for (const e of Object.values(s.entries)) {
    if (!isOrdinary(e) || !['waiting', 'called'].includes(e.status)) continue;
    const k = `${e.itemId}/${e.delegationId}/${e.capacity.kind === 'group' ? e.capacity.groupId : 'national'}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  for (const c of counts.values()) expect(c).toBeLessThanOrEqual(p.maxWaitingPerDelegation);
  // R9–R16: bands hold their kinds; an automatic list is sorted by tier, group, level, time.
  for (const id of s.itemOrder) {
    const b = bands(s, id);
    expect(b.pointsOfOrder.every((e) => e.type === 'point-of-order')).toBe(true);
    expect([...b.replies, ...b.later].every((e) => e.type === 'right-of-reply' && e.status === 'waiting')).toBe(true);
    expect(b.speakers.every((e) => isOrdinary(e) && e.status === 'waiting')).toBe(true);
    if (s.items[id]!.manualOrder) continue;
    const rest = p.alternateProCon ? b.speakers.slice(1) : b.speakers;
    for (let i = 1; i < rest.length; i++) expect(compareKeys(sortKey(s, rest[i - 1]!), sortKey(s, rest[i]!))).toBeLessThanOrEqual(0);
  }
  // A paused clock never advances.
  const sp = s.speech;
  if (prevStopped && sp?.entryId === prevStopped.entryId && sp.clockStoppedAt === prevStopped.stoppedAt) {
    expect(elapsedMs(sp, m.now)).toBe(prevStopped.elapsed);
  }
  for (const x of [s.speech, s.interrupted]) if (x) expect(elapsedMs(x, m.now)).toBeGreaterThanOrEqual(0);
  // Gapless seq.
  expect(m.log.map((e) => e.seq)).toEqual(m.log.map((_, i) => i + 1));
  expect(s.seq).toBe(m.log.length);
  return sp && sp.clockStoppedAt !== null ? { entryId: sp.entryId, stoppedAt: sp.clockStoppedAt, elapsed: elapsedMs(sp, m.now) } : null;
}

describe('floor properties', () => {
  for (const preset of ['un-ga', 'ecosoc', 'robert', 'informal-panel', 'model-un']) {
    it(`random commands from random roles keep the invariants and replay to the same state (${preset})`, () => {
      fc.assert(fc.property(fc.array(step, { minLength: 5, maxLength: 60 }), fc.boolean(), (steps, maxTwo) => {
        const m = openMeeting(preset, maxTwo ? { maxWaitingPerDelegation: 2, rightOfReply: { timing: 'immediate' } } : {});
        let stopped = checkInvariants(m, null);
        for (const s of steps) {
          m.advance(s.dt * 1000);                        // durable timers fire as the service would
          stopped = checkInvariants(m, stopped);
          for (const c of commands(m, s)) {
            const seq = m.state.seq;
            const d = m.send(c.type, c.payload, c.actor);
            if (!d.ok) {
              expect(d.error.code).not.toBe('INTERNAL');
              expect(m.state.seq).toBe(seq);
            } else {
              for (const e of d.events) expect(['public', 'staff', 'delegates', 'moderators']).toContain(e.visibility.scope);
            }
            stopped = checkInvariants(m, stopped);
          }
        }
        expect(m.log.reduce(evolveFloor, initialFloorState(m.state.meetingId))).toEqual(m.state);
      }), { numRuns: 40 });
    });
  }
});
