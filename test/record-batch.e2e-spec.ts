import type { DomainEvent } from '@rostrum/contracts';
import { createRedis } from '@rostrum/messaging';
import { createDataSource } from '@rostrum/persistence';
import { Publisher } from '../apps/recorder/src/publish/publisher';
import { recorderMetrics } from '../apps/recorder/src/recorder.metrics';
import { TestSystem } from '@rostrum/testing';
import { eventually } from './record-debate.helpers';
import { SimulatedFloor } from './record-sim.helpers';

// Issue 14 (record persistence): the interventions of one batch are written in one statement.
// Each intervention must still land once, numbered in the order of the events, with its ruling
// (R21) whether the ruling came before the speech ended, after it in the same batch, or later.
describe('record: the interventions of one persisted batch', () => {
  let sys: TestSystem;
  const floors: SimulatedFloor[] = [];

  // Two recorders: both take persist jobs and both publish (one at a time per meeting, by lease).
  beforeAll(async () => { sys = await TestSystem.start(['recorder', 'recorder']); }, 60_000);
  afterAll(async () => { for (const f of floors) await f.close(); await sys?.stop(); }, 30_000);

  const pointOfOrder = (floor: SimulatedFloor): { speech: DomainEvent; entryId: string } => {
    const speech = floor.speech();
    const i = (speech.payload as unknown as { intervention: { type: string; entryId: string } }).intervention;
    i.type = 'point-of-order';
    return { speech, entryId: i.entryId };
  };
  const ruled = (entryId: string, decision: string, text: string): DomainEvent =>
    ({ type: 'pointOfOrder.ruled', payload: { entryId, decision, text } as never, visibility: { scope: 'public' }, itemId: 'item-1' });

  it('R44 forty speeches in one command: forty rows, numbered 1–40 in event order, each with its own fields; R21 rulings before, within and after the batch', async () => {
    const floor = new SimulatedFloor(sys, `batch-${sys.id}`);
    floors.push(floor);
    await floor.create();
    // A point of order ruled before its speech ends, in an earlier batch.
    const early = pointOfOrder(floor);
    await floor.command([ruled(early.entryId, 'upheld', 'The speaker will confine remarks to the item.')]);
    // One command: 36 statements, a point of order ruled after it ended (same batch), one ruled
    // before it ended (same batch), the early one, and one ruled only in a later batch.
    const within = pointOfOrder(floor);
    const events: DomainEvent[] = [];
    for (let k = 0; k < 18; k++) events.push(floor.speech());
    events.push(within.speech, ruled(within.entryId, 'rejected', 'The speaker is in order.'));
    const before = pointOfOrder(floor);
    events.push(ruled(before.entryId, 'upheld', 'Noted.'), before.speech, early.speech);
    for (let k = 0; k < 18; k++) events.push(floor.speech());
    const late = pointOfOrder(floor);
    events.push(late.speech);
    await floor.command(events);
    await floor.command([ruled(late.entryId, 'rejected', 'Ruled later.')]);

    const rows = await eventually(async () => {
      const r = await sys.query<{ entry_id: string; number: number; seq: number; type: string; speaker_name: string; mode: string; capacity: string; ruling_decision: string | null; ruling_text: string | null }>(
        `SELECT entry_id, number, seq, type, speaker_name, mode, capacity, ruling_decision, ruling_text FROM interventions WHERE meeting_id = $1 ORDER BY number`, [floor.meetingId]);
      const lateRow = r.find((x) => x.entry_id === late.entryId);
      return r.length === 40 && lateRow?.ruling_decision ? r : undefined;
    }, 30_000, 'forty interventions persisted and the late ruling applied');

    const speeches = events.filter((e) => e.type === 'speech.ended')
      .map((e) => (e.payload as unknown as { intervention: { entryId: string; speakerName: string; mode: string; capacity: { kind: string } } }).intervention);
    expect(speeches).toHaveLength(40);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(rows.map((r) => r.entry_id)).toEqual(speeches.map((s) => s.entryId));
    expect(rows.map((r) => [r.speaker_name, r.mode, r.capacity])).toEqual(speeches.map((s) => [s.speakerName, s.mode, s.capacity.kind]));
    expect(new Set(rows.map((r) => r.seq)).size).toBe(40);
    const by = (id: string) => rows.find((r) => r.entry_id === id)!;
    expect(by(within.entryId)).toMatchObject({ type: 'point-of-order', ruling_decision: 'rejected', ruling_text: 'The speaker is in order.' });
    expect(by(before.entryId)).toMatchObject({ type: 'point-of-order', ruling_decision: 'upheld', ruling_text: 'Noted.' });
    expect(by(early.entryId)).toMatchObject({ type: 'point-of-order', ruling_decision: 'upheld', ruling_text: 'The speaker will confine remarks to the item.' });
    expect(by(late.entryId)).toMatchObject({ type: 'point-of-order', ruling_decision: 'rejected', ruling_text: 'Ruled later.' });
    expect(rows.filter((r) => r.type === 'statement').every((r) => r.ruling_decision === null)).toBe(true);

    // Replaying the batch's job changes nothing: the rows are there once.
    await floor.queue.add('persist.event', { meetingId: floor.meetingId, stream: 'meeting', fromSeq: 1, toSeq: floor.head }, { jobId: `replay-${floor.meetingId}` });
    await eventually(async () => ((await floor.queue.getJob(`replay-${floor.meetingId}`))?.finishedOn ? true : undefined), 15_000, 'the replayed job done');
    const [count] = await sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM interventions WHERE meeting_id = $1`, [floor.meetingId]);
    expect(count.n).toBe(40);
  }, 90_000);

  it('R43 two publishers that both believe they hold the lease put each entry on the record stream once, gapless, at the seq Postgres marked', async () => {
    const floor = new SimulatedFloor(sys, `race-${sys.id}`);
    floors.push(floor);
    await floor.create();
    const redis = createRedis(sys.redisUrl);
    const db = createDataSource({ url: sys.databaseUrl, schema: sys.schema });
    await db.initialize();
    try {
      // A backlog: the test holds the publishing lease while 800 entries are persisted.
      await redis.set(floor.log.keys.meetingKey(floor.meetingId, 'record:publisher'), 'held-by-the-test', 'PX', 120_000);
      let speeches = 0;
      for (let c = 0; c < 200; c++) {
        const events = Array.from({ length: 4 }, () => floor.speech());
        speeches += events.length;
        await floor.command(events);
      }
      await eventually(async () => {
        const [r] = await sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_entry_versions WHERE meeting_id = $1`, [floor.meetingId]);
        return r.n === speeches ? true : undefined;
      }, 60_000, 'every entry persisted');
      // Two publishers whose lease check always succeeds (a lease that expired under a stalled
      // process): they publish the same backlog at the same time, against the real Postgres and Redis.
      const leaseBlind = new Proxy(redis, { get: (r, k) => (k === 'set' ? async () => 'OK' : Reflect.get(r, k, r)) });
      const before = (await recorderMetrics.publishConflicts.get()).values[0]?.value ?? 0;
      const [a, b] = [new Publisher(db, floor.log, leaseBlind as typeof redis), new Publisher(db, floor.log, leaseBlind as typeof redis)];
      const rounds = await Promise.allSettled([a.publish(floor.meetingId), b.publish(floor.meetingId), a.publish(floor.meetingId), b.publish(floor.meetingId)]);
      // A round may give up on a conflict it cannot settle (the sweeper retries); one more round finishes.
      await a.publish(floor.meetingId);
      const conflicts = ((await recorderMetrics.publishConflicts.get()).values[0]?.value ?? 0) - before;
      expect(conflicts).toBeGreaterThan(0);                    // the race was on
      expect(rounds.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(0);

      const stream = await floor.log.since(floor.meetingId, 'record', 0, 10_000);
      expect(stream.map((e) => e.seq)).toEqual(Array.from({ length: speeches }, (_, i) => i + 1));
      expect(new Set(stream.map((e) => (e.payload as { entryId: string }).entryId)).size).toBe(speeches);
      const marks = await sys.query<{ entry_id: string; record_seq: number | null }>(`SELECT entry_id, record_seq FROM record_entry_versions WHERE meeting_id = $1 ORDER BY record_seq`, [floor.meetingId]);
      expect(marks.map((m) => [m.record_seq, m.entry_id])).toEqual(stream.map((e) => [e.seq, (e.payload as { entryId: string }).entryId]));
    } finally {
      await db.destroy();
      redis.disconnect();
    }
  }, 120_000);
});
