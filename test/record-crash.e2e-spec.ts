import { createRedis } from '@rostrum/messaging';
import { TestSystem } from '@rostrum/testing';
import { eventually } from './record-debate.helpers';
import { SimulatedFloor } from './record-sim.helpers';

const TOTAL = 2000;

// DESIGN.md guarantee: killing a recorder mid-batch loses and duplicates nothing.
describe('record: a recorder killed mid-burst', () => {
  let sys: TestSystem;
  let floor: SimulatedFloor;

  beforeAll(async () => { sys = await TestSystem.start(['recorder']); }, 60_000);
  afterAll(async () => { await floor?.close(); await sys?.stop(); }, 30_000);

  it('SIGKILL during a burst of 2,000 events, restart: Postgres ends with all of them, none twice', async () => {
    floor = new SimulatedFloor(sys, `crash-${sys.id}`);
    await floor.create();
    const recorder = sys.apps.find((a) => a.name === 'recorder')!;
    let speeches = 0;
    let killedAt = 0;
    // Commands of 1–3 events, every fourth one a speech: 2,000 events in total.
    for (let c = 0; floor.head < TOTAL; c++) {
      const size = Math.min(1 + (c % 3), TOTAL - floor.head);
      const events = Array.from({ length: size }, (_, k) => (k === 0 && c % 4 === 0 ? (speeches++, floor.speech()) : floor.noise(c + k)));
      await floor.command(events);
      if (!killedAt && floor.head >= 700) {
        const [persisted] = await sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_events`);
        await sys.stopApp(recorder, 'SIGKILL');              // only our own child process, by pid
        killedAt = floor.head;
        expect(persisted.n).toBeGreaterThan(0);               // it was working when it died
        process.stdout.write(`[record-crash] killed with ${persisted.n} of ${killedAt} events persisted\n`);
      }
    }
    expect(killedAt).toBeGreaterThan(0);
    await sys.startApp('recorder');

    const counts = await eventually(async () => {
      const [r] = await sys.query<Record<string, number>>(`SELECT
        (SELECT count(*)::int FROM record_events) AS events, (SELECT count(DISTINCT seq)::int FROM record_events) AS distinct_events,
        (SELECT count(*)::int FROM interventions) AS interventions, (SELECT count(DISTINCT entry_id)::int FROM interventions) AS distinct_interventions,
        (SELECT count(*)::int FROM record_entry_versions WHERE record_seq IS NULL) AS unpublished,
        (SELECT count(*)::int FROM record_entries) AS entries`);
      return r.events === TOTAL && r.interventions === speeches && r.unpublished === 0 ? r : undefined;
    }, 60_000, 'all events persisted and published');
    expect(counts).toMatchObject({ events: TOTAL, distinct_events: TOTAL, interventions: speeches, distinct_interventions: speeches, entries: speeches });
    const numbers = await sys.query<{ number: number }>(`SELECT number FROM interventions ORDER BY seq`);
    expect(numbers.map((n) => n.number)).toEqual(Array.from({ length: speeches }, (_, i) => i + 1));

    // The record stream holds each entry exactly once, gapless, in the order of the events.
    const stream = await floor.log.since(floor.meetingId, 'record', 0, 100_000);
    expect(stream.map((e) => e.seq)).toEqual(Array.from({ length: speeches }, (_, i) => i + 1));
    expect(new Set(stream.map((e) => (e.payload as { entryId: string }).entryId)).size).toBe(speeches);
    const sources = stream.map((e) => (e.payload as { source: { seq: number } }).source.seq);
    expect(sources).toEqual([...sources].sort((a, b) => a - b));
  }, 120_000);

  it('a record stream lost from Redis is rebuilt from Postgres at the same seqs, entry for entry', async () => {
    const before = await floor.log.since(floor.meetingId, 'record', 0, 100_000);
    expect(before.length).toBeGreaterThan(0);
    const redis = createRedis(sys.redisUrl);
    try {
      const keys = await redis.keys(`${floor.log.keys.meetingKey(floor.meetingId, 'record')}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);                               // the list and its commandId keys, as if Redis lost them
    } finally { redis.disconnect(); }
    const after = await eventually(async () => {
      const s = await floor.log.since(floor.meetingId, 'record', 0, 100_000);
      return s.length === before.length ? s : undefined;
    }, 20_000, 'the record stream to be rebuilt');
    expect(after.map((e) => [e.seq, e.type, e.payload])).toEqual(before.map((e) => [e.seq, e.type, e.payload]));
  }, 60_000);
});
