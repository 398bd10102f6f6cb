import { SYSTEM_ACTOR, stampEvents, type Ack, type CommandMessage, type DomainEvent, type EventEnvelope, type StampMeta, type StreamName } from '@rostrum/contracts';
import { CommandProcessor, type EventLog } from '@rostrum/messaging';
import { floorTimers, type FloorState } from '@rostrum/domain';
import { chair, delegate, meetingSetup, operator, MEETING } from '../../../libs/domain/src/floor/floor.fixtures';
import { floorCapability } from './floor.capability';

/**
 * The event log as EventLog.append behaves, in memory: compare-and-set on the head, idempotent
 * on commandId, envelopes made by the production `stampEvents`. The Lua script itself is
 * exercised against Redis in test/event-log.e2e-spec.ts.
 */
class MemoryLog {
  readonly events: EventEnvelope[] = [];
  private readonly results = new Map<string, unknown>();
  async head(): Promise<number> { return this.events.length; }
  async since(_m: string, _s: StreamName, after: number): Promise<EventEnvelope[]> { return this.events.slice(after); }
  async rememberRejection(_m: string, _s: StreamName, commandId: string, result: unknown): Promise<unknown> {
    if (!this.results.has(commandId)) this.results.set(commandId, result);
    return this.results.get(commandId);
  }
  async append(meetingId: string, stream: StreamName, expectedSeq: number, events: DomainEvent[], meta: StampMeta) {
    if (this.results.has(meta.commandId)) return { status: 'duplicate' as const, result: this.results.get(meta.commandId), replicated: true };
    if (expectedSeq !== this.events.length) return { status: 'conflict' as const, head: this.events.length };
    const envelopes = stampEvents(meetingId, stream, expectedSeq, events, meta);
    this.events.push(...envelopes);
    this.results.set(meta.commandId, { ok: true, seq: this.events.length });
    return { status: 'appended' as const, seq: this.events.length, envelopes, replicated: true };
  }
}

describe('floor capability through the command processor', () => {
  it('R43 every appended event carries the server time and actor of its command, its commandId and item; seq is gapless; a refusal appends nothing', async () => {
    const log = new MemoryLog();
    let now = Date.UTC(2025, 5, 10, 9, 0, 0);
    const states: FloorState[] = [];
    const processor = new CommandProcessor<FloorState>(log as unknown as EventLog, floorCapability, async (b) => { states.push(b.state); }, () => now);
    let n = 0;
    const send = async (type: string, payload: unknown, actor = chair): Promise<{ ack: Ack; at: number; message: CommandMessage }> => {
      now += 1_234;                                       // every command at its own server time
      const message: CommandMessage = { meetingId: MEETING, commandId: `cmd-${++n}`, type, payload, actor };
      return { ack: await processor.handle(message), at: now, message };
    };

    const sent = [
      await send('meeting.create', meetingSetup(), operator),
      await send('meeting.open', {}),
      await send('item.takeUp', { itemId: 'item-1' }),
      await send('floor.request', { type: 'statement' }, delegate('GHA')),
      await send('chair.next', {}),
      await send('speech.start', {}, delegate('GHA')),
    ];
    const refused = await send('chair.next', {});                                        // Ghana holds the floor
    expect(refused.ack).toMatchObject({ ok: false, error: { code: 'FLOOR_OCCUPIED' } });
    const expiry = floorTimers(states[states.length - 1]!).find((t) => t.key.startsWith('expiry:'))!;
    now = expiry.dueAt - 1_234;
    sent.push(await send('timer.fire', { key: expiry.key }, SYSTEM_ACTOR));

    expect(sent.every((s) => s.ack.ok)).toBe(true);
    expect(log.events.map((e) => e.seq)).toEqual(log.events.map((_, i) => i + 1));
    for (const s of sent) {
      const mine = log.events.filter((e) => e.commandId === s.message.commandId);
      expect(mine.length).toBeGreaterThan(0);
      // The time is the processor's clock when it decided, the actor the command's: nothing the test stamps.
      expect(mine.map((e) => ({ at: e.at, actor: e.actor, meetingId: e.meetingId, stream: e.stream })))
        .toEqual(mine.map(() => ({ at: s.at, actor: s.message.actor, meetingId: MEETING, stream: 'meeting' })));
      expect((s.ack as unknown as { seq: number }).seq).toBe(mine[mine.length - 1]!.seq);
    }
    expect(log.events.filter((e) => e.commandId === refused.message.commandId)).toEqual([]);
    // Events of the item name it (R43: agenda item); the expiry fired by the system at its due time.
    expect(log.events.filter((e) => e.type.startsWith('speech.') || e.type === 'floor.requested' || e.type === 'floor.given').every((e) => e.itemId === 'item-1')).toBe(true);
    const expired = log.events.find((e) => e.type === 'clock.expired')!;
    expect(expired).toMatchObject({ actor: SYSTEM_ACTOR, at: expiry.dueAt, payload: { at: expiry.dueAt } });
    // A repeated commandId is answered with the first result and appends nothing.
    const head = log.events.length;
    expect(await processor.handle(sent[3]!.message)).toEqual(sent[3]!.ack);
    expect(log.events).toHaveLength(head);
  });
});
