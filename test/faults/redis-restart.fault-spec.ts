import { EventLog, createRedis } from '@rostrum/messaging';
import { Debate, eventually, ready, sleep } from './support/debate';
import { FaultSystem } from './support/system';

// Issue 9 / DESIGN.md guarantee: Redis restarted (append-only): every acknowledged command
// survives, service resumes by itself within seconds, and /health/ready tells the truth meanwhile.
describe('faults: Redis SHUTDOWN and restart mid-debate', () => {
  let fs: FaultSystem;
  let debate: Debate;

  beforeAll(async () => {
    fs = await FaultSystem.start();
    debate = await Debate.open(fs.sys);
    debate.start();
  }, 120_000);
  afterAll(async () => { await debate?.stop(); debate?.close(); await fs?.stop(); }, 60_000);

  for (const downMs of [3_000, 30_000]) {
    it(`down ${downMs / 1000} s: acknowledged commands survive, commands succeed ≤ 5 s after it returns, /health/ready is false meanwhile`, async () => {
      await eventually(async () => debate.speeches >= 2 && debate, 30_000, 'the debate under way');
      const gateway = fs.sys.gateways()[0];
      const floor = fs.sys.apps.find((a) => a.name === 'floor')!;
      expect((await ready(gateway.url!)).status).toBe(200);

      await fs.redis.shutdown();                                  // only our own redis-server
      const downAt = Date.now();
      await sleep(Math.min(1500, downMs / 2));
      const whileDown = await ready(gateway.url!);
      const floorWhileDown = await ready(floor.url!);
      // A command meanwhile is refused at once, not after the transport timeout (5 s).
      const asked = Date.now();
      const fast = await debate.delegates[0]!.cmd('floor.withdraw', { entryId: 'none' });
      const fastMs = Date.now() - asked;
      await sleep(Math.max(0, downMs - (Date.now() - downAt)));
      await fs.redis.resume();
      const upAt = Date.now();

      const firstAck = await eventually(async () => debate.firstAckAfter(upAt), 30_000, 'a command acknowledged after Redis returned');
      const readyAgain = await eventually(async () => ((await ready(gateway.url!)).status === 200 ? Date.now() : undefined), 30_000, 'the gateway ready again');
      const recoveryMs = firstAck - upAt;
      process.stdout.write(`[fault redis ${downMs / 1000}s] recovery ${recoveryMs} ms (ready again after ${readyAgain - upAt} ms); UNAVAILABLE answered in ${fastMs} ms while down; acked so far ${debate.acked.length}, retries ${debate.retries}, refused ${debate.refused.length}\n`);

      expect(fast).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      expect(fastMs).toBeLessThan(5_000);
      expect(whileDown.status).toBe(503);
      expect(whileDown.body.details.redis.status).toBe('down');
      expect(whileDown.body.details.transport.status).toBe('down');
      expect(floorWhileDown.status).toBe(503);
      expect(floorWhileDown.body.dependencies.redis.status).toBe('down');
      expect(recoveryMs).toBeLessThanOrEqual(5_000);

      // Every acknowledged command is in the log, once.
      const redis = createRedis(fs.redis.url);
      try {
        const log = new EventLog(redis, fs.sys.prefix);
        const events = await log.since(debate.meetingId, 'meeting', 0, 100_000);
        const byCommand = new Map<string, number>();
        for (const e of events) if (e.commandId) byCommand.set(e.commandId, (byCommand.get(e.commandId) ?? 0) + 1);
        const lost = debate.acked.filter((a) => !byCommand.has(a.commandId));
        process.stdout.write(`[fault redis ${downMs / 1000}s] lost ${lost.length} of ${debate.acked.length} acknowledged commands; log holds ${events.length} events\n`);
        expect(lost).toEqual([]);
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      } finally { redis.disconnect(); }
      expect(debate.refused).toEqual([]);
    }, 120_000);
  }

  it('the viewer followed the whole debate without a gap or a duplicate, and the record caught up', async () => {
    await debate.stop();
    const redis = createRedis(fs.redis.url);
    let head: number;
    try {
      head = await new EventLog(redis, fs.sys.prefix).head(debate.meetingId, 'meeting');
      await eventually(async () => debate.viewer.seq.meeting === head, 20_000, 'the viewer at the head of the log');
    } finally { redis.disconnect(); }
    // Gapless from the snapshot the viewer joined with to the head.
    const seqs = debate.viewer.streams.meeting.map((e) => e.seq);
    const from = (debate.viewer.snapshot!.meeting as { seq: number }).seq;
    expect(seqs).toEqual(Array.from({ length: head - from }, (_, i) => from + i + 1));
    expect(debate.viewer.duplicates).toBe(0);
    await eventually(async () => {
      const [r] = await fs.sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM interventions WHERE meeting_id = $1`, [debate.meetingId]);
      return r.n === debate.speeches;
    }, 30_000, `${debate.speeches} interventions in Postgres`);
  }, 60_000);
});
