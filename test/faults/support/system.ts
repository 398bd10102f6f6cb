import { TestSystem, type AppName } from '@rostrum/testing';
import { OwnPostgres, OwnRedis } from './servers';

/**
 * A whole Rostrum system on a Redis and a Postgres of its own, so a fault test can stop, kill
 * and restart them (and the apps) without touching the machine's shared servers.
 */
export class FaultSystem {
  private constructor(readonly sys: TestSystem, readonly redis: OwnRedis, readonly pg: OwnPostgres) {}

  static async start(apps: AppName[] = ['floor', 'qna', 'recorder', 'gateway'], env: Record<string, string> = {}): Promise<FaultSystem> {
    const [redis, pg] = await Promise.all([OwnRedis.start(), OwnPostgres.start()]);
    try {
      const sys = await TestSystem.start(apps, env, { redisUrl: redis.url, databaseUrl: pg.url });
      return new FaultSystem(sys, redis, pg);
    } catch (err) {
      await redis.destroy();
      pg.destroy();
      throw err;
    }
  }

  async stop(): Promise<void> {
    await this.sys.stop().catch(() => undefined);
    await this.redis.destroy();
    this.pg.destroy();
  }
}
