import { Controller, Get, Header, Inject, type OnApplicationShutdown, Res } from "@nestjs/common";
import { ApiTags } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import type { Response } from 'express';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { QueueName } from '@rostrum/contracts';
import { bullConnection, bullPrefix } from '@rostrum/messaging';
import { metrics, registry, type AppConfig } from '@rostrum/platform';
import { CONFIG, DATA_SOURCE, REDIS } from '../tokens';

type Check = { status: 'up' | 'down'; detail?: unknown };

/** Liveness of what the system depends on, and Prometheus metrics. */
@ApiTags('operations')
@Controller()
export class OpsController implements OnApplicationShutdown {
  private readonly queues: Queue[];

  constructor(
    @Inject(CONFIG) config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(DATA_SOURCE) private readonly db: DataSource,
  ) {
    this.queues = Object.values(QueueName).map((name) => new Queue(name, { connection: bullConnection(config.redis.url), prefix: bullPrefix(config.redis.prefix) }));
  }

  @Get('health')
  async health(@Res() res: Response): Promise<void> {
    const timed = async (f: () => Promise<unknown>): Promise<Check> => {
      try { return { status: 'up', detail: await Promise.race([f(), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 2000))]) }; }
      catch (err) { return { status: 'down', detail: (err as Error).message }; }
    };
    const [postgres, redis, queues] = await Promise.all([
      timed(() => this.db.query('SELECT 1').then(() => undefined)),
      timed(() => this.redis.ping()),
      timed(() => this.queueDepths()),
    ]);
    const ok = [postgres, redis, queues].every((c) => c.status === 'up');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', checks: { postgres, redis, queues } });
  }

  @Get('metrics')
  @Header('content-type', registry.contentType)
  async metrics(): Promise<string> {
    await this.queueDepths().catch(() => undefined);
    return registry.metrics();
  }

  async onApplicationShutdown(): Promise<void> { await Promise.all(this.queues.map((q) => q.close())); }

  private async queueDepths(): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const q of this.queues) {
      const counts = await q.getJobCounts('waiting', 'delayed', 'active', 'failed');
      out[q.name] = counts;
      for (const [state, n] of Object.entries(counts)) metrics.queueDepth.set({ queue: q.name, state }, n);
    }
    return out;
  }
}
