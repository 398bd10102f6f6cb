import { EventLog, createRedis } from '@rostrum/messaging';
import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';
import { TIMER_SLACK_MS, eventOf, ok, sleep, waitUntil } from './support/floor';

// R34: the speaking clock is the server's. Warnings and expiry are durable delayed jobs, so they
// come on time whoever is connected and whichever floor process is alive when they fall due.
describe('floor clock: server-side timers', () => {
  let sys: TestSystem;
  const clients: TestClient[] = [];
  const connect = async (token: string) => { const c = await TestClient.connect(sys.url, token); clients.push(c); return c; };

  // qna runs too: a join's snapshot waits for it (up to 1.5 s) when it is missing.
  beforeAll(async () => { sys = await TestSystem.start(['floor', 'qna', 'gateway']); }, 60_000);
  afterEach(() => { while (clients.length) clients.pop()!.close(); });
  afterAll(() => sys?.stop(), 30_000);

  /** Opens a meeting, inscribes Ghana (in the room) with a short limit and starts its speech. */
  async function speechUnderway(allottedSeconds: number) {
    const { meetingId, access } = await sys.createMeeting(debateSetup('un-ga'));
    const chair = await connect(tokenOf(access, 'chair'));
    const gha = await connect(tokenOf(access, 'gha'));
    await waitUntil(() => chair.events().some((e) => e.type === 'presence.updated' && e.payload.delegationId === 'GHA'), 'Ghana present');
    await ok(chair, 'meeting.open');
    await ok(chair, 'item.takeUp', { itemId: 'item-1' });
    // R33: the chair sets this entry's limit when inscribing it.
    await ok(chair, 'floor.request', { type: 'statement', delegationId: 'GHA', allottedSeconds, mode: 'in-room' });
    expect(eventOf(await ok(chair, 'chair.next'), 'floor.given').payload.allottedSeconds).toBe(allottedSeconds);
    const started = eventOf(await ok(gha, 'speech.start'), 'speech.started').payload as { entryId: string; startedAt: number };
    return { meetingId, access, chair, gha, started };
  }

  it('R34 the warning fires with nobody connected; a client that comes back finds it in events.since', async () => {
    const { meetingId, chair, gha, started } = await speechUnderway(31);   // warning due 1 s in
    chair.close();
    gha.close();   // an in-room speaker's console closing does not stop the clock (R41 is for remote speakers)
    // Poll the event log in Redis itself (not a fixed sleep, and no client connected) until the warning is there.
    const redis = createRedis(sys.redisUrl);
    try {
      const log = new EventLog(redis, sys.prefix);
      for (const end = Date.now() + 15_000; Date.now() < end; await sleep(100)) {
        if ((await log.since(meetingId, 'meeting', 0)).some((e) => e.type === 'clock.warning')) break;
      }
    } finally { redis.disconnect(); }
    const viewer = await connect(await sys.viewerToken(meetingId));
    const since = await viewer.socket.emitWithAck('events.since', { stream: 'meeting', seq: 0, replay: true }) as { events: Array<Record<string, any>> };
    const warning = since.events.find((e) => e.type === 'clock.warning');
    const due = started.startedAt + (31 - 30) * 1000;
    expect(warning).toMatchObject({ payload: { entryId: started.entryId, secondsLeft: 30, at: due }, actor: { role: 'system' } });
    expect(Math.abs(warning!.at - due)).toBeLessThanOrEqual(TIMER_SLACK_MS);
    // Nobody paused anything: the snapshot shows the clock still running.
    expect((viewer.snapshot!.meeting as { state: { speech: unknown } }).state.speech).toMatchObject({ entryId: started.entryId, paused: false, warningsGiven: [30] });
  });

  it('R34 warning and expiry arrive on time although the floor process was killed mid-speech', async () => {
    const { chair, gha, started } = await speechUnderway(35);                      // warning due 5 s in, expiry 35 s in
    const floor = sys.apps.find((a) => a.name === 'floor')!;
    await sys.stopApp(floor, 'SIGKILL');
    expect(floor.process.signalCode).toBe('SIGKILL');
    expect(sys.apps.filter((a) => a.name === 'floor')).toHaveLength(0);
    await sys.startApp('floor');

    const warning = await chair.waitFor('clock.warning', (e) => (e.payload as { entryId: string }).entryId === started.entryId, 15_000);
    const warnDue = started.startedAt + 5_000;
    expect(warning).toMatchObject({ payload: { secondsLeft: 30, at: warnDue }, actor: { role: 'system' } });
    expect(Math.abs((warning.at as number) - warnDue)).toBeLessThanOrEqual(TIMER_SLACK_MS);
    const expired = await chair.waitFor('clock.expired', (e) => (e.payload as { entryId: string }).entryId === started.entryId, 40_000);
    const expiryDue = started.startedAt + 35_000;
    expect(expired).toMatchObject({ payload: { at: expiryDue, policy: 'alert-chair' } });
    expect(Math.abs((expired.at as number) - expiryDue)).toBeLessThanOrEqual(TIMER_SLACK_MS);

    // The new floor process carries on with the same speech.
    const iv = eventOf(await ok(gha, 'speech.end'), 'speech.ended').payload.intervention;
    expect(iv).toMatchObject({ entryId: started.entryId, startedAt: started.startedAt, allottedSeconds: 35, expired: true, warningsGiven: [30], pausedMs: 0 });
    expect(iv.overrunMs).toBe(iv.netSpeakingMs - 35_000);
    // Each timer fired once.
    expect(chair.events().filter((e) => e.type === 'clock.warning' || e.type === 'clock.expired')).toHaveLength(2);
  });
});
