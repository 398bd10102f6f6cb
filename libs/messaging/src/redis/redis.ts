import type Redis from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { connectRedis, type RedisClient, type RedisConfig } from '@rostrum/platform';

export type { RedisClient } from '@rostrum/platform';

/**
 * A Redis connection: to one server by URL, or to the deployment's Redis whatever its topology
 * (single, Sentinels, cluster: `connectRedis`). Key prefixes are applied by hand in key names
 * (not ioredis keyPrefix), because BullMQ and the socket.io adapter manage their own keys and
 * reject keyPrefix. `maxRetriesPerRequest: null` is what BullMQ requires for blocking
 * connections. Reconnects forever with backoff and jitter (issue 9): a Redis restart is a pause.
 */
export function createRedis(url: string, options?: RedisOptions): Redis;
export function createRedis(redis: Pick<RedisConfig, 'topology'>, options?: RedisOptions): RedisClient;
export function createRedis(target: string | Pick<RedisConfig, 'topology'>, options: RedisOptions = {}): RedisClient {
  return connectRedis(typeof target === 'string' ? { topology: { mode: 'single', url: target } } : target, options);
}

/** Number of fan-out streams when none is configured (REDIS_FANOUT_SHARDS). */
export const DEFAULT_FANOUT_SHARDS = 8;

/**
 * Key names under one prefix, so that tests and deployments sharing a Redis never collide.
 *
 * Every Lua script and MULTI touches one cluster slot: a meeting's keys share the hash tag
 * `{<meeting>}`; each fan-out shard's keys share `{<prefix>:fanout:<k>}`. Nothing else is
 * written together atomically.
 */
export class Keys {
  constructor(readonly prefix: string, readonly fanoutShards: number = DEFAULT_FANOUT_SHARDS) {}
  /** Hash tag on the meeting id keeps a meeting's keys in one cluster slot (Lua needs that). */
  stream(meetingId: string, stream: string): string { return `${this.prefix}:m:{${meetingId}}:${stream}:log`; }
  command(meetingId: string, stream: string, commandId: string): string { return `${this.prefix}:m:{${meetingId}}:${stream}:cmd:${commandId}`; }
  meetingKey(meetingId: string, name: string): string { return `${this.prefix}:m:{${meetingId}}:${name}`; }
  /** Hash of stream → last seq copied to the meeting's fan-out shard (in the meeting's slot). */
  fannedOut(meetingId: string): string { return this.meetingKey(meetingId, 'fanned'); }
  /** Which fan-out shard carries a meeting (FNV-1a of its id, mod the number of shards). */
  shardOf(meetingId: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < meetingId.length; i++) h = Math.imul(h ^ meetingId.charCodeAt(i), 0x01000193);
    return (h >>> 0) % this.fanoutShards;
  }
  /** Fan-out stream `k`: what the gateways read (each its own cluster slot). */
  fanoutShard(k: number): string { return `{${this.prefix}:fanout:${k}}`; }
  /** Every fan-out stream, shard 0 first. */
  get fanoutShardKeys(): string[] { return Array.from({ length: this.fanoutShards }, (_, k) => this.fanoutShard(k)); }
  /** The fan-out stream of a meeting. */
  fanoutOf(meetingId: string): string { return this.fanoutShard(this.shardOf(meetingId)); }
  /** Meetings of shard `k` with something appended since the recorder last caught up (same slot as the shard's stream). */
  activeShard(k: number): string { return `{${this.prefix}:fanout:${k}}:active`; }
  activeOf(meetingId: string): string { return this.activeShard(this.shardOf(meetingId)); }
}
