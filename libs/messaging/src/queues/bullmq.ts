import { reconnectDelay, redisOptions } from '@rostrum/platform';
import type { DefaultJobOptions } from 'bullmq';

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

/** BullMQ's own key prefix for a deployment (kept apart from the event log keys). */
export const bullPrefix = (prefix: string): string => `${prefix}:bull`;

/**
 * Connection options BullMQ needs, from a Redis URL (BullMQ creates its own connections);
 * queues and workers reconnect forever with backoff and jitter (issue 9).
 */
export function bullConnection(url: string): ReturnType<typeof redisOptions> & { maxRetriesPerRequest: null; retryStrategy: (times: number) => number } {
  return { ...redisOptions(url), maxRetriesPerRequest: null, retryStrategy: reconnectDelay };
}
