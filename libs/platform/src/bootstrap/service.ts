import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import type { DynamicModule } from '@nestjs/common';
import { ConfigError, loadConfig, redisOptions, type AppConfig } from '../config/config';
import { PinoNestLogger, createLogger } from '../logging/logger';
import { initMetrics } from '../metrics/metrics';
import { serveMetrics } from '../metrics/serve-metrics';
import { onShutdown } from '../shutdown/shutdown';

/**
 * Starts a microservice app (floor, qna, recorder): config, JSON logs, metrics, the Redis
 * transport, then "<name> ready" once it listens; SIGTERM closes everything in order.
 */
export function runService(name: string, module: (config: AppConfig) => DynamicModule, beforeStart?: (config: AppConfig, log: ReturnType<typeof createLogger>) => Promise<void>): void {
  const start = async () => {
    const config = loadConfig();
    const logger = createLogger(name, config.logLevel);
    initMetrics(name);
    await beforeStart?.(config, logger);
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(module(config), {
      transport: Transport.REDIS,
      options: redisOptions(config.redis.url),
      logger: new PinoNestLogger(logger),
    });
    await app.listen();
    const metricsServer = await serveMetrics(config.metricsPort);
    logger.info({ metricsPort: metricsServer?.port }, `${name} ready`);
    onShutdown(logger, [{ name: 'metrics', close: () => metricsServer?.close() }, { name: 'nest', close: () => app.close() }]);
  };
  start().catch((err) => {
    // A bad setting names itself; anything else is logged with its stack.
    process.stderr.write(`${err instanceof ConfigError ? err.message : err?.stack ?? err}\n`);
    process.exit(1);
  });
}
