import Redis from 'ioredis';
import { EventLog } from '@rostrum/messaging';
import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';

// Redis with AOF everysec can lose its last second of writes. What Postgres already holds is
// put back by the recorder; no seq is ever used twice; the meeting goes on.
describe('Redis loses the end of the event log', () => {
  let sys: TestSystem;
  beforeAll(async () => { sys = await TestSystem.start(['floor', 'qna', 'recorder', 'gateway']); }, 90_000);
  afterAll(() => sys?.stop(), 30_000);

  it('the recorder restores the lost tail from Postgres and new events continue after it', async () => {
    const { meetingId, access } = await sys.createMeeting(debateSetup());
    const chair = await TestClient.connect(sys.url, tokenOf(access, 'chair'));
    const gha = await TestClient.connect(sys.url, tokenOf(access, 'gha'));
    expect(await chair.cmd('meeting.open')).toMatchObject({ ok: true });
    expect(await chair.cmd('item.takeUp', { itemId: 'item-1' })).toMatchObject({ ok: true });
    const last = await gha.cmd('floor.request', { type: 'statement' });
    const head = last.seq as number;
    const persisted = async () => (await sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_events WHERE meeting_id = $1 AND stream = 'meeting'`, [meetingId]))[0]!.n;
    await waitUntil(async () => (await persisted()) === head);

    const redis = new Redis(sys.redisUrl);
    const log = new EventLog(redis, sys.prefix);
    try {
      await redis.ltrim(log.keys.stream(meetingId, 'meeting'), 0, head - 3); // the last 2 events are gone
      expect(await log.head(meetingId, 'meeting')).toBe(head - 2);
      // The floor never appends over the gap: it refuses until the log is whole again (unless
      // the sweeper, every second here, restored it in the few ms since the trim).
      const during = await chair.cmd('list.announce', {});
      if (during.ok) expect(during.seq).toBe(head + 1);
      else {
        expect(during.error.code).toBe('UNAVAILABLE');
        await waitUntil(async () => (await log.head(meetingId, 'meeting')) >= head);
        expect(await chair.cmd('list.announce', {})).toMatchObject({ ok: true, seq: head + 1 });
      }
      const events = await log.since(meetingId, 'meeting', 0);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      await waitUntil(async () => (await persisted()) === events.length);
      const rows = await sys.query<{ seq: number; command_id: string }>(`SELECT seq, command_id FROM record_events WHERE meeting_id = $1 AND stream = 'meeting' ORDER BY seq`, [meetingId]);
      expect(rows.map((r) => [r.seq, r.command_id])).toEqual(events.map((e) => [e.seq, e.commandId]));
    } finally {
      redis.disconnect();
      chair.close();
      gha.close();
    }
  });
});

async function waitUntil(cond: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
