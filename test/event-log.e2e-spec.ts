import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import type { DomainEvent } from '@rostrum/contracts';
import { CommandProcessor, EventLog, type Capability } from '@rostrum/messaging';

// The event log against the real Redis: compare-and-set, idempotency, gapless seq, since.
describe('EventLog (real Redis)', () => {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `e2e:log:${randomBytes(4).toString('hex')}`;
  const log = new EventLog(redis, prefix);
  const actor = { role: 'chair' as const, participantId: 'chair' };
  const ev = (n: number): DomainEvent => ({ type: 'test.happened', payload: { n }, visibility: { scope: 'public' } });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('appends only at the expected head: of concurrent appends at one seq exactly one wins', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      log.append('m1', 'meeting', 0, [ev(i)], { commandId: `c-${i}`, actor, at: 1 })));
    expect(results.filter((r) => r.status === 'appended')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'conflict')).toHaveLength(9);
    expect(await log.head('m1', 'meeting')).toBe(1);
  });

  it('the same commandId applies once and returns the first result', async () => {
    const first = await log.append('m2', 'meeting', 0, [ev(1), ev(2)], { commandId: 'same', actor, at: 1 });
    const again = await log.append('m2', 'meeting', 2, [ev(3)], { commandId: 'same', actor, at: 2 });
    expect(first).toMatchObject({ status: 'appended', seq: 2 });
    expect(again).toEqual({ status: 'duplicate', result: { ok: true, seq: 2 }, replicated: true });
    expect((await log.since('m2', 'meeting', 0)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('reads since a seq, in order, per stream', async () => {
    for (let i = 0; i < 5; i++) await log.append('m3', 'qna', i, [ev(i)], { commandId: `q-${i}`, actor, at: i });
    expect((await log.since('m3', 'qna', 2)).map((e) => [e.seq, e.payload.n])).toEqual([[3, 2], [4, 3], [5, 4]]);
    expect(await log.head('m3', 'meeting')).toBe(0);
  });

  it('CommandProcessor: 50 concurrent commands from 3 processors give a gapless log with each command once', async () => {
    type S = { seq: number; count: number };
    const counter: Capability<S> = {
      stream: 'meeting',
      initial: () => ({ seq: 0, count: 0 }),
      decide: (s) => ({ ok: true, events: [{ type: 'counted', payload: { after: s.count + 1 }, visibility: { scope: 'public' } }] }),
      evolve: (s, e) => ({ seq: e.seq, count: (e.payload as { after: number }).after }),
    };
    const processors = [1, 2, 3].map(() => new CommandProcessor(log, counter));
    const commands = Array.from({ length: 50 }, (_, i) => ({ meetingId: 'm4', commandId: `k-${i}`, type: 'count', payload: {}, actor }));
    // Every processor receives every command, as Redis pub/sub delivers it to every instance.
    const acks = await Promise.all(commands.flatMap((c) => processors.map((p) => p.handle(c))));
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    const events = await log.since('m4', 'meeting', 0);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.commandId)).size).toBe(50);
    expect(events.map((e) => (e.payload as { after: number }).after)).toEqual(events.map((e) => e.seq));
  });
  it('CommandProcessor: a meeting another writer keeps appending to gets CONFLICT after the retries, and nothing of the command', async () => {
    type S = { seq: number };
    let rival = 0;
    // A rival writer on the same Redis connection: its append is sent while the processor
    // decides, so it always lands first and the processor's compare-and-set always loses.
    const busy: Capability<S> = {
      stream: 'meeting',
      initial: () => ({ seq: 0 }),
      decide: (s) => {
        void log.append('m5', 'meeting', s.seq, [ev(-1)], { commandId: `rival-${rival++}`, actor, at: 1 });
        return { ok: true, events: [ev(0)] };
      },
      evolve: (s, e) => ({ seq: e.seq }),
    };
    const ack = await new CommandProcessor(log, busy).handle({ meetingId: 'm5', commandId: 'loser-1', type: 'count', payload: {}, actor });
    expect(ack).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await log.since('m5', 'meeting', 0, 1000)).filter((e) => e.commandId === 'loser-1')).toEqual([]);
  }, 30_000);
});

describe('EventLog fan-out shards (real Redis)', () => {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `e2e:shards:${randomBytes(4).toString('hex')}`;
  const log = new EventLog(redis, prefix, { fanoutShards: 4 });
  const actor = { role: 'chair' as const, participantId: 'chair' };
  const ev = (n: number): DomainEvent => ({ type: 'test.happened', payload: { n }, visibility: { scope: 'public' } });
  const copies = async (meetingId: string) => (await redis.xrange(log.keys.fanoutOf(meetingId), '-', '+'))
    .map(([, f]) => JSON.parse(f[1]!) as { meetingId: string; seq: number }).filter((e) => e.meetingId === meetingId).map((e) => e.seq);
  afterAll(async () => {
    const keys = [...await redis.keys(`${prefix}*`), ...await redis.keys(`{${prefix}*`)];
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('copies each append to its meeting\'s shard only, and marks it copied in the meeting\'s slot', async () => {
    const meetings = Array.from({ length: 12 }, (_, i) => `sm${i}`);
    for (const m of meetings) await log.append(m, 'meeting', 0, [ev(1), ev(2)], { commandId: `c-${m}`, actor, at: 1 });
    for (const m of meetings) {
      expect(await copies(m)).toEqual([1, 2]);
      expect((await log.fanoutLag(m)).meeting).toEqual({ head: 2, fanned: 2 });
      for (const other of log.keys.fanoutShardKeys.filter((k) => k !== log.keys.fanoutOf(m))) {
        expect((await redis.xrange(other, '-', '+')).some(([, f]) => f[1]!.includes(`"meetingId":"${m}"`))).toBe(false);
      }
    }
    expect(new Set(meetings.map((m) => log.keys.shardOf(m))).size).toBeGreaterThan(1);
    expect((await log.activeMeetings()).sort()).toEqual([...meetings].sort());
  });

  it('a process that died between append and copy: the sweeper\'s repair and a late retry of the command copy what is missing, once', async () => {
    await log.append('lost', 'meeting', 0, [ev(1)], { commandId: 'l1', actor, at: 1 });
    // What a process killed after the append script and before the copy leaves behind:
    await redis.del(log.keys.fanoutOf('lost'));
    await redis.hset(log.keys.fannedOut('lost'), 'meeting', 0);
    expect((await log.fanoutLag('lost')).meeting).toEqual({ head: 1, fanned: 0 });
    expect(await log.repairFanout('lost', 'meeting')).toBe(1);
    expect(await copies('lost')).toEqual([1]);
    expect(await log.repairFanout('lost', 'meeting')).toBe(0);

    await log.append('lost', 'meeting', 1, [ev(2)], { commandId: 'l2', actor, at: 2 });
    await redis.hset(log.keys.fannedOut('lost'), 'meeting', 1);
    // The second copy pub/sub delivers at once does not copy again (the first process may be copying)…
    expect(await log.append('lost', 'meeting', 1, [ev(2)], { commandId: 'l2', actor, at: 2 })).toMatchObject({ status: 'duplicate' });
    expect((await log.fanoutLag('lost')).meeting.fanned).toBe(1);
    // …a client's retry seconds later does.
    await redis.pexpire(log.keys.command('lost', 'meeting', 'l2'), 24 * 3600 * 1000 - 3000);
    expect(await log.append('lost', 'meeting', 1, [ev(2)], { commandId: 'l2', actor, at: 3 })).toMatchObject({ status: 'duplicate', result: { ok: true, seq: 2 } });
    expect((await log.fanoutLag('lost')).meeting).toEqual({ head: 2, fanned: 2 });
    expect(await copies('lost')).toEqual([1, 2, 2]);
  });

  it('REDIS_MIN_REPLICAS_ACK beyond the replicas there are: the append stays on the primary and is answered REPLICATION_TIMEOUT, also on a retry', async () => {
    const replicas = Number(/connected_slaves:(\d+)/.exec(await redis.info('replication'))![1]);
    const durable = new EventLog(redis, prefix, { fanoutShards: 4, minReplicasAck: replicas + 1, replicaAckTimeoutMs: 50 });
    try {
      const counter: Capability<{ seq: number }> = {
        stream: 'meeting', initial: () => ({ seq: 0 }),
        decide: () => ({ ok: true, events: [ev(1)] }), evolve: (s, e) => ({ seq: e.seq }),
      };
      const processor = new CommandProcessor(durable, counter);
      const command = { meetingId: 'durable', commandId: 'd1', type: 'count', payload: {}, actor };
      const started = Date.now();
      expect(await processor.handle(command)).toMatchObject({ ok: false, error: { code: 'REPLICATION_TIMEOUT' } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(45);
      expect((await durable.since('durable', 'meeting', 0)).map((e) => e.commandId)).toEqual(['d1']);
      expect(await processor.handle(command)).toMatchObject({ ok: false, error: { code: 'REPLICATION_TIMEOUT' } });
      expect(await durable.head('durable', 'meeting')).toBe(1);
      // With the replicas that exist (0 on a lone Redis: WAIT 0 returns at once) the same log acks.
      const plain = new CommandProcessor(new EventLog(redis, prefix, { fanoutShards: 4, minReplicasAck: 0 }), counter);
      expect(await plain.handle({ ...command, commandId: 'd2' })).toEqual({ ok: true, seq: 2 });
    } finally { await durable.close(); }
  });
});

describe('EventLog active meetings (real Redis)', () => {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `e2e:active:${randomBytes(4).toString('hex')}`;
  const log = new EventLog(redis, prefix);
  const actor = { role: 'chair' as const, participantId: 'chair' };
  afterAll(async () => {
    const keys = [...await redis.keys(`${prefix}*`), ...await redis.keys(`{${prefix}*`)];
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('retires a caught-up meeting, keeps one that moved on, and an append makes it active again', async () => {
    const e: DomainEvent = { type: 'x', payload: {}, visibility: { scope: 'public' } };
    await log.append('m', 'meeting', 0, [e], { commandId: 'a1', actor, at: 1 });
    expect(await log.retireIfCaughtUp('m', { meeting: 0, qna: 0 })).toBe(false); // Postgres is behind
    expect(await log.activeMeetings()).toEqual(['m']);
    expect(await log.retireIfCaughtUp('m', { meeting: 1, qna: 0 })).toBe(true);
    expect(await log.activeMeetings()).toEqual([]);
    await log.append('m', 'meeting', 1, [e], { commandId: 'a2', actor, at: 2 });
    expect(await log.activeMeetings()).toEqual(['m']);
    // Not copied to the fan-out yet (a process died between the two): stays active for the sweeper.
    await redis.hset(log.keys.fannedOut('m'), 'meeting', 1);
    expect(await log.retireIfCaughtUp('m', { meeting: 2, qna: 0 })).toBe(false);
    expect(await log.activeMeetings()).toEqual(['m']);
  });
});
