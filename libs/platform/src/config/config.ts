import { availableParallelism } from 'node:os';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';

/**
 * The one place that reads process.env. Every setting is validated once into a typed object;
 * a missing or malformed setting stops start-up with a message naming it.
 */
const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try { return protocols.includes(new URL(v).protocol); } catch { return false; }
  }, { message: `must be a URL (${protocols.join(' or ')})` });

const port = z.coerce.number().int().min(0).max(65535);

/** `host:port,host:port,…` → [{ host, port }] (at least one). */
const hostPorts = z.string().transform((v, ctx) => {
  const nodes = v.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const m = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9_.-]+):(\d{1,5})$/.exec(s);
    return m && Number(m[2]) > 0 && Number(m[2]) < 65536 ? { host: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) } : null;
  });
  if (nodes.length === 0 || nodes.some((n) => n === null)) {
    ctx.addIssue({ code: 'custom', message: 'must be host:port pairs, comma-separated' });
    return z.NEVER;
  }
  return nodes as RedisNode[];
});

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  /** Postgres schema the app works in; tests use one schema per run for isolation. */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier').default('public'),
  /**
   * A single Redis (the default), or — with REDIS_CLUSTER_NODES or REDIS_SENTINELS — only the
   * credentials and TLS (`rediss:`) used on every node; it may then be left out.
   */
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  /** Redis Cluster seed nodes, `host:port,host:port,…` (ioredis Cluster); the cluster is then used instead of REDIS_URL's host. */
  REDIS_CLUSTER_NODES: hostPorts.optional(),
  /** Redis Sentinels, `host:port,…`; the primary named REDIS_SENTINEL_NAME is used, and followed on failover. */
  REDIS_SENTINELS: hostPorts.optional(),
  REDIS_SENTINEL_NAME: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits and _.- only').default('mymaster'),
  /**
   * An append is acknowledged only once this many replicas have it (Redis WAIT); 0 = on the
   * primary's word (the default). With 1 an acknowledged command survives a primary's loss.
   */
  REDIS_MIN_REPLICAS_ACK: z.coerce.number().int().min(0).max(16).default(0),
  /** How long an append waits for REDIS_MIN_REPLICAS_ACK replicas before it is answered REPLICATION_TIMEOUT (ms). */
  REDIS_REPLICA_ACK_TIMEOUT_MS: z.coerce.number().int().min(10).max(60000).default(1000),
  /**
   * How many fan-out streams the gateways read (`{<prefix>:fanout:<k>}`, a meeting's events go to
   * one chosen by its id). Every process of a deployment must use the same number.
   */
  REDIS_FANOUT_SHARDS: z.coerce.number().int().min(1).max(1024).default(8),
  /** Prefix of every Redis key, stream, queue and transport channel; tests use one per run. */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_:.-]{1,40}$/, 'letters, digits and _:.- only').default('rostrum'),
  GATEWAY_HOST: z.string().default('127.0.0.1'),
  GATEWAY_PORT: port.default(3000),
  /** HMAC secret that signs access tokens. */
  TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters'),
  TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(60 * 60 * 24 * 30).default(60 * 60 * 12),
  /** Key that protects the setup REST API (header x-operator-key). */
  OPERATOR_KEY: z.string().min(16, 'must be at least 16 characters'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Time a service waits for a reply from another over the transport. */
  COMMAND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
  /** Recorder: how often the sweeper compares the event log with Postgres. */
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(600000).default(5000),
  /** Port for a service's /metrics and /health (floor, qna, recorder); 0 = none. */
  METRICS_PORT: port.default(0),
  /** Address the services' /metrics and /health listen on: 0.0.0.0 in a container, so probes and Prometheus reach them. */
  METRICS_HOST: z.string().default('127.0.0.1'),
  /**
   * Origins (comma-separated, e.g. `https://rostrum.example.org`) whose pages may open sockets and
   * call the REST API from a browser. Empty: the gateway's own origin only (plus localhost in development).
   */
  ALLOWED_ORIGINS: z.string().default('').transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'origins are scheme://host[:port], comma-separated'))),
  /**
   * Proxies in front of the gateway whose `X-Forwarded-For` names the client (proxy-addr syntax,
   * as Express's `trust proxy`: addresses, CIDRs, `loopback`, `linklocal`, `uniquelocal`,
   * comma-separated). Empty: no proxy is trusted and the peer is the client. Behind a load
   * balancer it must be set, or every client counts as the balancer's one address.
   */
  TRUST_PROXY: z.string().default('').transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .refine((list) => { try { proxyaddr.compile(list); return true; } catch { return false; } }, 'must be addresses, CIDRs or loopback/linklocal/uniquelocal, comma-separated'),
  /** Anonymous viewer tokens one client address may mint per minute (429 beyond). */
  VIEWER_MINT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(20),
  /** Anonymous viewer tokens minted per second by everyone together, across gateways. */
  VIEWER_MINT_PER_SECOND: z.coerce.number().int().min(1).max(1_000_000).default(100),
  /** Sockets open at once on one token (one gateway process). */
  SOCKETS_PER_TOKEN: z.coerce.number().int().min(1).max(1_000_000).default(10),
  /** Sockets open at once from one client address (one gateway process); a chamber behind one NAT needs room. */
  SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(2000),
  /** New socket connections per client address per 10 s, across gateways. */
  CONNECTIONS_PER_ADDRESS_PER_10S: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /**
   * Gateway worker processes on one port (node:cluster with sticky sessions); 0 = one per core.
   * 1 runs the gateway as a single process, as before.
   */
  GATEWAY_WORKERS: z.coerce.number().int().min(0).max(256).default(0),
  /**
   * Fan-out budget of one meeting's followers (delegates, moderators, viewers) on one gateway
   * process: socket writes per second. Changes go out at once within it; a storm beyond it is
   * coalesced into batches at this pace (docs/architecture.md, "Fan-out budget").
   */
  FANOUT_WRITES_PER_SECOND: z.coerce.number().int().min(1).max(10_000_000).default(20_000),
  /** The burst of that budget: socket writes a meeting may spend at once after a quiet spell. */
  FANOUT_BURST_WRITES: z.coerce.number().int().min(1).max(10_000_000).default(40_000),
  /**
   * Socket writes a follower flush makes before it yields the gateway's event loop (a flush to
   * 2,000 viewers is about 80 ms of writes; commands, acks and the officers' rounds go in between
   * the slices). Below this many sockets a flush is one synchronous step, as before.
   */
  FANOUT_SLICE_SOCKETS: z.coerce.number().int().min(1).max(1_000_000).default(100),
});

export type EnvConfig = z.infer<typeof ConfigSchema>;

/** One Redis node or Sentinel. */
export interface RedisNode { host: string; port: number }

/**
 * Where Redis is: a single server (the default), a Redis Cluster (seed nodes) or a primary
 * found through Sentinels. `auth` (from REDIS_URL) applies to every node.
 */
export type RedisTopology =
  | { mode: 'single'; url: string }
  | { mode: 'cluster'; nodes: RedisNode[]; auth: RedisAuth }
  | { mode: 'sentinel'; sentinels: RedisNode[]; name: string; auth: RedisAuth; db: number };

/** Credentials and TLS shared by every node (cluster) or by the primary and Sentinels. */
export interface RedisAuth { username?: string; password?: string; tls?: Record<string, never> }

/** Everything about Redis a process needs. */
export interface RedisConfig {
  /** REDIS_URL, or `redis://<first node>` with a cluster or Sentinels (for logs only). */
  url: string;
  prefix: string;
  topology: RedisTopology;
  /** Replicas that must have an append before its ack (WAIT); 0 = none. */
  minReplicasAck: number;
  /** Longest WAIT for them (ms); beyond it the command is answered REPLICATION_TIMEOUT. */
  replicaAckTimeoutMs: number;
  /** Number of fan-out streams (see Keys.fanoutShard). */
  fanoutShards: number;
}

export interface AppConfig {
  env: EnvConfig['NODE_ENV'];
  database: { url: string; schema: string };
  redis: RedisConfig;
  /** `workers`: gateway processes (node:cluster) on the one port, at least 1. */
  gateway: { host: string; port: number; workers: number };
  /** The followers' fan-out budget per meeting and gateway process (socket writes). */
  fanout: { writesPerSecond: number; burstWrites: number; sliceSockets: number };
  auth: { tokenSecret: string; tokenTtlSeconds: number; operatorKey: string };
  logLevel: EnvConfig['LOG_LEVEL'];
  commandTimeoutMs: number;
  sweepIntervalMs: number;
  metricsPort: number;
  metricsHost: string;
  /** Browser origins allowed besides the gateway's own (socket.io and CORS). */
  allowedOrigins: string[];
  /** Trusted proxies (TRUST_PROXY); empty: none. */
  trustProxy: string[];
  /** Edge limits (rate-limiter-flexible on Redis for rates; per process for open sockets). */
  limits: { mintPerAddressPerMinute: number; mintPerSecond: number; socketsPerToken: number; socketsPerAddress: number; connectionsPerAddressPer10s: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example and the README (Configuration).`);
  }
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => {
      const name = String(i.path[0]);
      return env[name] === undefined && i.code === 'invalid_type' ? `${name} is missing` : `${name} ${i.message}`;
    }));
  }
  const c = parsed.data;
  const redis = redisConfig(c);
  if (typeof redis === 'string') throw new ConfigError([redis]);
  return {
    env: c.NODE_ENV,
    database: { url: c.DATABASE_URL, schema: c.DATABASE_SCHEMA },
    redis,
    gateway: { host: c.GATEWAY_HOST, port: c.GATEWAY_PORT, workers: c.GATEWAY_WORKERS || availableParallelism() },
    fanout: { writesPerSecond: c.FANOUT_WRITES_PER_SECOND, burstWrites: c.FANOUT_BURST_WRITES, sliceSockets: c.FANOUT_SLICE_SOCKETS },
    auth: { tokenSecret: c.TOKEN_SECRET, tokenTtlSeconds: c.TOKEN_TTL_SECONDS, operatorKey: c.OPERATOR_KEY },
    logLevel: c.LOG_LEVEL,
    commandTimeoutMs: c.COMMAND_TIMEOUT_MS,
    sweepIntervalMs: c.SWEEP_INTERVAL_MS,
    metricsPort: c.METRICS_PORT,
    metricsHost: c.METRICS_HOST,
    allowedOrigins: c.ALLOWED_ORIGINS,
    trustProxy: c.TRUST_PROXY,
    limits: {
      mintPerAddressPerMinute: c.VIEWER_MINT_PER_ADDRESS_PER_MINUTE, mintPerSecond: c.VIEWER_MINT_PER_SECOND,
      socketsPerToken: c.SOCKETS_PER_TOKEN, socketsPerAddress: c.SOCKETS_PER_ADDRESS, connectionsPerAddressPer10s: c.CONNECTIONS_PER_ADDRESS_PER_10S,
    },
  };
}

/** The Redis part of the configuration, or the problem with it. */
function redisConfig(c: EnvConfig): RedisConfig | string {
  if (c.REDIS_CLUSTER_NODES && c.REDIS_SENTINELS) return 'REDIS_CLUSTER_NODES and REDIS_SENTINELS are exclusive: set one';
  const first = c.REDIS_CLUSTER_NODES?.[0] ?? c.REDIS_SENTINELS?.[0];
  if (!c.REDIS_URL && !first) return 'REDIS_URL is missing (or set REDIS_CLUSTER_NODES or REDIS_SENTINELS)';
  const url = c.REDIS_URL ?? `redis://${first!.host}:${first!.port}`;
  const { host: _h, port: _p, db, ...auth } = redisOptions(c.REDIS_URL ?? 'redis://localhost');
  const topology: RedisTopology = c.REDIS_CLUSTER_NODES ? { mode: 'cluster', nodes: c.REDIS_CLUSTER_NODES, auth }
    : c.REDIS_SENTINELS ? { mode: 'sentinel', sentinels: c.REDIS_SENTINELS, name: c.REDIS_SENTINEL_NAME, auth, db }
      : { mode: 'single', url };
  return {
    url, prefix: c.REDIS_PREFIX, topology,
    minReplicasAck: c.REDIS_MIN_REPLICAS_ACK, replicaAckTimeoutMs: c.REDIS_REPLICA_ACK_TIMEOUT_MS, fanoutShards: c.REDIS_FANOUT_SHARDS,
  };
}

let cached: AppConfig | undefined;
/** The process configuration, read from the environment once. */
export function loadConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}

/**
 * ioredis options from a Redis URL, credentials and TLS (`rediss:`) included, for the clients
 * that take options rather than a URL (the NestJS Redis transport, BullMQ).
 */
export function redisOptions(url: string): { host: string; port: number; db: number; username?: string; password?: string; tls?: Record<string, never> } {
  const u = new URL(url);
  return {
    host: u.hostname, port: Number(u.port || 6379), db: Number(u.pathname.slice(1) || 0),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}
