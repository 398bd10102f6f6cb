import type { DomainEvent } from '@rostrum/contracts';
import { SimulatedFloor } from '../record-sim.helpers';
import { eventually, sleep } from './support/debate';
import { FaultSystem } from './support/system';

const TOTAL = 2000;
const KILL_AT = [600, 1300];

// Issue 9 / DESIGN.md guarantee: killing a recorder mid-batch loses and duplicates nothing, and
// entries flow again within 2 s of its restart.
describe('faults: the recorder killed twice during a 2,000-event debate', () => {
  let fs: FaultSystem;
  let floor: SimulatedFloor;

  beforeAll(async () => { fs = await FaultSystem.start(['recorder']); }, 120_000);
  afterAll(async () => { await floor?.close(); await fs?.stop(); }, 60_000);

  it('Postgres equals the log row for row, 0 lost, 0 duplicated, entries flowing ≤ 2 s after each restart', async () => {
    floor = new SimulatedFloor(fs.sys, `crash-${fs.sys.id}`);
    await floor.create();
    let speeches = 0;
    // The debate goes on whatever happens to the recorder: commands of 1–3 events, every third one a speech.
    const driving = (async () => {
      for (let c = 0; floor.head < TOTAL; c++) {
        const size = Math.min(1 + (c % 3), TOTAL - floor.head);
        const events: DomainEvent[] = Array.from({ length: size }, (_, k) => (k === 0 && c % 3 === 0 ? (speeches++, floor.speech()) : floor.noise(c + k)));
        await floor.command(events);
        await sleep(5);
      }
    })();

    const flowing: number[] = [];
    for (const at of KILL_AT) {
      await eventually(async () => floor.head >= at, 60_000, `the debate at event ${at}`);
      const recorder = fs.sys.apps.find((a) => a.name === 'recorder')!;
      const [persisted] = await fs.sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_events`);
      await fs.sys.stopApp(recorder, 'SIGKILL');                 // only our own child process, by pid
      const killedAt = floor.head;
      expect(persisted.n).toBeGreaterThan(0);                     // it was working when it died
      await sleep(500);
      await fs.sys.startApp('recorder');
      const restartedAt = Date.now();
      const recordHead = await floor.log.head(floor.meetingId, 'record');
      const flowedAt = await eventually(async () => ((await floor.log.head(floor.meetingId, 'record')) > recordHead ? Date.now() : undefined), 30_000, 'record entries after the restart');
      flowing.push(flowedAt - restartedAt);
      process.stdout.write(`[fault recorder] killed at event ${killedAt} with ${persisted.n} persisted; entries flowing ${flowedAt - restartedAt} ms after the restart\n`);
    }
    await driving;

    const counts = await eventually(async () => {
      const [r] = await fs.sys.query<Record<string, number>>(`SELECT
        (SELECT count(*)::int FROM record_events) AS events, (SELECT count(DISTINCT seq)::int FROM record_events) AS distinct_events,
        (SELECT count(*)::int FROM interventions) AS interventions, (SELECT count(DISTINCT entry_id)::int FROM interventions) AS distinct_interventions,
        (SELECT count(*)::int FROM record_entry_versions WHERE record_seq IS NULL) AS unpublished`);
      return r.events === TOTAL && r.interventions === speeches && r.unpublished === 0 ? r : undefined;
    }, 60_000, 'all events persisted and published');
    // Row for row: every event of the log, once, with its type and commandId.
    const rows = await fs.sys.query<{ seq: number; type: string; command_id: string }>(`SELECT seq, type, command_id FROM record_events WHERE meeting_id = $1 AND stream = 'meeting' ORDER BY seq`, [floor.meetingId]);
    const log = await floor.log.since(floor.meetingId, 'meeting', 0, 100_000);
    const lost = log.length - rows.length;
    const duplicated = counts.events - counts.distinct_events + counts.interventions - counts.distinct_interventions;
    process.stdout.write(`[fault recorder] ${TOTAL} events, ${speeches} speeches: lost ${lost}, duplicated ${duplicated}; flowing after restarts ${flowing.join(', ')} ms\n`);
    expect(rows.map((r) => [r.seq, r.type, r.command_id])).toEqual(log.map((e) => [e.seq, e.type, e.commandId]));
    expect(counts).toMatchObject({ events: TOTAL, distinct_events: TOTAL, interventions: speeches, distinct_interventions: speeches });
    const stream = await floor.log.since(floor.meetingId, 'record', 0, 100_000);
    expect(new Set(stream.map((e) => (e.payload as { entryId: string }).entryId)).size).toBe(stream.length);
    expect(stream.length).toBe(speeches);
    for (const ms of flowing) expect(ms).toBeLessThanOrEqual(2_000);
  }, 240_000);
});
