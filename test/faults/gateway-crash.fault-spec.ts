import { EventLog, createRedis } from '@rostrum/messaging';
import { TestClient, debateSetup, tokenOf } from '@rostrum/testing';
import { eventually, send, sleep } from './support/debate';
import { FaultSystem } from './support/system';

const CLIENTS = 50;
type Payload = { delegationId?: string; status?: string; entryId?: string; reason?: string };

// Issue 9 / DESIGN.md guarantee: killing a gateway, its clients reconnect to another one and
// resume from their seq (no gap, no duplicate), and its delegates' presence drops (R41).
describe('faults: a gateway killed with SIGKILL', () => {
  let fs: FaultSystem;
  const clients: TestClient[] = [];

  beforeAll(async () => { fs = await FaultSystem.start(); await fs.sys.startApp('gateway'); }, 120_000);
  afterAll(async () => { for (const c of clients) c.close(); await fs?.stop(); }, 60_000);

  it(`R41 ${CLIENTS} clients resume on the other gateway from their seq; its delegates are dropped within 10 s and the remote speaker is paused`, async () => {
    const [doomed, survivor] = fs.sys.gateways();
    const { meetingId, access } = await fs.sys.createMeeting(debateSetup('un-ga'));
    const on = async (gw: { url?: string }, token: string) => { const c = await TestClient.connect(gw.url!, token); clients.push(c); return c; };
    const chair = await on(survivor, tokenOf(access, 'chair'));
    const sen = await on(survivor, tokenOf(access, 'sen'));
    const nor = await on(doomed, tokenOf(access, 'nor'));         // the remote speaker, only on the doomed gateway
    const gha = await on(doomed, tokenOf(access, 'gha'));
    const viewers: Array<{ c: TestClient; token: string }> = [];
    for (let i = 0; i < CLIENTS - 2; i++) {
      const token = await fs.sys.viewerToken(meetingId);
      viewers.push({ c: await on(doomed, token), token });
    }
    const presence = (d: string, status: string) => chair.events().find((e) => e.type === 'presence.updated' && (e.payload as Payload).delegationId === d && (e.payload as Payload).status === status);
    await eventually(async () => !!(presence('NOR', 'connected') && presence('GHA', 'connected')), 15_000, 'delegations connected');

    const must = async (c: TestClient, name: string, payload: Record<string, unknown> = {}) => expect((await send(c, name, payload)).ack).toMatchObject({ ok: true });
    await must(chair, 'meeting.open');
    await must(chair, 'item.takeUp', { itemId: 'item-1' });
    await must(nor, 'floor.request', { type: 'statement', mode: 'remote' });
    await must(sen, 'floor.request', { type: 'statement' });
    await must(chair, 'chair.next');
    await must(nor, 'speech.start');
    const entryId = (chair.events().find((e) => e.type === 'speech.started')!.payload as Payload).entryId;
    await sleep(300);

    await fs.sys.stopApp(doomed, 'SIGKILL');                    // only our own child process, by pid
    const killedAt = Date.now();
    nor.close();
    gha.close();
    await must(chair, 'list.announce');                         // events the moved clients missed
    const dropped = await chair.waitFor('presence.updated', (e) => (e.payload as Payload).delegationId === 'NOR' && (e.payload as Payload).status === 'dropped', 20_000);
    const droppedMs = Date.now() - killedAt;
    const paused = await chair.waitFor('speech.paused', (e) => (e.payload as Payload).entryId === entryId, 5_000);
    expect(paused.payload).toMatchObject({ reason: 'disconnected', alertChair: true });
    await chair.waitFor('presence.updated', (e) => (e.payload as Payload).delegationId === 'GHA' && (e.payload as Payload).status === 'dropped', 5_000);

    const resumed = await Promise.all(viewers.map((v) => TestClient.resume(survivor.url!, v.token, v.c)));
    clients.push(...resumed);
    await must(chair, 'list.close', { consent: 'no-objection' });   // and events after they moved
    const redis = createRedis(fs.redis.url);
    const head = await new EventLog(redis, fs.sys.prefix).head(meetingId, 'meeting').finally(() => redis.disconnect());
    await eventually(async () => resumed.every((c) => c.seq.meeting === head), 20_000, 'every moved client at the head');
    let gaps = 0;
    let duplicates = 0;
    for (const c of resumed) {
      const seqs = c.streams.meeting.map((e) => e.seq);
      if (seqs.some((s, i) => i > 0 && s !== seqs[i - 1] + 1)) gaps++;
      duplicates += c.duplicates;
    }
    process.stdout.write(`[fault gateway] ${resumed.length} clients moved: ${gaps} with a gap, ${duplicates} duplicates; NOR dropped ${droppedMs} ms after the kill (seq ${String(dropped.seq)})\n`);
    expect(gaps).toBe(0);
    expect(duplicates).toBe(0);
    expect(droppedMs).toBeLessThanOrEqual(10_000);
  }, 150_000);
});
