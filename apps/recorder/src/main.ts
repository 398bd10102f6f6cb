import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { migrate } from '@rostrum/persistence';
import { ConfigError, PinoNestLogger, createLogger, initMetrics, loadConfig, onShutdown, serveMetrics } from '@rostrum/platform';
import { RecorderModule } from './recorder.module';

/** The recorder: BullMQ persistence workers, the record publisher and sweeper, and record.* commands. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('recorder', config.logLevel);
  initMetrics('recorder');
  const ran = await migrate(config.database);
  if (ran.length) logger.info({ migrations: ran }, 'migrations applied');
  const url = new URL(config.redis.url);
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(RecorderModule.forRoot(config), {
    transport: Transport.REDIS,
    options: { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0) },
    logger: new PinoNestLogger(logger),
  });
  await app.listen();
  const metricsServer = await serveMetrics(config.metricsPort);
  logger.info({ metricsPort: metricsServer?.port }, 'recorder ready');
  onShutdown(logger, [{ name: 'metrics', close: () => metricsServer?.close() }, { name: 'nest', close: () => app.close() }]);
}

bootstrap().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err?.stack ?? err}\n`);
  process.exit(1);
});
