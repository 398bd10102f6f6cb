import { Queue } from 'bullmq';
import type { DomainEvent, Intervention, ResolvedMeetingSetup } from '@rostrum/contracts';
import { JobName, QueueName, SYSTEM_ACTOR } from '@rostrum/contracts';
import { EventLog, bullConnection, bullPrefix, createRedis } from '@rostrum/messaging';
import type { TestSystem } from '@rostrum/testing';

/**
 * A stand-in for the floor service, for tests that need thousands of events fast: appends to a
 * meeting's log with compare-and-set and enqueues the persist job exactly as the floor does.
 */
export class SimulatedFloor {
  private readonly redis;
  readonly log: EventLog;
  readonly queue: Queue;
  private seq = 0;
  private speeches = 0;

  constructor(sys: TestSystem, readonly meetingId: string) {
    this.redis = createRedis(sys.redisUrl);
    this.log = new EventLog(this.redis, sys.prefix);
    this.queue = new Queue(QueueName.Record, { connection: bullConnection(sys.redisUrl), prefix: bullPrefix(sys.prefix, QueueName.Record) });
  }

  async command(events: DomainEvent[], at = Date.now()): Promise<void> {
    const r = await this.log.append(this.meetingId, 'meeting', this.seq, events, { commandId: `sim-${this.seq}`, actor: SYSTEM_ACTOR, at });
    if (r.status !== 'appended') throw new Error(`append refused: ${r.status}`);
    const fromSeq = this.seq + 1;
    this.seq = r.seq;
    await this.queue.add(JobName.PersistEvent, { meetingId: this.meetingId, stream: 'meeting', fromSeq, toSeq: r.seq },
      { jobId: `${this.meetingId}:meeting:${fromSeq}-${r.seq}` });
  }

  get head(): number { return this.seq; }

  async create(): Promise<void> {
    const setup: ResolvedMeetingSetup = {
      meetingId: this.meetingId, title: 'Simulated debate', public: true, profile: {},
      items: [{ id: 'item-1', title: 'Partnerships', position: 1 }],
      groups: [{ id: 'AFG', name: 'African Group', coordinatorDelegationId: 'SEN' }],
      delegations: [{ id: 'GHA', name: 'Ghana', tier: 'members', groups: ['AFG'] }, { id: 'SEN', name: 'Senegal', tier: 'members', groups: ['AFG'] }],
      participants: [], qna: { enabled: false } as never,
    };
    await this.command([{ type: 'meeting.created', payload: setup as never, visibility: { scope: 'staff' } }]);
  }

  /** A complete speech.ended as the floor sends it (R44). */
  speech(): DomainEvent {
    const n = ++this.speeches;
    const t = Date.now() - 600_000 + n * 1000;
    const intervention: Intervention = {
      meetingId: this.meetingId, itemId: 'item-1', entryId: `e${n}`, delegationId: n % 2 ? 'GHA' : 'SEN', delegationName: n % 2 ? 'Ghana' : 'Senegal',
      speakerName: `Speaker ${n}`, speakerTitle: 'Ambassador', level: 'head-of-delegation',
      capacity: n % 2 ? { kind: 'national' } : { kind: 'group', groupId: 'AFG' }, capacityLabel: n % 2 ? 'Ghana' : 'Senegal, on behalf of African Group',
      type: 'statement', mode: n % 3 ? 'in-room' : 'remote', inscribedAt: t - 5000, calledAt: t - 1000, startedAt: t, endedAt: t + 300_000 + n,
      allottedSeconds: 300, netSpeakingMs: 295_000 + n, pauses: [], pausedMs: 0, overrunMs: 0, warningsGiven: [30], expired: false, endReason: 'ended',
    };
    return { type: 'speech.ended', payload: { intervention } as never, visibility: { scope: 'public' }, itemId: 'item-1' };
  }

  noise(i: number): DomainEvent {
    return { type: 'presence.updated', payload: { delegationId: 'GHA', status: i % 2 ? 'dropped' : 'back' }, visibility: { scope: 'staff' } };
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.redis.disconnect();
  }
}
