// Test helper: a meeting driven through decide/evolve only, with a fake clock.
import { expectExplained } from '../refusal.fixtures';
import type { Actor, CommandError, EventEnvelope, ResolvedMeetingSetup, RulesProfile } from '@rostrum/contracts';
import { SYSTEM_ACTOR, stampEvents } from '@rostrum/contracts';
import { floorTimers } from './clock';
import { bands } from './ordering';
import { decideFloor, type Decision } from './decide';
import { evolveFloor } from './evolve';
import { resolveProfile } from './profile';
import { initialFloorState, type FloorState } from './state';

export const T0 = Date.UTC(2025, 5, 10, 9, 0, 0);
export const MEETING = 'pk-africa';

export const chair: Actor = { role: 'chair', participantId: 'p-chair', displayName: 'President' };
export const secretariat: Actor = { role: 'secretariat', participantId: 'p-sec' };
export const viewer: Actor = { role: 'viewer', participantId: 'v-1' };
export const operator: Actor = { role: 'operator', participantId: 'op' };
export const delegate = (delegationId: string): Actor => ({ role: 'delegate', participantId: `p-${delegationId}`, delegationId });

export const DELEGATIONS = [
  { id: 'GHA', name: 'Ghana', tier: 'members', groups: ['AFG'] },
  { id: 'NOR', name: 'Norway', tier: 'members', groups: [] },
  { id: 'SEN', name: 'Senegal', tier: 'members', groups: ['AFG'] },
  { id: 'EGY', name: 'Egypt', tier: 'members', groups: ['AFG'] },
  { id: 'GBR', name: 'United Kingdom', tier: 'members', groups: [] },
  { id: 'AU', name: 'African Union', tier: 'igo-observers', groups: [] },
  { id: 'IPI', name: 'International Peace Institute', tier: 'civil-society', groups: [] },
];

export function meetingSetup(preset = 'un-ga', overrides: Record<string, unknown> = {}): ResolvedMeetingSetup<RulesProfile> {
  const r = resolveProfile({ preset, overrides });
  if (!r.ok) throw new Error(r.error.message);
  return {
    meetingId: MEETING, title: 'Peacekeeping in Africa', public: true, profile: r.profile,
    items: [{ id: 'item-1', title: 'Partnerships', position: 1 }, { id: 'item-2', title: 'Women, Peace and Security', position: 2 }],
    groups: [{ id: 'AFG', name: 'African Group', coordinatorDelegationId: 'SEN' }],
    delegations: DELEGATIONS,
    participants: [
      { id: 'p-chair', name: 'President', level: 'other', role: 'chair' },
      ...DELEGATIONS.map((x) => ({ id: `p-${x.id}`, name: `Speaker of ${x.name}`, title: 'Ambassador', level: 'head-of-delegation' as const, role: 'delegate' as const, delegationId: x.id })),
    ],
    qna: { enabled: true, moderation: 'pre', anonymity: 'allowed', viewersMayAsk: true, viewersMayVote: true, maxLength: 280, blockedWords: [], rateLimit: { questions: 3, windowSeconds: 60 } },
  };
}

export class TestMeeting {
  state: FloorState = initialFloorState(MEETING);
  log: EventEnvelope[] = [];
  now = T0;
  private n = 0;

  /** Apply a command; on success append its events like the service would. */
  send(type: string, payload: unknown = {}, actor: Actor = chair): Decision {
    const d = decideFloor(this.state, { type, payload }, { now: this.now, actor });
    if (d.ok) {
      // Numbered and stamped by the production function EventLog.append uses (R43): the head is
      // the seq the state reached by folding the log, never a counter of this harness.
      const envelopes = stampEvents(MEETING, 'meeting', this.state.seq, d.events, { commandId: `c${++this.n}`, actor, at: this.now });
      for (const env of envelopes) {
        this.log.push(env);
        this.state = evolveFloor(this.state, env);
      }
    }
    return d;
  }

  /** Send and expect success; returns the events (with envelopes). */
  ok(type: string, payload: unknown = {}, actor: Actor = chair): EventEnvelope[] {
    const before = this.log.length;
    const d = this.send(type, payload, actor);
    if (!d.ok) throw new Error(`${type} refused: ${d.error.code} ${d.error.message}`);
    return this.log.slice(before);
  }

  /** Send and expect refusal; returns the error. State must not change. */
  no(type: string, payload: unknown = {}, actor: Actor = chair): CommandError {
    const seq = this.state.seq;
    const d = this.send(type, payload, actor);
    if (d.ok) throw new Error(`${type} unexpectedly accepted: ${d.events.map((e) => e.type).join(', ')}`);
    if (this.state.seq !== seq) throw new Error('state changed on refusal');
    expectExplained(d.error);
    return d.error;
  }

  /** Move the clock forward, firing every durable timer that falls due on the way (as the service does). */
  advance(ms: number): EventEnvelope[] {
    const until = this.now + ms;
    const before = this.log.length;
    for (let guard = 0; guard < 100; guard++) {
      const due = floorTimers(this.state).filter((t) => t.dueAt <= until).sort((a, b) => a.dueAt - b.dueAt)[0];
      if (!due) break;
      this.now = Math.max(this.now, due.dueAt);
      const d = this.send('timer.fire', { key: due.key }, SYSTEM_ACTOR);
      if (!d.ok) throw new Error(`timer ${due.key} refused: ${d.error.code}`);
    }
    this.now = until;
    return this.log.slice(before);
  }

  seconds(s: number): EventEnvelope[] { return this.advance(s * 1000); }

  types(events: EventEnvelope[] = this.log): string[] { return events.map((e) => e.type); }
  last(type: string): EventEnvelope | undefined { return [...this.log].reverse().find((e) => e.type === type); }
}

/** A created, open meeting with item-1 taken up and every delegation connected. */
export function openMeeting(preset = 'un-ga', overrides: Record<string, unknown> = {}, opts: { presence?: boolean } = {}): TestMeeting {
  const m = new TestMeeting();
  m.ok('meeting.create', meetingSetup(preset, overrides), operator);
  m.ok('meeting.open');
  m.ok('item.takeUp', { itemId: 'item-1' });
  if (opts.presence !== false) for (const x of DELEGATIONS) m.ok('presence.update', { status: 'connected', mode: x.id === 'NOR' ? 'remote' : 'in-room' }, delegate(x.id));
  m.seconds(1);
  return m;
}

/** Inscribe (or request) for a delegation; returns the new entry id. */
export function inscribe(m: TestMeeting, delegationId: string, payload: Record<string, unknown> = {}, actor: Actor = delegate(delegationId)): string {
  const events = m.ok('floor.request', { type: 'statement', ...(actor.delegationId === delegationId ? {} : { delegationId }), ...payload }, actor);
  return (events[0]!.payload as { entry: { entryId: string } }).entry.entryId;
}

/** The ordinary band of an item in speaking order, as delegation ids. */
export function speakers(m: TestMeeting, itemId = 'item-1'): string[] {
  return bandsOf(m, itemId).speakers.map((e) => e.delegationId);
}

export function bandsOf(m: TestMeeting, itemId = 'item-1') { return bands(m.state, itemId); }

/** Call the next speaker, let them speak `seconds`, end. Returns the speech.ended envelope. */
export function hear(m: TestMeeting, seconds = 60): EventEnvelope {
  m.ok('chair.next');
  m.ok('speech.start');
  m.seconds(seconds);
  const ended = m.ok('speech.end');
  return ended[0]!;
}

export { expectExplained };
