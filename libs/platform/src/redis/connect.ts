import Redis, { Cluster, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisConfig, RedisTopology } from '../config/config';
import { reconnectDelay } from '../health/backoff';

/** A connection to the deployment's Redis: one server or Sentinel-managed primary (`Redis`), or a Redis Cluster (`Cluster`). */
export type RedisClient = Redis | Cluster;

/**
 * Options for `new Redis(options)` when Redis is a single server or a Sentinel-managed primary
 * (the clients that take options, not a URL: the NestJS transport, BullMQ). Throws for a
 * cluster (those clients need a `Cluster` instance: see `connectRedis`).
 * With Sentinels ioredis asks them for the primary named REDIS_SENTINEL_NAME on every
 * (re)connection, and reconnects when the server it is on turns read-only (a demoted primary),
 * so a failover costs a reconnection, not an error. Not ioredis's `failoverDetector`: its
 * disconnect on `+switch-master` races a reconnection already resolving the primary, and the
 * loser ends the client for good ("Connection is closed", seen in test/cluster/sentinel.cluster-spec.ts).
 */
export function nodeOptions(topology: RedisTopology): RedisOptions {
  if (topology.mode === 'single') {
    const u = new URL(topology.url);
    return {
      host: u.hostname, port: Number(u.port || 6379), db: Number(u.pathname.slice(1) || 0),
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
      ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    };
  }
  if (topology.mode === 'sentinel') {
    return {
      sentinels: topology.sentinels, name: topology.name, db: topology.db, ...topology.auth,
      sentinelRetryStrategy: (times: number) => reconnectDelay(times),
      reconnectOnError: (err: Error) => (err.message.startsWith('READONLY') ? 2 : false),
    };
  }
  throw new Error('a Redis Cluster has no single-node options; use connectRedis');
}

/**
 * How a cluster client behaves around a failover: a command to a slot whose primary is gone is
 * retried (slots refreshed every `retryDelayOnFailover` ms, up to `maxRedirections` times: about
 * 10 s, longer than a replica takes to be promoted with the default node timeout of the tests).
 */
const CLUSTER_DEFAULTS: ClusterOptions = {
  clusterRetryStrategy: (times: number) => reconnectDelay(times),
  retryDelayOnFailover: 150,
  retryDelayOnClusterDown: 300,
  retryDelayOnTryAgain: 100,
  maxRedirections: 64,
  slotsRefreshTimeout: 2000,
  enableReadyCheck: true,
};

/**
 * A new connection to the deployment's Redis, whatever its topology (REDIS_URL, REDIS_SENTINELS
 * or REDIS_CLUSTER_NODES). `options` are ioredis options for the connection(s) to each node.
 * Defaults: `maxRetriesPerRequest: null` (BullMQ needs it; a command waits for Redis to come back
 * rather than failing) and reconnection forever with backoff and jitter (issue 9). Key prefixes
 * are applied by hand (`Keys`), never with ioredis `keyPrefix` (BullMQ rejects it).
 */
export function connectRedis(redis: Pick<RedisConfig, 'topology'>, options: RedisOptions = {}): RedisClient {
  const defaults: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true, retryStrategy: reconnectDelay };
  const t = redis.topology;
  if (t.mode === 'cluster') {
    const { retryStrategy: _r, lazyConnect, ...rest } = { ...defaults, ...options };
    return new Cluster(t.nodes, { ...CLUSTER_DEFAULTS, lazyConnect, redisOptions: { ...t.auth, ...rest } });
  }
  if (t.mode === 'single') return new Redis(t.url, { ...defaults, ...options });
  return new Redis({ ...nodeOptions(t), ...defaults, ...options });
}

/** Whether a client is a Redis Cluster client (one command must then touch one slot). */
export const isCluster = (client: RedisClient): client is Cluster => (client as Cluster).isCluster === true;
