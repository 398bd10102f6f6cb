import { connectRedis, nodeOptions, reconnectDelay, type RedisClient, type RedisConfig } from '@rostrum/platform';
import type { ConnectionOptions, DefaultJobOptions } from 'bullmq';

/**
 * Defaults for every queue: retries with exponential backoff so a passing Postgres or Redis
 * outage heals itself; completed jobs trimmed, failed jobs kept long enough to inspect.
 */
export const defaultJobOptions: DefaultJobOptions = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * BullMQ's key prefix for one queue of a deployment, a Redis Cluster hash tag
 * (`{<prefix>:bull:<queue>}`): BullMQ's scripts touch several keys of a queue at once, so they
 * must share a slot, and a tag per queue spreads the queues over the nodes (BullMQ's "Redis
 * Cluster" guide). The same on a single Redis, so one deployment's keys never depend on its topology.
 */
export const bullPrefix = (prefix: string, queue: string): string => `{${prefix}:bull:${queue}}`;

/** The process's one cluster client for BullMQ (queues share it; BullMQ duplicates it for blocking reads). */
let clusterForBull: RedisClient | undefined;

/**
 * The connection BullMQ needs for the deployment's Redis: options on a single Redis or
 * Sentinels (BullMQ creates its own connections), one shared `Cluster` instance per process on
 * a cluster (BullMQ leaves a caller's instance open and duplicates it for its blocking
 * connections; `closeBullConnection` closes it). Queues and workers reconnect forever with
 * backoff and jitter (issue 9). Accepts a Redis URL too (tests).
 */
export function bullConnection(redis: string | Pick<RedisConfig, 'topology'>): ConnectionOptions {
  const target: Pick<RedisConfig, 'topology'> = typeof redis === 'string' ? { topology: { mode: 'single', url: redis } } : redis;
  if (target.topology.mode === 'cluster') return (clusterForBull ??= connectRedis(target)) as ConnectionOptions;
  return { ...nodeOptions(target.topology), maxRetriesPerRequest: null, retryStrategy: reconnectDelay };
}

/** Closes the cluster client `bullConnection` made, if any (after every queue and worker closed). */
export async function closeBullConnection(): Promise<void> {
  const client = clusterForBull;
  clusterForBull = undefined;
  await client?.quit().catch(() => undefined);
}
