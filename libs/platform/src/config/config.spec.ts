import { availableParallelism } from 'node:os';
import { ConfigError, parseConfig, redisOptions } from './config';

const good = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/rostrum',
  REDIS_URL: 'redis://127.0.0.1:6379',
  TOKEN_SECRET: 'x'.repeat(32),
  OPERATOR_KEY: 'k'.repeat(16),
};

describe('config', () => {
  it('parses a valid environment into a typed object with defaults', () => {
    const c = parseConfig(good);
    expect(c.gateway.port).toBe(3000);
    expect(c.redis.prefix).toBe('rostrum');
    expect(c.database.schema).toBe('public');
  });

  it('runs the gateway as one worker per core unless GATEWAY_WORKERS says otherwise; the fan-out budget defaults to 20,000 writes/s, burst 40,000', () => {
    expect(parseConfig(good).gateway.workers).toBe(availableParallelism());
    expect(parseConfig({ ...good, GATEWAY_WORKERS: '1' }).gateway.workers).toBe(1);
    expect(parseConfig({ ...good, GATEWAY_WORKERS: '3' }).gateway.workers).toBe(3);
    expect(parseConfig(good).fanout).toEqual({ writesPerSecond: 20_000, burstWrites: 40_000, sliceSockets: 100 });
    expect(parseConfig({ ...good, FANOUT_WRITES_PER_SECOND: '2', FANOUT_BURST_WRITES: '1', FANOUT_SLICE_SOCKETS: '3' }).fanout).toEqual({ writesPerSecond: 2, burstWrites: 1, sliceSockets: 3 });
    expect(() => parseConfig({ ...good, FANOUT_SLICE_SOCKETS: '0' })).toThrow(/FANOUT_SLICE_SOCKETS/);
    expect(() => parseConfig({ ...good, FANOUT_WRITES_PER_SECOND: '0' })).toThrow(/FANOUT_WRITES_PER_SECOND/);
    expect(() => parseConfig({ ...good, GATEWAY_WORKERS: '-1' })).toThrow(/GATEWAY_WORKERS/);
  });

  it('names a missing setting', () => {
    const { TOKEN_SECRET: _omit, ...env } = good;
    expect(() => parseConfig(env)).toThrow(/TOKEN_SECRET is missing/);
  });

  it('names a malformed setting and lists every problem', () => {
    try {
      parseConfig({ ...good, REDIS_URL: 'nope', GATEWAY_PORT: '70000' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/REDIS_URL must be a URL/);
      expect(problems).toMatch(/GATEWAY_PORT/);
    }
  });
});

describe('TRUST_PROXY', () => {
  it('is empty by default and a list of proxy-addr entries when set', () => {
    expect(parseConfig(good).trustProxy).toEqual([]);
    expect(parseConfig({ ...good, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
  });

  it('refuses an entry that is not an address, a CIDR or a proxy-addr name', () => {
    expect(() => parseConfig({ ...good, TRUST_PROXY: 'loopback,the-balancer' })).toThrow(/TRUST_PROXY must be addresses/);
  });
});

describe('redisOptions', () => {
  it('keeps credentials, database and TLS from the URL', () => {
    expect(redisOptions('rediss://app:s%3Acret@redis.example:6380/2')).toEqual({ host: 'redis.example', port: 6380, db: 2, username: 'app', password: 's:cret', tls: {} });
    expect(redisOptions('redis://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 6379, db: 0 });
  });
});

describe('Redis topology (issue 15)', () => {
  const { REDIS_URL: _u, ...noUrl } = good;

  it('a single Redis by default, with no replica wait and 8 fan-out shards', () => {
    const { redis } = parseConfig(good);
    expect(redis.topology).toEqual({ mode: 'single', url: 'redis://127.0.0.1:6379' });
    expect(redis).toMatchObject({ minReplicasAck: 0, replicaAckTimeoutMs: 1000, fanoutShards: 8 });
  });

  it('a cluster from REDIS_CLUSTER_NODES, with credentials and TLS from REDIS_URL when given', () => {
    expect(parseConfig({ ...noUrl, REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b:7001,[::1]:7002' }).redis.topology).toEqual({
      mode: 'cluster', nodes: [{ host: '10.0.0.1', port: 7000 }, { host: 'redis-b', port: 7001 }, { host: '::1', port: 7002 }], auth: {},
    });
    const c = parseConfig({ ...good, REDIS_URL: 'rediss://app:pw@ignored:1', REDIS_CLUSTER_NODES: 'a:7000' }).redis;
    expect(c.topology).toEqual({ mode: 'cluster', nodes: [{ host: 'a', port: 7000 }], auth: { username: 'app', password: 'pw', tls: {} } });
  });

  it('Sentinels from REDIS_SENTINELS and the primary\'s name', () => {
    const c = parseConfig({ ...noUrl, REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_NAME: 'rostrum-primary', REDIS_MIN_REPLICAS_ACK: '1' }).redis;
    expect(c.topology).toEqual({ mode: 'sentinel', sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26379 }], name: 'rostrum-primary', auth: {}, db: 0 });
    expect(c.minReplicasAck).toBe(1);
    expect((parseConfig({ ...noUrl, REDIS_SENTINELS: 's1:26379' }).redis.topology as { name: string }).name).toBe('mymaster');
  });

  it('refuses a malformed node list, both topologies at once, or no Redis at all', () => {
    expect(() => parseConfig({ ...good, REDIS_CLUSTER_NODES: 'a:7000,b' })).toThrow(/REDIS_CLUSTER_NODES must be host:port pairs/);
    expect(() => parseConfig({ ...good, REDIS_SENTINELS: 'a:99999' })).toThrow(/REDIS_SENTINELS must be host:port pairs/);
    expect(() => parseConfig({ ...good, REDIS_CLUSTER_NODES: 'a:7000', REDIS_SENTINELS: 's:26379' })).toThrow(/exclusive/);
    expect(() => parseConfig(noUrl)).toThrow(/REDIS_URL is missing/);
    expect(() => parseConfig({ ...good, REDIS_FANOUT_SHARDS: '0' })).toThrow(/REDIS_FANOUT_SHARDS/);
  });
});
