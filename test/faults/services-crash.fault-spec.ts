import { Queue } from 'bullmq';
import { QueueName } from '@rostrum/contracts';
import { EventLog, bullConnection, bullPrefix, createRedis } from '@rostrum/messaging';
import { TestClient, debateSetup, tokenOf, type AppName } from '@rostrum/testing';
import { Debate, eventually, ready, send, sleep } from './support/debate';
import { FaultSystem } from './support/system';

type Payload = { entryId?: string; at?: number };
/** Timers are BullMQ delayed jobs; on a shared 2-core machine one may be promoted a little late. */
const SLACK_MS = 1000;

// Issue 9: the floor and the Q&A killed mid-meeting, and every app restarted in turn, lose nothing.
describe('faults: services killed or restarted mid-meeting', () => {
  let fs: FaultSystem;
  const clients: TestClient[] = [];
  const connect = async (token: string) => { const c = await TestClient.connect(fs.sys.url, token); clients.push(c); return c; };
  const must = async (c: TestClient, name: string, payload: Record<string, unknown> = {}) => {
    const r = await send(c, name, payload);
    expect(r.ack).toMatchObject({ ok: true });
    return r.ack;
  };
  const app = (name: AppName) => fs.sys.apps.find((a) => a.name === name)!;

  beforeAll(async () => { fs = await FaultSystem.start(); }, 120_000);
  afterAll(async () => { for (const c of clients) c.close(); await fs?.stop(); }, 60_000);

  it('floor SIGKILL mid-speech: the warning and the expiry still fire, late only by the downtime', async () => {
    const { access } = await fs.sys.createMeeting(debateSetup('un-ga', { time: { warningsSeconds: [8] } }));
    const chair = await connect(tokenOf(access, 'chair'));
    const gha = await connect(tokenOf(access, 'gha'));
    await must(chair, 'meeting.open');
    await must(chair, 'item.takeUp', { itemId: 'item-1' });
    await must(chair, 'floor.request', { type: 'statement', delegationId: 'GHA', allottedSeconds: 12, mode: 'in-room' });
    await must(chair, 'chair.next');
    await must(gha, 'speech.start');
    const started = await chair.waitFor('speech.started');
    const startedAt = (started.payload as { startedAt: number }).startedAt;

    await fs.sys.stopApp(app('floor'), 'SIGKILL');                // only our own child process, by pid
    const downAt = Date.now();
    // No floor, no floor command can be served: the gateway is not ready, and says why.
    const whileDown = await ready(fs.sys.url);
    expect(whileDown.status).toBe(503);
    expect(whileDown.body.details).toMatchObject({ floor: { status: 'down' }, qna: { status: 'up' }, redis: { status: 'up' } });
    await sleep(Math.max(0, startedAt + 5_000 - Date.now()));      // down across the warning (due 4 s in)
    await fs.sys.startApp('floor');
    const downtime = Date.now() - downAt;

    const warning = await chair.waitFor('clock.warning', () => true, 20_000);
    const expired = await chair.waitFor('clock.expired', () => true, 20_000);
    const warnLate = (warning.at as number) - (startedAt + 4_000);
    const expiryLate = (expired.at as number) - (startedAt + 12_000);
    process.stdout.write(`[fault floor] down ${downtime} ms; warning ${warnLate} ms late, expiry ${expiryLate} ms late\n`);
    expect(warnLate).toBeGreaterThanOrEqual(0);
    expect(warnLate).toBeLessThanOrEqual(downtime + SLACK_MS);
    expect(Math.abs(expiryLate)).toBeLessThanOrEqual(SLACK_MS);
    expect(chair.events().filter((e) => e.type === 'clock.warning' || e.type === 'clock.expired')).toHaveLength(2);
  }, 90_000);

  it('qna SIGKILL during a vote storm: the tally is exact after the restart', async () => {
    const { meetingId, access } = await fs.sys.createMeeting({ ...debateSetup(), qna: { moderation: 'open', rateLimit: { questions: 100, windowSeconds: 60 } } as never });
    const moderator = await connect(tokenOf(access, 'mod'));
    const asker = await connect(tokenOf(access, 'gha'));
    const questions = ['q1', 'q2', 'q3', 'q4', 'q5'];
    for (const q of questions) await must(asker, 'qna.ask', { text: `Question ${q} to the panel?`, itemId: 'item-1' });
    const viewers: TestClient[] = [];
    for (let i = 0; i < 150; i++) viewers.push(await connect(await fs.sys.viewerToken(meetingId)));

    const expected = new Map<string, number>(questions.map((q) => [q, 0]));
    const plans = viewers.map((_, i) => {
      const mine = [questions[i % 5]!, questions[(i + 2) % 5]!];
      for (const q of mine) expected.set(q, expected.get(q)! + 1);
      return mine.flatMap((q) => (i % 4 === 0 ? [q, q] : [q]));   // every 4th viewer's script votes twice
    });
    const storm = Promise.all(viewers.map(async (v, i) => {
      await sleep(i * 10);
      const out = [];
      for (const q of plans[i]!) out.push(await send(v, 'qna.vote', { questionId: q }));
      return out;
    }));
    await sleep(600);
    await fs.sys.stopApp(app('qna'), 'SIGKILL');                  // only our own child process, by pid
    await sleep(1000);
    await fs.sys.startApp('qna');
    const results = (await storm).flat();
    const failed = results.filter((r) => !r.ack.ok);
    const retried = results.filter((r) => r.retries > 0).length;
    const snap = (await moderator.sync()) as { qna: { state: { questions: Array<{ questionId: string; votes: number }> } } };
    const tally = Object.fromEntries(snap.qna.state.questions.map((q) => [q.questionId, q.votes]));
    process.stdout.write(`[fault qna] ${results.length} votes, ${retried} retried across the kill, ${failed.length} failed; tally ${JSON.stringify(tally)}\n`);
    expect(failed).toEqual([]);
    expect(retried).toBeGreaterThan(0);                           // the kill did land in the storm
    expect(tally).toEqual(Object.fromEntries(expected));
  }, 120_000);

  it('every app restarted one after another (SIGTERM) during a debate: each drains within 10 s, nothing lost, no error a client cannot retry', async () => {
    const debate = await Debate.open(fs.sys);
    clients.push(...debate.clients);
    debate.start();
    await eventually(async () => debate.speeches >= 2 && debate, 30_000, 'the debate under way');
    const drains: string[] = [];
    for (const name of ['floor', 'qna', 'recorder', 'gateway'] as AppName[]) {
      const old = app(name);
      const t = Date.now();
      const code = await fs.sys.stopApp(old, 'SIGTERM');
      const ms = Date.now() - t;
      drains.push(`${name} ${ms} ms (exit ${code})`);
      expect(code).toBe(0);
      expect(ms).toBeLessThanOrEqual(10_000);
      await fs.sys.startApp(name, name === 'gateway' ? { GATEWAY_PORT: String(old.port) } : {});
      const speeches = debate.speeches;
      await eventually(async () => debate.speeches > speeches && debate, 30_000, `the debate going on after ${name} restarted`);
    }
    await debate.stop();

    const redis = createRedis(fs.redis.url);
    const timers = new Queue(QueueName.FloorTimers, { connection: bullConnection(fs.redis.url), prefix: bullPrefix(fs.sys.prefix, QueueName.FloorTimers) });
    try {
      const log = new EventLog(redis, fs.sys.prefix);
      const events = await log.since(debate.meetingId, 'meeting', 0, 100_000);
      const commands = new Set(events.map((e) => e.commandId));
      const lost = debate.acked.filter((a) => !commands.has(a.commandId));
      await eventually(async () => debate.viewer.seq.meeting === events.length, 20_000, 'the viewer at the head');
      const seqs = debate.viewer.streams.meeting.map((e) => e.seq);
      await eventually(async () => {
        const [r] = await fs.sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM interventions WHERE meeting_id = $1`, [debate.meetingId]);
        return r.n === debate.speeches;
      }, 30_000, `${debate.speeches} interventions in Postgres`);
      // Ended speeches leave no timer behind (each used to leave its warning and expiry pending).
      const pendingTimers = await timers.getDelayedCount();
      process.stdout.write(`[fault rolling restart] drains: ${drains.join(', ')}; ${debate.acked.length} commands acknowledged, ${lost.length} lost, ${debate.retries} retries, ${debate.refused.length} refused; ${debate.speeches} speeches; ${pendingTimers} timer jobs pending; viewer duplicates [${debate.viewer.duplicateSeqs.join(",")}]\n`);
      expect(lost).toEqual([]);
      expect(debate.refused).toEqual([]);
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
      expect(debate.viewer.duplicates).toBe(0);
      expect(pendingTimers).toBe(0);
    } finally { redis.disconnect(); await timers.close(); }
  }, 240_000);
});
