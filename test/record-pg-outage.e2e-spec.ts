import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';
import { eventually, sleep } from './record-debate.helpers';
import { OwnPostgres } from './record-pg.helpers';

// DESIGN.md guarantee: Postgres down for a while delays the record and loses nothing.
describe('record: Postgres down for 20 s during a debate', () => {
  let pg: OwnPostgres;
  let sys: TestSystem;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    pg = await OwnPostgres.start();
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = pg.url;                       // TestSystem reads it once, at construction
    try { sys = await TestSystem.start(['floor', 'recorder', 'gateway']); } finally {
      if (previous === undefined) delete process.env.DATABASE_URL; else process.env.DATABASE_URL = previous;
    }
  }, 90_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await sys?.stop();
    pg?.destroy();
  }, 60_000);

  it('the floor keeps working, the record catches up after, nothing lost', async () => {
    const { meetingId, access } = await sys.createMeeting(debateSetup());
    const connect = async (token: string) => { const c = await TestClient.connect(sys.url, token); clients.push(c); return c; };
    const viewer = await connect(await sys.viewerToken(meetingId));
    const chair = await connect(tokenOf(access, 'chair'));
    const ok = async (c: TestClient, name: string, payload: Record<string, unknown> = {}) => expect(await c.cmd(name, payload)).toMatchObject({ ok: true });
    const speak = async () => { await ok(chair, 'chair.next'); await ok(chair, 'speech.start'); await sleep(400); await ok(chair, 'speech.end'); };
    await ok(chair, 'meeting.open');
    await ok(chair, 'item.takeUp', { itemId: 'item-1' });
    for (const d of ['gha', 'nor', 'egy', 'gbr']) await ok(await connect(tokenOf(access, d)), 'floor.request', { type: 'statement' });
    await speak();
    await eventually(async () => (await sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM interventions`))[0].n === 1, 20_000, 'first intervention');

    pg.pause();
    const downAt = Date.now();
    await speak();                                           // the floor does not need Postgres (R43 events live in the log)
    await speak();
    await ok(chair, 'list.announce');
    await ok(chair, 'list.close', { consent: 'no-objection' });
    await speak();
    // Viewers follow at most a quarter second behind: wait for the last speech to reach them.
    await eventually(async () => viewer.events('meeting').filter((e) => e.type === 'speech.ended').length === 4 || undefined, 10_000, 'the fourth speech on the viewer');
    expect(viewer.events('meeting').filter((e) => e.type === 'speech.ended')).toHaveLength(4);
    expect(viewer.events('meeting').some((e) => e.type === 'list.closed')).toBe(true);
    await sleep(Math.max(0, 20_000 - (Date.now() - downAt)));
    pg.resume();

    const head = viewer.seq.meeting;
    await eventually(async () => {
      const [r] = await sys.query<Record<string, number>>(`SELECT (SELECT count(*)::int FROM interventions) AS interventions,
        (SELECT count(*)::int FROM record_events WHERE stream = 'meeting') AS events,
        (SELECT count(DISTINCT seq)::int FROM record_events WHERE stream = 'meeting') AS distinct_events,
        (SELECT count(*)::int FROM record_entry_versions WHERE record_seq IS NULL) AS unpublished`);
      return r.interventions === 4 && r.events === head && r.distinct_events === head && r.unpublished === 0;
    }, 60_000, 'the record to catch up');
    await eventually(async () => viewer.events('record').filter((e) => (e.payload as { kind: string }).kind === 'intervention').length === 4, 10_000, 'viewer record');
    const kinds = viewer.events('record').map((e) => (e.payload as { kind: string }).kind);
    expect(kinds).toEqual(expect.arrayContaining(['meeting.opened', 'item.takenUp', 'list.announced', 'list.closed']));
    expect(new Set(viewer.events('record').map((e) => (e.payload as { entryId: string }).entryId)).size).toBe(viewer.events('record').length);
  }, 150_000);
});
