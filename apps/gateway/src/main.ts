import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import { createRedis } from '@rostrum/messaging';
import { migrate } from '@rostrum/persistence';
import { ConfigError, PinoNestLogger, createLogger, health, initMetrics, loadConfig, onShutdown } from '@rostrum/platform';
import { GatewayModule } from './gateway.module';
import { buildOpenApi } from './openapi';
import { RECORD_SCHEMA, STATS_SCHEMA } from './openapi.generated';
import { originAllowed } from './auth/origins';
import { ErrorFilter } from './ops/error.filter';
import { IdParamPipe } from './ops/id-param.pipe';
import { QUEUE_DASHBOARD_PATH, queueDashboard } from './ops/queue-dashboard';
import { MeetingGateway } from './realtime/meeting.gateway';
import { holdHandedConnections, runPrimary, workerReady } from './cluster';
import { RedisStreamsIoAdapter } from './realtime/redis-streams.adapter';

/**
 * GATEWAY_WORKERS > 1 (default: one per core): this process is the primary of that many gateway
 * workers on one port (./cluster.ts); each worker, or the single process, runs bootstrap().
 */
async function main(): Promise<void> {
  // A worker may be handed connections before it can serve them: hold them until it can.
  const release = cluster.isWorker ? holdHandedConnections() : () => undefined;
  const config = loadConfig();
  const logger = createLogger('gateway', config.logLevel);
  if (config.gateway.workers > 1 && cluster.isPrimary) {
    // Migrations once, before the workers start, rather than once per worker.
    const ran = await migrate(config.database);
    if (ran.length) logger.info({ migrations: ran }, 'migrations applied');
    return runPrimary(config, logger);
  }
  return bootstrap(config, logger, release);
}

async function bootstrap(config: ReturnType<typeof loadConfig>, logger: ReturnType<typeof createLogger>, release: () => void): Promise<void> {
  initMetrics('gateway');
  if (!cluster.isWorker) {
    const ran = await migrate(config.database);
    if (ran.length) logger.info({ migrations: ran }, 'migrations applied');
  }

  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config), { logger: new PinoNestLogger(logger) });
  const adapterRedis = createRedis(config.redis);
  health.register('socket.io-adapter', () => adapterRedis.ping());
  app.useWebSocketAdapter(new RedisStreamsIoAdapter(app, adapterRedis, `${config.redis.prefix}:socket.io`, config));
  // Behind a load balancer req.ip is the client's address from X-Forwarded-For, only when the
  // balancer is trusted (TRUST_PROXY); sockets use the same rule (auth/client-address.ts).
  app.set('trust proxy', config.trustProxy.length ? config.trustProxy : false);
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalPipes(new IdParamPipe());
  // Security headers on every response (consoles, HTML exports, API): a CSP with no inline
  // script, nosniff, a strict referrer policy. Styles may be inline (the HTML record has them).
  app.use(helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { 'script-src': ["'self'"], 'connect-src': ["'self'"], 'upgrade-insecure-requests': null },
    },
    referrerPolicy: { policy: 'no-referrer' },
  }));
  // Browsers may call the API from the gateway's own pages and ALLOWED_ORIGINS (plus localhost in development).
  app.enableCors({ origin: (origin, cb) => cb(null, originAllowed(origin, undefined, config.allowedOrigins, config.env === 'development')) });
  // The same document as docs/openapi.json: generated from the zod schemas of libs/contracts.
  SwaggerModule.setup('docs', app, buildOpenApi(RECORD_SCHEMA, STATS_SCHEMA) as unknown as OpenAPIObject);
  const dashboard = queueDashboard(config);
  app.use(QUEUE_DASHBOARD_PATH, dashboard.guard, dashboard.router as never);

  if (cluster.isWorker) {
    // The primary listens and hands connections over (sticky sessions); the worker only serves them.
    await app.init();
    health.start();
    workerReady(app.get(MeetingGateway).server, release);
    logger.info({ pid: process.pid }, 'gateway worker ready');
  } else {
    await app.listen(config.gateway.port, config.gateway.host);
    const url = await app.getUrl();
    health.start();
    logger.info({ url }, 'gateway ready');
  }
  onShutdown(logger, [
    { name: 'adapter-redis', close: () => adapterRedis.quit() },
    { name: 'queue-dashboard', close: () => dashboard.close() },
    { name: 'nest', close: () => app.close() },
    { name: 'health', close: () => health.stop() },
    // Runs first (closers run in reverse): acks for in-flight commands go out before the sockets close.
    { name: 'drain', close: () => app.get(MeetingGateway).drain() },
  ]);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err?.stack ?? err}\n`);
  process.exit(1);
});
