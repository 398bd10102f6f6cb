// Property tests for the commands of sections J and K (R45–R55), kept apart from
// floor.properties.spec.ts so both can grow independently. The oracle (tally, majority,
// carried-over order) is written from RULES.md, not taken from the code under test.
import fc from 'fast-check';
import type { Actor, EventEnvelope } from '@rostrum/contracts';
import { evolveFloor } from './evolve';
import { chair, delegate, DELEGATIONS, expectExplained, openMeeting, secretariat, viewer, type TestMeeting } from './floor.fixtures';
import { speakersOrder } from './ordering';
import { projectFloor } from './projection';
import { initialFloorState } from './state';

const DEL = DELEGATIONS.map((x) => x.id);
const KINDS = [
  'inscribe', 'inscribe', 'inscribe', 'next', 'start', 'end', 'end', 'rise', 'open',
  'propose', 'confirm', 'approve', 'poo', 'poo', 'rule', 'appeal',
  'voteText', 'voteAppeal', 'cast', 'cast', 'cast', 'cast', 'close', 'explain', 'drop', 'back',
] as const;

const step = fc.record({
  kind: fc.constantFrom(...KINDS),
  d: fc.constantFrom(...DEL),
  choice: fc.constantFrom('yes', 'no', 'abstain'),
  anyone: fc.boolean(),
  e: fc.nat(40),
  n: fc.nat(4),
  dt: fc.integer({ min: 0, max: 120 }),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function build(m: TestMeeting, s: Step): { type: string; payload: unknown; actor: Actor } {
  const s0 = m.state;
  const waiting = Object.values(s0.entries).filter((x) => x.status === 'waiting' && x.type === 'statement');
  const pick = <T>(xs: T[]) => xs[s.e % Math.max(1, xs.length)];
  const exchanges = Object.values(s0.exchanges);
  const x = pick(exchanges);
  const other: Actor = s.anyone ? [chair, secretariat, viewer, delegate(s.d)][s.n % 4]! : chair;
  switch (s.kind) {
    case 'inscribe': return { type: 'floor.request', payload: { type: 'statement', itemId: 'item-1', ...(s.n === 4 ? { speaker: { name: 'Minister', level: 'minister' } } : {}) }, actor: delegate(s.d) };
    case 'next': return { type: 'chair.next', payload: {}, actor: chair };
    case 'start': return { type: 'speech.start', payload: {}, actor: chair };
    case 'end': return { type: 'speech.end', payload: {}, actor: chair };
    case 'rise': return { type: 'meeting.rise', payload: {}, actor: other };
    case 'open': return { type: 'meeting.open', payload: {}, actor: other };
    case 'propose': {
      const a = pick(waiting);
      const b = waiting[(s.e + 1 + s.n) % Math.max(1, waiting.length)];
      return { type: 'place.propose', payload: { entryId: a?.entryId ?? 'e1', withEntryId: b?.entryId ?? 'e2' }, actor: s.anyone ? delegate(s.d) : delegate(a?.delegationId ?? s.d) };
    }
    case 'confirm': return { type: 'place.confirm', payload: { exchangeId: x?.exchangeId ?? 'x1' }, actor: s.anyone ? delegate(s.d) : delegate(x?.withDelegationId ?? s.d) };
    case 'approve': return { type: 'place.approve', payload: { exchangeId: x?.exchangeId ?? 'x1' }, actor: s.anyone ? delegate(s.d) : secretariat };
    case 'poo': return { type: 'floor.request', payload: { type: 'point-of-order', text: 'order' }, actor: delegate(s.d) };
    case 'rule': {
      const sp = s0.interrupted ?? s0.speech;
      const effect = s.n % 2 && sp && sp.entryId !== s0.pointsOfOrder[0] ? { effect: { kind: 'out-of-order', entryId: sp.entryId } } : {};
      return { type: 'pointOfOrder.rule', payload: { entryId: s0.pointsOfOrder[0] ?? 'e1', decision: 'upheld', text: 'ruling', ...effect }, actor: chair };
    }
    case 'appeal': return { type: 'pointOfOrder.appeal', payload: { entryId: s0.appeal?.entryId ?? 'e1' }, actor: delegate(s.d) };
    case 'voteText': return { type: 'vote.open', payload: { question: { kind: 'text', text: 'L.1' }, recorded: s.n % 2 === 0, ...(s.n === 3 ? { majority: 'two-thirds' } : {}) }, actor: other };
    case 'voteAppeal': return { type: 'vote.open', payload: { question: { kind: 'appeal' } }, actor: chair };
    case 'cast': return { type: 'vote.cast', payload: { choice: s.choice }, actor: s.anyone && s.n === 0 ? chair : delegate(s.d) };
    case 'close': return { type: 'vote.close', payload: {}, actor: other };
    case 'explain': return { type: 'vote.explain', payload: { voteId: `v${Math.max(1, s0.nextVote - 1)}`, intended: s.choice }, actor: delegate(s.d) };
    case 'drop': return { type: 'presence.update', payload: { status: 'dropped' }, actor: delegate(s.d) };
    default: return { type: 'presence.update', payload: { status: 'back', mode: s.n % 2 ? 'remote' : 'in-room' }, actor: delegate(s.d) };
  }
}

/** The reference tally: each delegation's last vote between the opening and the close (R49, R50). */
function referenceTally(log: EventEnvelope[], voteId: string) {
  const last = new Map<string, string>();
  for (const e of log) if (e.type === 'vote.cast' && (e.payload as { voteId: string }).voteId === voteId) last.set((e.payload as { delegationId: string }).delegationId, (e.payload as { choice: string }).choice);
  const t = { yes: 0, no: 0, abstain: 0 };
  for (const c of last.values()) t[c as 'yes'] += 1;
  return { t, voters: [...last.keys()] };
}

function check(m: TestMeeting, before: number) {
  const s = m.state;
  const p = s.profile!;
  for (const e of m.log.slice(before)) {
    if (e.type === 'vote.cast') expect(e.visibility).toEqual({ scope: 'delegation', delegationId: (e.payload as { delegationId: string }).delegationId }); // R50
    if (e.type === 'vote.closed') {
      const r = e.payload as { voteId: string; totals: unknown; adopted: boolean; majority: string };
      const { t, voters } = referenceTally(m.log, r.voteId);
      expect(r.totals).toEqual(t);                                                                       // exact
      const adopted = t.yes + t.no > 0 && (r.majority === 'simple' ? t.yes > t.no : 3 * t.yes >= 2 * (t.yes + t.no) && t.yes !== t.no);
      expect(r.adopted).toBe(adopted);                                                                   // R51
      const tierOf = new Map(DELEGATIONS.map((x) => [x.id, x.tier]));
      for (const v of voters) expect(p.voting.entitledTiers).toContain(tierOf.get(v));                    // R49
    }
  }
  // R50: before the close nobody sees a tally, not even the chair.
  if (s.vote) for (const who of [chair, secretariat, viewer]) expect(JSON.stringify(projectFloor(s, who).vote)).not.toMatch(/"(yes|no|abstain)"/);
  // R55: at most N points of order pending per delegation.
  const pending = new Map<string, number>();
  for (const id of s.pointsOfOrder) pending.set(s.entries[id]!.delegationId, (pending.get(s.entries[id]!.delegationId) ?? 0) + 1);
  for (const n of pending.values()) expect(n).toBeLessThanOrEqual(p.pointsOfOrder.maxPendingPerDelegation);
  // R45: speakers carried over stay a prefix of the list, in their carried order (exchanges swap ranks with places).
  const order = speakersOrder(s, s.items['item-1']!);
  const carried = order.filter((e) => e.carried !== undefined);
  expect(order.slice(0, carried.length)).toEqual(carried);
  expect(carried.map((e) => e.carried)).toEqual([...carried.map((e) => e.carried!)].sort((a, b) => a - b));
}

describe('floor properties: debates across meetings, exchanges and votes (R45–R55)', () => {
  it('random J/K commands keep exact tallies, hidden ballots, carried-over heads and replay to the same state', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 5, maxLength: 70 }), fc.boolean(), (steps, twoThirds) => {
      const m = openMeeting('un-ga', twoThirds ? { voting: { majority: 'two-thirds', remote: false } } : {});
      for (const s of steps) {
        m.advance(s.dt * 1000);
        const c = build(m, s);
        const seq = m.state.seq;
        const before = m.log.length;
        const d = m.send(c.type, c.payload, c.actor);
        if (!d.ok) {
          expect(d.error.code).not.toBe('INTERNAL');
          expectExplained(d.error);
          expect(m.state.seq).toBe(seq);
        }
        check(m, before);
      }
      expect(m.log.reduce(evolveFloor, initialFloorState(m.state.meetingId))).toEqual(m.state);
    }), { numRuns: 60 });
  });

  it('R48 an approved exchange swaps exactly the two places and keeps the order of all others', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...DEL.slice(0, 5)), { minLength: 2, maxLength: 5 }), fc.nat(10), fc.nat(10), (order, i, j) => {
      const m = openMeeting();
      const ids: string[] = [];
      for (const d of new Set(order)) { ids.push((m.ok('floor.request', { type: 'statement' }, delegate(d))[0]!.payload as { entry: { entryId: string } }).entry.entryId); m.seconds(1); }
      if (ids.length < 2) return;
      const a = ids[i % ids.length]!;
      const b = ids[(i + 1 + (j % (ids.length - 1))) % ids.length]!;
      const before = speakersOrder(m.state, m.state.items['item-1']!).map((e) => e.entryId);
      const x = m.ok('place.propose', { entryId: a, withEntryId: b }, delegate(m.state.entries[a]!.delegationId))[0]!.payload as { exchangeId: string };
      m.ok('place.confirm', { exchangeId: x.exchangeId }, delegate(m.state.entries[b]!.delegationId));
      m.ok('place.approve', { exchangeId: x.exchangeId });
      const expected = before.map((id) => (id === a ? b : id === b ? a : id));
      expect(speakersOrder(m.state, m.state.items['item-1']!).map((e) => e.entryId)).toEqual(expected);
    }), { numRuns: 50 });
  });
});
