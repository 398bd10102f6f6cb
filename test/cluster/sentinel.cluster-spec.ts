import type { EventEnvelope } from '@rostrum/contracts';
import { EventLog, createRedis, type RedisClient } from '@rostrum/messaging';
import { TestClient, TestSystem } from '@rostrum/testing';
import { stopAll } from './support/teardown';
import { Debate, eventually } from '../faults/support/debate';
import { OwnSentinelGroup } from './support/redis-sentinel';

// Issue 15: the same system behind Sentinels (1 primary, 1 replica, 3 Sentinels), with
// REDIS_MIN_REPLICAS_ACK=1. The primary is killed mid-debate: the Sentinels promote the replica,
// every process follows it, the old primary comes back as its replica; commands succeed again
// within 10 s of the promotion, nothing acknowledged is lost, clients have no gap and no duplicate.
describe('behind Redis Sentinels (1 primary, 1 replica, 3 Sentinels)', () => {
  let group: OwnSentinelGroup;
  let sys: TestSystem;
  let redis: RedisClient;
  let log: EventLog;
  let debate: Debate | undefined;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    group = await OwnSentinelGroup.start();
    const redisEnv = { REDIS_SENTINELS: group.seeds, REDIS_SENTINEL_NAME: OwnSentinelGroup.NAME };
    sys = await TestSystem.start(['floor', 'qna', 'recorder', 'gateway', 'gateway'], { REDIS_MIN_REPLICAS_ACK: '1', REDIS_REPLICA_ACK_TIMEOUT_MS: '1000' }, { redisEnv, readyTimeoutMs: 120_000 });
    redis = createRedis({ topology: { mode: 'sentinel', sentinels: group.sentinels.map((s) => ({ host: '127.0.0.1', port: s.port })), name: OwnSentinelGroup.NAME, auth: {}, db: 0 } });
    redis.on('error', () => undefined); // reconnection noise while the primary is down
    log = new EventLog(redis, sys.prefix);
  }, 900_000);

  afterAll(() => stopAll({ debate, clients, redis, sys, servers: group }), 60_000);

  it('the primary killed mid-debate: the Sentinels promote the replica, commands succeed again within 10 s of it, nothing acknowledged is lost, clients gapless', async () => {
    const [gw1, gw2] = sys.gateways();
    const d = await Debate.open(sys);
    debate = d;
    for (let i = 0; i < 6; i++) clients.push(await TestClient.connect((i % 2 ? gw1 : gw2)!.url!, await sys.viewerToken(d.meetingId)));
    d.start();
    await eventually(async () => d.speeches >= 3, 60_000, 'three speeches before the kill');

    const doomed = await group.primary();
    await group.kill(doomed);                                   // only our own redis-server, by pid
    const killedAt = Date.now();
    await eventually(async () => { const p = await group.primaryPort(); return p !== undefined && p !== doomed.port; }, 30_000, 'the Sentinels promoted the replica');
    const promotedMs = Date.now() - killedAt;
    await group.resume(doomed);                                 // the Sentinels make it a replica of the new primary
    const firstAck = await eventually(async () => d.firstAckAfter(killedAt), 30_000, 'a command acknowledged after the kill');
    await eventually(async () => d.speeches >= 6, 60_000, 'three more speeches after the kill');
    await d.stop();

    const events = await log.since(d.meetingId, 'meeting', 0, 100_000);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const last = new Map<string, EventEnvelope>();
    for (const e of events) last.set(e.commandId, e);
    expect(d.acked.filter((a) => last.get(a.commandId)?.seq !== a.seq)).toEqual([]);
    await eventually(async () => {
      const [r] = await sys.query<{ n: number }>(`SELECT count(DISTINCT seq)::int AS n FROM record_events WHERE meeting_id = $1 AND stream = 'meeting'`, [d.meetingId]);
      return r!.n === events.length;
    }, 60_000, 'every event of the log in Postgres');
    const everyone = [...d.clients, ...clients];
    await eventually(async () => everyone.every((c) => c.seq.meeting === events.length), 30_000, 'every client at the head');
    const gaps = everyone.filter((c) => c.streams.meeting.some((e, i, all) => i > 0 && e.seq !== all[i - 1]!.seq + 1)).length;
    const duplicates = everyone.reduce((n, c) => n + c.duplicates, 0);
    process.stdout.write(`[sentinel failover] primary :${doomed.port} killed; replica promoted in ${promotedMs} ms; first ack ${firstAck - killedAt} ms after the kill; ` +
      `${d.acked.length} acked, ${d.retries} retries, refused ${JSON.stringify(d.refused)}; ${everyone.length} clients: ${gaps} with a gap, ${duplicates} duplicates\n`);
    // How fast the Sentinels agree and promote is theirs (down-after 1 s, then an election; slower
    // on a loaded machine); ours is how soon commands succeed once the replica has taken over.
    expect(firstAck - (killedAt + promotedMs)).toBeLessThanOrEqual(10_000);
    expect(d.refused).toEqual([]);
    expect(gaps).toBe(0);
    expect(duplicates).toBe(0);
  }, 240_000);
});
