import { EventLog, createRedis } from '@rostrum/messaging';
import { TEST_OPERATOR_KEY, TestClient, debateSetup } from '@rostrum/testing';
import { Debate, eventually, ready, sleep } from './support/debate';
import { FaultSystem } from './support/system';

const DOWN_MS = 20_000;

// Issue 9 / DESIGN.md guarantee: Postgres down for a while delays the record and loses nothing;
// the floor, Q&A and joining viewers carry on; REST that needs Postgres answers 503, never 500.
describe('faults: Postgres stopped for 20 s mid-debate', () => {
  let fs: FaultSystem;
  let debate: Debate;
  const extra: TestClient[] = [];

  beforeAll(async () => { fs = await FaultSystem.start(); debate = await Debate.open(fs.sys); }, 120_000);
  afterAll(async () => { await debate?.stop(); debate?.close(); for (const c of extra) c.close(); await fs?.stop(); }, 60_000);

  it('commands keep succeeding, a viewer joins, REST gives 503 with Retry-After, the record is complete ≤ 10 s after it returns', async () => {
    debate.start();
    await eventually(async () => debate.speeches >= 2 && debate, 30_000, 'the debate under way');
    const gateway = fs.sys.gateways()[0].url!;
    const recorder = fs.sys.apps.find((a) => a.name === 'recorder')!.url!;

    fs.pg.pause();                                             // only our own cluster
    const downAt = Date.now();
    const speechesBefore = debate.speeches;

    // A new viewer joins a public meeting: token and snapshot need no Postgres.
    const token = await fetch(`${gateway}/meetings/${debate.meetingId}/viewer-token`, { method: 'POST' });
    expect(token.status).toBe(201);
    const viewer = await TestClient.connect(gateway, ((await token.json()) as { token: string }).token);
    extra.push(viewer);
    expect(viewer.snapshot).toMatchObject({ ok: true, meeting: { seq: expect.any(Number) } });
    expect((viewer.snapshot!.meeting as { seq: number }).seq).toBeGreaterThan(0);

    // REST that needs Postgres: 503 UNAVAILABLE with Retry-After, never 500.
    const create = await fetch(`${gateway}/meetings`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-operator-key': TEST_OPERATOR_KEY }, body: JSON.stringify(debateSetup()),
    });
    const record = await fetch(`${gateway}/meetings/${debate.meetingId}/record.html`);
    const statuses = [create.status, record.status];
    expect(statuses).toEqual([503, 503]);
    expect(create.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(record.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await create.json()).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await record.json()).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });

    // Health says so: the gateway degraded (still serving), the recorder not ready.
    const gw = await ready(gateway);
    expect(gw.status).toBe(200);
    expect(gw.body).toMatchObject({ status: 'degraded', details: { postgres: { status: 'degraded' }, redis: { status: 'up' } } });
    expect((await ready(recorder)).status).toBe(503);

    await sleep(Math.max(0, DOWN_MS - (Date.now() - downAt)));
    const duringOutage = debate.speeches - speechesBefore;
    await debate.stop();
    fs.pg.resume();
    const upAt = Date.now();

    const redis = createRedis(fs.redis.url);
    const head = await new EventLog(redis, fs.sys.prefix).head(debate.meetingId, 'meeting').finally(() => redis.disconnect());
    const completeAt = await eventually(async () => {
      const [r] = await fs.sys.query<Record<string, number>>(`SELECT (SELECT count(*)::int FROM interventions WHERE meeting_id = $1) AS interventions,
        (SELECT count(DISTINCT seq)::int FROM record_events WHERE meeting_id = $1 AND stream = 'meeting') AS events,
        (SELECT count(*)::int FROM record_events WHERE meeting_id = $1 AND stream = 'meeting') AS rows,
        (SELECT count(*)::int FROM record_entry_versions WHERE meeting_id = $1 AND record_seq IS NULL) AS unpublished`, [debate.meetingId]);
      return r.interventions === debate.speeches && r.events === head && r.rows === head && r.unpublished === 0 ? Date.now() : undefined;
    }, 30_000, 'the record complete');
    const catchUpMs = completeAt - upAt;
    process.stdout.write(`[fault postgres ${DOWN_MS / 1000}s] speeches during the outage ${duringOutage}, refused ${debate.refused.length}, record complete ${catchUpMs} ms after Postgres returned (${head} events, ${debate.speeches} interventions)\n`);
    expect(duringOutage).toBeGreaterThan(0);
    expect(debate.refused).toEqual([]);
    expect(catchUpMs).toBeLessThanOrEqual(10_000);
    expect((await ready(gateway)).body.status).toBe('ok');
  }, 150_000);
});
