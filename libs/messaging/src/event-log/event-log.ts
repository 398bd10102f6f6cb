import { stampEvents, type DomainEvent, type EventEnvelope, type StampMeta, type StreamName, type Visibility } from '@rostrum/contracts';
import { DEFAULT_FANOUT_SHARDS, Keys, type RedisClient } from '../redis/redis';
import { APPEND_LUA, CAUGHT_UP_LUA, MARK_LUA, PUBLISH_LUA } from './append.lua';

const RESULT_TTL_SECONDS = 60 * 60 * 24;
const FANOUT_MAXLEN = 100_000;
/**
 * A repeat of a command this long after its first append (a client's retry, not the second copy
 * pub/sub delivers to another instance at once) re-copies to the fan-out what its first
 * process may have died before copying.
 */
const REPAIR_AFTER_MS = 2000;

export type AppendMeta = StampMeta;

/**
 * `replicated` is false when REDIS_MIN_REPLICAS_ACK replicas did not confirm the write in time
 * (the events are on the primary; the command is answered REPLICATION_TIMEOUT).
 */
export type AppendResult =
  | { status: 'appended'; seq: number; envelopes: EventEnvelope[]; replicated: boolean }
  | { status: 'conflict'; head: number }
  | { status: 'duplicate'; result: unknown; replicated: boolean };

/** A message on the fan-out stream that is not part of any seq'd stream (e.g. coalesced tallies). */
export interface TransientMessage { meetingId: string; type: string; payload: unknown; visibility: Visibility; transient: true }

/** Durability and fan-out settings of an event log (from the Redis configuration). */
export interface EventLogOptions {
  /** Number of fan-out streams (REDIS_FANOUT_SHARDS); every process of a deployment uses the same. */
  fanoutShards?: number;
  /** Replicas that must confirm an append before it counts as done (REDIS_MIN_REPLICAS_ACK); 0 = none. */
  minReplicasAck?: number;
  /** Longest wait for them, ms (REDIS_REPLICA_ACK_TIMEOUT_MS). */
  replicaAckTimeoutMs?: number;
}

/** Cluster answers that mean "not here, not now": the command did not run. */
const REDIRECTED = /^(MOVED|ASK|TRYAGAIN|CLUSTERDOWN)\b/;

type Scripted = Record<string, (...a: unknown[]) => Promise<unknown>>;
const STREAM_NAMES: StreamName[] = ['meeting', 'qna', 'record'];

/**
 * The per-meeting event log: one Redis list per (meeting, stream) where index i holds seq i+1,
 * so seq is gapless by construction. Appends are compare-and-set on the head and idempotent
 * on commandId, in one Lua script on the meeting's slot.
 *
 * The copy to the gateways' fan-out is a second step on another slot (the meeting's fan-out
 * shard, `Keys.fanoutOf`), followed by a mark in the meeting's slot (`fanned`: stream → last seq
 * copied). A process that dies between the steps leaves the mark behind the head; the copy is
 * then made again by a retry of the command (`append` of a known commandId) or by the recorder's
 * sweeper (`repairFanout`). Gateways drop a seq they already delivered and fetch from the log a
 * seq that a copy skipped, so a repeated or late copy costs nothing (docs/architecture.md).
 *
 * Works on one Redis, Sentinels or a Redis Cluster: no command touches two slots.
 */
export class EventLog {
  readonly keys: Keys;
  private readonly minReplicas: number;
  private readonly replicaTimeoutMs: number;
  /**
   * With REDIS_MIN_REPLICAS_ACK, appends run on their own connection: WAIT blocks the connection
   * it is sent on until the replicas answer, and must follow the write on that same connection.
   */
  private readonly appender: RedisClient;

  constructor(private readonly redis: RedisClient, prefix: string, options: EventLogOptions = {}) {
    this.keys = new Keys(prefix, options.fanoutShards ?? DEFAULT_FANOUT_SHARDS);
    this.minReplicas = options.minReplicasAck ?? 0;
    this.replicaTimeoutMs = options.replicaAckTimeoutMs ?? 1000;
    this.appender = this.minReplicas > 0 ? redis.duplicate() : redis;
    for (const client of new Set([redis, this.appender])) defineScripts(client);
  }

  /**
   * Appends `events` if the stream's head is still `expectedSeq`, then copies them to the
   * meeting's fan-out shard. `result` is what a repeat of the same commandId will get back (the
   * first result, as DESIGN.md requires). With REDIS_MIN_REPLICAS_ACK = N the append is followed
   * by `WAIT N timeout` on the same connection; `replicated` says whether N replicas confirmed.
   * `alongside(envelopes)` (optional, synchronous; a throw is ignored) names transient messages
   * to copy to the fan-out together with the appended events, after them.
   */
  async append(
    meetingId: string, stream: StreamName, expectedSeq: number, events: DomainEvent[], meta: AppendMeta,
    result: (seq: number) => unknown = (seq) => ({ ok: true, seq }),
    alongside?: (appended: EventEnvelope[]) => Array<Omit<TransientMessage, 'meetingId' | 'transient'>>,
  ): Promise<AppendResult> {
    const envelopes = stampEvents(meetingId, stream, expectedSeq, events, meta);
    const lastSeq = expectedSeq + envelopes.length;
    const args = [
      this.keys.stream(meetingId, stream), this.keys.command(meetingId, stream, meta.commandId), this.keys.fannedOut(meetingId),
      expectedSeq, RESULT_TTL_SECONDS, JSON.stringify(result(lastSeq)), this.minReplicas > 0 ? '1' : '0', stream,
      ...envelopes.map((e) => JSON.stringify(e)),
    ];
    // The meeting is marked active (its shard's set, another slot) in the same breath as the
    // append: sent first, it is in Redis even if this process dies before the copy to the fan-out,
    // so the recorder's sweeper still finds what to persist and copy.
    const [, { reply, replicated }] = await Promise.all([this.redis.sadd(this.keys.activeOf(meetingId), meetingId), this.runAppend(args)]);
    if (reply[0] === 'duplicate') {
      const age = RESULT_TTL_SECONDS * 1000 - Number(reply[2]);
      if (age > REPAIR_AFTER_MS && Number(reply[4]) < Number(reply[3])) await this.repairFanout(meetingId, stream).catch(() => undefined);
      return { status: 'duplicate', result: JSON.parse(reply[1]!), replicated };
    }
    if (reply[0] === 'conflict') return { status: 'conflict', head: Number(reply[1]) };
    // Appended: the events are in the log whatever happens to the copy; a failed copy is made
    // again by the sweeper, and gateways fetch skipped seqs from the log. Transient state the
    // caller derives from them (`alongside`, e.g. the floor view) goes in the same copy, right
    // after them, so a gateway reads both in one round and can send them in one message.
    let extra: TransientMessage[] = [];
    try { extra = (alongside?.(envelopes) ?? []).map((t) => ({ ...t, meetingId, transient: true as const })); } catch { extra = []; }
    await this.publish(meetingId, stream, envelopes, extra).catch(() => undefined);
    return { status: 'appended', seq: Number(reply[1]), envelopes, replicated };
  }

  /** The append script, followed by WAIT on the same connection with REDIS_MIN_REPLICAS_ACK. */
  private async runAppend(args: unknown[]): Promise<{ reply: string[]; replicated: boolean }> {
    if (this.minReplicas === 0) return { reply: (await (this.appender as unknown as Scripted).rostrumAppend(...args)) as string[], replicated: true };
    for (let attempt = 0; ; attempt++) {
      const p = this.appender.pipeline() as unknown as Scripted & { wait(n: number, ms: number): unknown; exec(): Promise<Array<[Error | null, unknown]>> };
      p.rostrumAppend(...args);
      p.wait(this.minReplicas, this.replicaTimeoutMs);
      const res = await p.exec();
      const error = res[0]![0];
      // ioredis follows a cluster redirection for a lone command, not for a pipeline whose WAIT
      // (no key) succeeded on the wrong node: refresh the slot map and send it again (a failover
      // takes a few seconds). The script did not run on a node that redirected it.
      if (error && REDIRECTED.test(error.message) && attempt < 60) {
        (this.appender as { refreshSlotsCache?: () => void }).refreshSlotsCache?.();
        await new Promise((r) => setTimeout(r, 150));
        continue;
      }
      if (error) throw error;
      return { reply: res[0]![1] as string[], replicated: !res[1]![0] && Number(res[1]![1]) >= this.minReplicas };
    }
  }

  /**
   * Copies envelopes to the meeting's fan-out shard (marking the meeting active), then marks them
   * copied. The mark is not waited for: a mark lost with its process only makes the sweeper copy
   * again what gateways then drop, so the ack costs one round trip less.
   */
  private async publish(meetingId: string, stream: StreamName, envelopes: EventEnvelope[], transients: TransientMessage[] = []): Promise<void> {
    if (envelopes.length === 0) return;
    const shard = this.keys.shardOf(meetingId);
    await (this.redis as unknown as Scripted).rostrumPublish(this.keys.fanoutShard(shard), this.keys.activeShard(shard), FANOUT_MAXLEN, meetingId,
      ...envelopes.map((e) => JSON.stringify(e)), ...transients.map((t) => JSON.stringify(t)));
    void (this.redis as unknown as Scripted).rostrumMark(this.keys.fannedOut(meetingId), stream, envelopes[envelopes.length - 1]!.seq).catch(() => undefined);
  }

  /**
   * How far each stream of a meeting is copied to the fan-out: `{ stream: { head, fanned } }`.
   * `fanned < head` means a process died between append and copy (or a copy is under way).
   */
  async fanoutLag(meetingId: string): Promise<Record<StreamName, { head: number; fanned: number }>> {
    const marks = await this.redis.hgetall(this.keys.fannedOut(meetingId));
    const heads = await Promise.all(STREAM_NAMES.map((s) => this.head(meetingId, s)));
    return Object.fromEntries(STREAM_NAMES.map((s, i) => [s, { head: heads[i]!, fanned: Math.min(heads[i]!, Number(marks[s] ?? heads[i])) }])) as
      Record<StreamName, { head: number; fanned: number }>;
  }

  /**
   * Copies to the fan-out what is in the log but not marked copied (at most 1,000 events a call).
   * Gateways drop what they already delivered, so copying twice is harmless. Returns how many.
   */
  async repairFanout(meetingId: string, stream: StreamName): Promise<number> {
    const { head, fanned } = (await this.fanoutLag(meetingId))[stream];
    if (fanned >= head) return 0;
    const missing = await this.since(meetingId, stream, fanned, 1000);
    await this.publish(meetingId, stream, missing);
    return missing.length;
  }

  /**
   * Remembers a rejection so that a retry of the same command gets the same answer, and returns
   * the first result stored for the command: when a second copy of a command (pub/sub delivers
   * one to every instance) is rejected because the first copy was applied, both answer alike.
   */
  async rememberRejection(meetingId: string, stream: StreamName, commandId: string, result: unknown): Promise<unknown> {
    const previous = await this.redis.set(this.keys.command(meetingId, stream, commandId), JSON.stringify(result), 'EX', 600, 'NX', 'GET');
    return previous === null ? result : JSON.parse(previous);
  }

  /** Events with seq > `afterSeq`, in order (at most `limit`). */
  async since(meetingId: string, stream: StreamName, afterSeq: number, limit = 10_000): Promise<EventEnvelope[]> {
    const from = Math.max(0, afterSeq);
    const raw = await this.redis.lrange(this.keys.stream(meetingId, stream), from, from + limit - 1);
    return raw.map((r) => JSON.parse(r) as EventEnvelope);
  }

  async head(meetingId: string, stream: StreamName): Promise<number> {
    return this.redis.llen(this.keys.stream(meetingId, stream));
  }

  /**
   * Puts back events Redis lost (it keeps up to a second of writes in memory only, with AOF
   * everysec) from the system of record, only if the stream is still exactly `head` long.
   * Returns whether it restored them.
   */
  async restoreTail(meetingId: string, stream: StreamName, head: number, envelopes: EventEnvelope[]): Promise<boolean> {
    if (envelopes.length === 0 || envelopes[0]!.seq !== head + 1) return false;
    const script = `if redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return 0 end
      for i = 2, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
      return 1`;
    const done = await this.redis.eval(script, 1, this.keys.stream(meetingId, stream), head, ...envelopes.map((e) => JSON.stringify(e)));
    return done === 1;
  }

  /**
   * Takes a meeting off its shard's active set when nothing was appended beyond the given heads
   * and the fan-out has all of it. Two slots, so two steps: remove, then check the meeting's
   * heads; if anything moved, put it back. An append racing with it either shows in the check or
   * re-adds the meeting when it publishes (after its append), so an active meeting is never lost.
   * The next append adds it back. Keeps the sweeper's work proportional to meetings with
   * something to persist.
   */
  async retireIfCaughtUp(meetingId: string, heads: Partial<Record<StreamName, number>>): Promise<boolean> {
    const entries = Object.entries(heads) as Array<[StreamName, number]>;
    const active = this.keys.activeOf(meetingId);
    const removed = await this.redis.srem(active, meetingId);
    const caughtUp = await this.redis.eval(CAUGHT_UP_LUA, entries.length + 1, this.keys.fannedOut(meetingId),
      ...entries.map(([s]) => this.keys.stream(meetingId, s)), ...entries.map(([s]) => s), ...entries.map(([, h]) => h));
    if (caughtUp === 1) return removed === 1;
    if (removed === 1) await this.redis.sadd(active, meetingId);
    return false;
  }

  /** Meetings with something appended since the recorder last caught up (every shard's set). */
  async activeMeetings(): Promise<string[]> {
    const sets = await Promise.all(Array.from({ length: this.keys.fanoutShards }, (_, k) => this.redis.smembers(this.keys.activeShard(k))));
    return [...new Set(sets.flat())];
  }

  /** Broadcasts a message that carries no seq (clients treat it as latest-wins state), on the meeting's fan-out shard. */
  async publishTransient(meetingId: string, type: string, payload: unknown, visibility: Visibility): Promise<void> {
    const message: TransientMessage = { meetingId, type, payload, visibility, transient: true };
    await this.redis.xadd(this.keys.fanoutOf(meetingId), 'MAXLEN', '~', FANOUT_MAXLEN, '*', 'e', JSON.stringify(message));
  }

  /** Closes the append connection of REDIS_MIN_REPLICAS_ACK (the shared one is the caller's). */
  async close(): Promise<void> {
    if (this.appender !== this.redis) await this.appender.quit().catch(() => undefined);
  }
}

function defineScripts(client: RedisClient): void {
  if ('rostrumAppend' in client) return;
  client.defineCommand('rostrumAppend', { numberOfKeys: 3, lua: APPEND_LUA });
  client.defineCommand('rostrumPublish', { numberOfKeys: 2, lua: PUBLISH_LUA });
  client.defineCommand('rostrumMark', { numberOfKeys: 1, lua: MARK_LUA });
}
