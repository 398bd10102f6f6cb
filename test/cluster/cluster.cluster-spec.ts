import type { EventEnvelope } from '@rostrum/contracts';
import { EventLog, createRedis, type RedisClient } from '@rostrum/messaging';
import { TestClient, TestSystem, debateSetup, tokenOf } from '@rostrum/testing';
import { stopAll } from './support/teardown';
import { Debate, eventually, send } from '../faults/support/debate';
import { OwnRedisCluster } from './support/redis-cluster';

const VIEWERS = 20;

/** Whether a client's stream is gapless from 1 (or from where it started) and free of duplicates. */
function gapsOf(c: TestClient, stream: 'meeting' | 'qna' | 'record' = 'meeting'): number {
  const seqs = c.streams[stream].map((e) => e.seq);
  return seqs.filter((s, i) => i > 0 && s !== seqs[i - 1]! + 1).length;
}

// Issue 15: the same system on a Redis Cluster (3 primaries, 3 replicas, from the redis-server
// binary) with two of every process, REDIS_MIN_REPLICAS_ACK=1; then the primary of the meeting's
// slot is killed mid-debate: a replica takes over, commands succeed again within 10 s, nothing
// acknowledged is lost (log and Postgres), clients resume with no gap and no duplicate.
describe('on a Redis Cluster (3 primaries + 3 replicas), two of every process', () => {
  let cluster: OwnRedisCluster;
  let sys: TestSystem;
  let redis: RedisClient;
  let log: EventLog;
  const clients: TestClient[] = [];
  let debate: Debate | undefined;
  const on = async (url: string, token: string) => { const c = await TestClient.connect(url, token); clients.push(c); return c; };

  beforeAll(async () => {
    const started = Date.now();
    cluster = await OwnRedisCluster.start(3);
    const clusterMs = Date.now() - started;
    sys = await TestSystem.start(['floor', 'floor', 'qna', 'qna', 'recorder', 'recorder', 'gateway', 'gateway'],
      { REDIS_MIN_REPLICAS_ACK: '1', REDIS_REPLICA_ACK_TIMEOUT_MS: '1000', REDIS_FANOUT_SHARDS: '4' },
      { redisEnv: { REDIS_CLUSTER_NODES: cluster.seeds }, readyTimeoutMs: 120_000 });
    redis = createRedis({ topology: { mode: 'cluster', nodes: cluster.nodes.map((n) => ({ host: '127.0.0.1', port: n.port })), auth: {} } });
    log = new EventLog(redis, sys.prefix, { fanoutShards: 4 });
    process.stdout.write(`[cluster] 6 nodes up in ${clusterMs} ms; 8 processes up in ${Date.now() - started - clusterMs} ms\n`);
  }, 900_000);

  afterAll(() => stopAll({ debate, clients, redis, sys, servers: cluster }), 60_000);

  it('runs a debate, Q&A and the record across two gateways: each client gets every event once, in order', async () => {
    const [gw1, gw2] = sys.gateways();
    const { meetingId, access } = await sys.createMeeting({ ...debateSetup(), qna: { moderation: 'pre', rateLimit: { questions: 10, windowSeconds: 60 } } as never });
    const chair = await on(gw1!.url!, tokenOf(access, 'chair'));
    const mod = await on(gw2!.url!, tokenOf(access, 'mod'));
    const gha = await on(gw2!.url!, tokenOf(access, 'gha'));
    const nor = await on(gw1!.url!, tokenOf(access, 'nor'));
    const viewers = await Promise.all(Array.from({ length: 6 }, async (_, i) => on((i % 2 ? gw1 : gw2)!.url!, await sys.viewerToken(meetingId))));
    const must = async (c: TestClient, name: string, payload: Record<string, unknown> = {}) => expect((await send(c, name, payload, 30_000)).ack).toMatchObject({ ok: true });

    await must(chair, 'meeting.open');
    await must(chair, 'item.takeUp', { itemId: 'item-1' });
    for (const d of [gha, nor]) {
      await must(d, 'floor.request', { type: 'statement' });
      await must(chair, 'chair.next');
      await must(chair, 'speech.start');
      await must(chair, 'speech.end');
    }
    await must(gha, 'qna.ask', { text: 'What does the cluster change?' });
    await must(mod, 'qna.approve', { questionId: 'q1' });
    await Promise.all(viewers.map((v) => must(v, 'qna.vote', { questionId: 'q1' })));

    const head = { meeting: await log.head(meetingId, 'meeting'), qna: await log.head(meetingId, 'qna') };
    expect(head.meeting).toBeGreaterThanOrEqual(10);
    const everyone = [chair, mod, gha, nor, ...viewers];
    await eventually(async () => everyone.every((c) => c.seq.meeting === head.meeting && c.seq.qna === head.qna), 20_000, 'every client at the head');
    for (const c of everyone) { expect(gapsOf(c)).toBe(0); expect(gapsOf(c, 'qna')).toBe(0); expect(c.duplicates).toBe(0); }
    await viewers[0]!.waitFor('qna.tallies', (d) => (d.payload as { tallies: Record<string, number> }).tallies.q1 === viewers.length);

    // The record: both interventions persisted (one row each though two recorders run) and published on the record stream.
    await eventually(async () => {
      const [r] = await sys.query<{ events: number; interventions: number }>(`SELECT
        (SELECT count(*)::int FROM record_events WHERE meeting_id = $1 AND stream = 'meeting') AS events,
        (SELECT count(*)::int FROM interventions WHERE meeting_id = $1) AS interventions`, [meetingId]);
      return r!.events === head.meeting && r!.interventions === 2;
    }, 30_000, 'events and interventions in Postgres');
    await eventually(async () => (await log.head(meetingId, 'record')) >= 2 && chair.seq.record === await log.head(meetingId, 'record'), 30_000, 'record entries published and delivered');
    expect(gapsOf(chair, 'record')).toBe(0);

    // Reconnect: a viewer leaves gw2 and resumes on gw1 from its seqs, missing nothing in between.
    const moved = viewers[0]!;
    moved.close();
    await must(chair, 'list.announce');
    const resumed = await TestClient.resume(gw1!.url!, await sys.viewerToken(meetingId), moved);
    clients.push(resumed);
    const now = await log.head(meetingId, 'meeting');
    await eventually(async () => resumed.seq.meeting === now, 15_000, 'the resumed viewer at the head');
    expect(gapsOf(resumed)).toBe(0);
    expect(resumed.duplicates).toBe(0);
  }, 180_000);

  it('a primary killed mid-debate: a replica takes over, commands succeed again within 10 s, nothing acknowledged is lost, clients resume with no gap and no duplicate', async () => {
    const [gw1, gw2] = sys.gateways();
    const d = await Debate.open(sys);
    debate = d;
    const viewers = await Promise.all(Array.from({ length: VIEWERS }, async (_, i) => on((i % 2 ? gw1 : gw2)!.url!, await sys.viewerToken(d.meetingId))));
    d.start();
    await eventually(async () => d.speeches >= 3, 60_000, 'three speeches before the kill');

    const doomed = await cluster.primaryOf(log.keys.stream(d.meetingId, 'meeting'));
    const ackedBefore = d.acked.length;
    await cluster.kill(doomed);                                   // only our own redis-server, by pid
    const killedAt = Date.now();
    // The cluster notices (node timeout 1 s) and promotes the replica; the dead node comes back
    // as a replica of it, so every shard has a replica again for REDIS_MIN_REPLICAS_ACK=1.
    await eventually(async () => (await cluster.primaryOf(log.keys.stream(d.meetingId, 'meeting'))).port !== doomed.port, 30_000, 'a replica promoted');
    const promotedMs = Date.now() - killedAt;
    await cluster.resume(doomed);
    const firstAck = await eventually(async () => d.firstAckAfter(killedAt), 30_000, 'a command acknowledged after the kill');
    const recoveredMs = firstAck - killedAt;
    await eventually(async () => d.speeches >= 3 + 3, 60_000, 'three more speeches after the kill');
    await d.stop();

    // Nothing acknowledged is lost: each acked command's events are in the log at the acked seq…
    const events = await log.since(d.meetingId, 'meeting', 0, 100_000);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const byCommand = new Map<string, EventEnvelope[]>();
    for (const e of events) byCommand.set(e.commandId, [...(byCommand.get(e.commandId) ?? []), e]);
    // (every command of the debate appends events; its ack names the seq of its last one)
    const lost = d.acked.filter((a) => byCommand.get(a.commandId)?.at(-1)?.seq !== a.seq);
    expect(lost).toEqual([]);
    // …and in Postgres.
    await eventually(async () => {
      const [r] = await sys.query<{ n: number }>(`SELECT count(DISTINCT seq)::int AS n FROM record_events WHERE meeting_id = $1 AND stream = 'meeting'`, [d.meetingId]);
      return r!.n === events.length;
    }, 60_000, 'every event of the log in Postgres');

    // Clients: every one at the head, gapless, no duplicate.
    const everyone = [...d.clients, ...viewers];
    await eventually(async () => everyone.every((c) => c.seq.meeting === events.length), 30_000, 'every client at the head');
    let gaps = 0;
    let duplicates = 0;
    for (const c of everyone) { gaps += gapsOf(c); duplicates += c.duplicates; }
    process.stdout.write(`[cluster failover] killed primary :${doomed.port}; replica promoted in ${promotedMs} ms; first ack ${recoveredMs} ms after the kill; ` +
      `${d.acked.length - ackedBefore} acks after it, ${d.retries} retries, refused ${JSON.stringify(d.refused)}; ${everyone.length} clients: ${gaps} gaps, ${duplicates} duplicates\n`);
    expect(recoveredMs).toBeLessThanOrEqual(10_000);
    expect(d.refused).toEqual([]);
    expect(gaps).toBe(0);
    expect(duplicates).toBe(0);
  }, 240_000);
});
