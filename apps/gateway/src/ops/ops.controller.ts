import { Controller, Get, Header, Inject, type OnApplicationShutdown, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Queue } from 'bullmq';
import type { Response } from 'express';
import { QueueName } from '@rostrum/contracts';
import { bullConnection, bullPrefix } from '@rostrum/messaging';
import { gatewayMetrics } from '../cluster';
import { health, metrics, registry, type AppConfig, type DependencyState } from '@rostrum/platform';
import { CONFIG } from '../tokens';

/**
 * Without Postgres the gateway still serves the floor, Q&A and joining viewers (issue 9,
 * "degraded, not down"): it is reported `degraded` (200), not down, so a load balancer keeps
 * sending clients; Redis, the transport or a service away makes it not ready (503).
 */
const DEGRADED_WITHOUT = new Set(['postgres']);

/**
 * Liveness and readiness (through @nestjs/terminus, the Nest convention) and Prometheus metrics.
 * `/health/ready` checks every dependency afresh: Redis, Postgres, the message transport, and
 * each service (floor, qna, recorder) by a ping round trip through the transport, each with the
 * time of its last successful round trip.
 */
@ApiTags('operations')
@Controller()
export class OpsController implements OnApplicationShutdown {
  private readonly queues: Queue[];

  constructor(
    @Inject(CONFIG) config: AppConfig,
    private readonly checks: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
  ) {
    this.queues = Object.values(QueueName).map((name) => new Queue(name, { connection: bullConnection(config.redis), prefix: bullPrefix(config.redis.prefix, name) }));
  }

  @Get('health/live')
  @ApiOperation({ summary: 'The process runs (200). Says nothing about its dependencies.' })
  live() {
    return { status: 'ok', pid: process.pid, uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get(['health/ready', 'health'])
  @ApiOperation({ summary: 'Every dependency answered just now: 200 (status ok, or degraded without Postgres), else 503; per dependency: status, lastOkAt, roundTripMs.' })
  async ready(@Res() res: Response): Promise<void> {
    const report = await health.probe();
    const indicator = (name: string, d: DependencyState) => async () => {
      const data = { lastOkAt: d.lastOkAt ? new Date(d.lastOkAt).toISOString() : null, roundTripMs: d.roundTripMs, ...(d.error ? { error: d.error } : {}) };
      const session = this.indicators.check(name);
      if (d.status === 'up') return session.up(data);
      return DEGRADED_WITHOUT.has(name) ? session.degraded(data) : session.down(data);
    };
    try {
      const result = await this.checks.check(Object.entries(report.dependencies).map(([name, d]) => indicator(name, d)));
      res.status(200).json(result);
    } catch (err) {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      res.setHeader('Retry-After', '1');
      res.status(503).json(err.getResponse());
    }
  }

  @Get('metrics')
  @Header('content-type', registry.contentType)
  async metrics(): Promise<string> {
    await this.queueDepths().catch(() => undefined);
    return gatewayMetrics();
  }

  async onApplicationShutdown(): Promise<void> { await Promise.all(this.queues.map((q) => q.close())); }

  private async queueDepths(): Promise<void> {
    for (const q of this.queues) {
      const counts = await q.getJobCounts('waiting', 'delayed', 'active', 'failed');
      for (const [state, n] of Object.entries(counts)) metrics.queueDepth.set({ queue: q.name, state }, n);
    }
  }
}
