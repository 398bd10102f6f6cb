import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import type { DynamicModule } from '@nestjs/common';
import { ConfigError, loadConfig, type AppConfig } from '../config/config';
import { health } from '../health/health';
import { PinoNestLogger, createLogger } from '../logging/logger';
import { initMetrics } from '../metrics/metrics';
import { serveMetrics } from '../metrics/serve-metrics';
import { onShutdown } from '../shutdown/shutdown';
import { ResilientServerRedis, pingPattern, transportOptions } from './transport';

/**
 * Starts a microservice app (floor, qna, recorder): config, JSON logs, metrics and health, the
 * Redis transport (reconnecting forever), then "<name> ready" once it listens; SIGTERM closes
 * everything in order (the transport first, so no new command is taken while in-flight ones finish).
 * Each service answers `<prefix>.<name>.ping` with its readiness: the gateway's round trip.
 */
export function runService(name: string, module: (config: AppConfig) => DynamicModule, beforeStart?: (config: AppConfig, log: ReturnType<typeof createLogger>) => Promise<void>): void {
  const start = async () => {
    const config = loadConfig();
    const logger = createLogger(name, config.logLevel);
    initMetrics(name);
    await beforeStart?.(config, logger);
    const transport = new ResilientServerRedis(transportOptions(config.redis));
    transport.addHandler(pingPattern(config.redis.prefix, name), async () => ({ service: name, ...health.report() }), false);
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(module(config), {
      strategy: transport,
      logger: new PinoNestLogger(logger),
    });
    await app.listen();
    health.register('transport', async () => {
      const [pub, sub] = transport.unwrap<[import('ioredis').default, import('ioredis').default]>();
      if (sub.status !== 'ready') throw new Error(`subscriber ${sub.status}`);
      await pub.ping();
    });
    health.start();
    const metricsServer = await serveMetrics(config.metricsPort, config.metricsHost);
    logger.info({ metricsPort: metricsServer?.port }, `${name} ready`);
    onShutdown(logger, [{ name: 'metrics', close: () => metricsServer?.close() }, { name: 'nest', close: () => app.close() }, { name: 'health', close: () => health.stop() }]);
  };
  start().catch((err) => {
    // A bad setting names itself; anything else is logged with its stack.
    process.stderr.write(`${err instanceof ConfigError ? err.message : err?.stack ?? err}\n`);
    process.exit(1);
  });
}
