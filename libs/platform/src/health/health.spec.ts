import { HealthRegistry } from './health';
import { reconnectDelay } from './backoff';

describe('HealthRegistry', () => {
  it('is ready only when every dependency answered, and keeps the time of the last good round trip', async () => {
    const h = new HealthRegistry();
    let redisUp = true;
    h.register('redis', async () => { if (!redisUp) throw new Error('connection refused'); });
    h.register('postgres', async () => undefined);
    const first = await h.probe();
    expect(first.ready).toBe(true);
    const okAt = first.dependencies.redis.lastOkAt;
    expect(okAt).toEqual(expect.any(Number));
    redisUp = false;
    const second = await h.probe();
    expect(second.ready).toBe(false);
    expect(second.dependencies.redis).toMatchObject({ status: 'down', lastOkAt: okAt, error: 'connection refused' });
    expect(second.dependencies.postgres.status).toBe('up');
    expect(h.isDown('redis')).toBe(true);
    expect(h.isDown('redis', 2)).toBe(false);
    h.markUp('redis', 3);
    expect(h.report().ready).toBe(true);
  });

  it('a check that never answers is down after the timeout', async () => {
    const h = new HealthRegistry();
    h.register('transport', () => new Promise(() => undefined));
    const r = await h.probe(50);
    expect(r.dependencies.transport).toMatchObject({ status: 'down', error: 'no answer in 50 ms' });
  });
});

describe('reconnectDelay', () => {
  it('grows, is capped at 1 s, never gives up, and is jittered', () => {
    const samples = Array.from({ length: 200 }, () => reconnectDelay(100));
    expect(Math.max(...samples)).toBeLessThanOrEqual(1000);
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(500);
    expect(new Set(samples).size).toBeGreaterThan(10);
    expect(reconnectDelay(1)).toBeLessThanOrEqual(100);
  });
});
