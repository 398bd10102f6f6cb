import fc from 'fast-check';
import { COMMANDS, type Actor } from '@rostrum/contracts';
import { evolveFloor } from './floor/evolve';
import { chair, delegate, inscribe, openMeeting, secretariat, viewer } from './floor/floor.fixtures';
import { initialFloorState } from './floor/state';
import { Harness, actors } from './qna/qna.fixtures';
import { evolveQna, initialQnaState } from './qna/qna.state';

// Issue 10: every command driven with hostile payloads. Each is either applied (and the log
// replays to the live state) or refused with a stable code — never INTERNAL, never a change.

/** Names that exist on every object through Object.prototype, and the prototype itself. */
const BUILT_IN = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'prototype', '__defineGetter__'];
const FIELDS = ['itemId', 'entryId', 'delegationId', 'questionId', 'groupId', 'type', 'mode', 'capacity', 'speaker', 'reason', 'text', 'toIndex',
  'kind', 'seconds', 'status', 'decision', 'votes', 'adopted', 'consent', 'to', 'labels', 'anonymous', 'summary', 'replyTo', 'position', 'motion', ...BUILT_IN];

function deep(levels: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...BUILT_IN),
  fc.constantFrom('x'.repeat(100_000), '', ' ', '\u0000', 'e1', 'item-1', 'GHA', 'q1', 'statement', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))'),
  fc.constantFrom(null, undefined, true, 0, -1, 1e308, Number.NaN, Infinity, [], {}, deep(200), deep(2000)),
  fc.string(), fc.integer(), fc.double(), fc.boolean(),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.constantFrom(...BUILT_IN, 'kind', 'name', 'level'), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxKeys: 4 }),
);

/** A payload: mostly an object of known and built-in field names with hostile values; sometimes not an object at all. */
const hostilePayload: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 6 }) },
  { weight: 1, arbitrary: hostileValue },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"polluted":true},"itemId":"item-1"}')) },
);

const floorNames = Object.entries(COMMANDS).filter(([, s]) => s.owner === 'floor').map(([n]) => n);
const qnaNames = Object.entries(COMMANDS).filter(([, s]) => s.owner === 'qna').map(([n]) => n);
const floorActors: Actor[] = [chair, secretariat, delegate('GHA'), delegate('EGY'), viewer];
const qnaActors: Actor[] = Object.values(actors);
const snapshot = (v: unknown) => JSON.stringify(v);

describe('hostile input: every command, generated payloads (fast-check)', () => {
  afterEach(() => { expect(({} as Record<string, unknown>).polluted).toBeUndefined(); });

  it('floor: each command is applied or refused with a code (never INTERNAL); a refusal changes nothing; the log replays to the live state', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ name: fc.constantFrom(...floorNames, ...BUILT_IN, 'bogus.command'), payload: hostilePayload, actor: fc.constantFrom(...floorActors) }), { minLength: 1, maxLength: 25 }),
      (steps) => {
        const m = openMeeting('un-ga');
        inscribe(m, 'GHA');
        for (const s of steps) {
          const before = snapshot(m.state);
          const d = m.send(s.name, s.payload, s.actor);
          if (!d.ok) {
            expect(typeof d.error.code).toBe('string');
            expect({ name: s.name, code: d.error.code }).not.toEqual({ name: s.name, code: 'INTERNAL' });
            expect(snapshot(m.state)).toBe(before);
          }
        }
        expect(m.log.reduce(evolveFloor, initialFloorState(m.state.meetingId))).toEqual(m.state);
      },
    ), { numRuns: 150 });
  });

  it('qna: each command is applied or refused with a code (never INTERNAL); a refusal changes nothing; the log replays to the live state', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ name: fc.constantFrom(...qnaNames, ...BUILT_IN), payload: hostilePayload, actor: fc.constantFrom(...qnaActors) }), { minLength: 1, maxLength: 25 }),
      (steps) => {
        const h = new Harness();
        h.ask();
        for (const s of steps) {
          const before = snapshot(h.state);
          const d = h.run(s.actor, s.name, s.payload as Record<string, unknown>);
          if (!d.ok) {
            expect(typeof d.error.code).toBe('string');
            expect({ name: s.name, code: d.error.code }).not.toEqual({ name: s.name, code: 'INTERNAL' });
            expect(snapshot(h.state)).toBe(before);
          }
          h.now += 1000;
        }
        expect(h.log.reduce(evolveQna, initialQnaState(h.state.meetingId))).toEqual(h.state);
      },
    ), { numRuns: 150 });
  });

  it('ids named like Object.prototype members are unknown ids: NO_SUCH_* codes, not INTERNAL, not success', () => {
    const m = openMeeting('un-ga');
    for (const id of BUILT_IN.filter((x) => x !== '__proto__' && x !== 'prototype')) {
      expect({ id, code: m.no('item.takeUp', { itemId: id }).code }).toEqual({ id, code: 'NO_SUCH_ITEM' });
      expect({ id, code: m.no('presence.update', { delegationId: id, status: 'connected' }).code }).toEqual({ id, code: 'NO_SUCH_DELEGATION' });
      expect({ id, code: m.no('floor.request', { type: 'statement', delegationId: id }).code }).toEqual({ id, code: 'NO_SUCH_DELEGATION' });
      expect({ id, code: m.no('chair.grant', { entryId: id }).code }).toEqual({ id, code: 'NO_SUCH_ENTRY' });
      expect({ id, code: m.no('floor.request', { type: 'statement', delegationId: 'SEN', capacity: { kind: 'group', groupId: id } }).code }).toEqual({ id, code: 'NO_SUCH_GROUP' });
    }
    const h = new Harness();
    for (const id of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      for (const [name, extra] of [['qna.vote', {}], ['qna.approve', {}], ['qna.dismiss', { reason: 'x' }], ['qna.answer', { mode: 'live' }], ['qna.restore', {}]] as const) {
        const d = h.run(name === 'qna.vote' ? actors.viewer : actors.moderator, name, { questionId: id, ...extra });
        expect({ id, name, code: d.ok ? 'accepted' : d.error.code }).toEqual({ id, name, code: 'QUESTION_NOT_FOUND' });
      }
    }
  });
});
