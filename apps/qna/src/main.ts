import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { ConfigError, PinoNestLogger, createLogger, initMetrics, loadConfig, onShutdown, serveMetrics } from '@rostrum/platform';
import { QnaModule } from './qna.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('qna', config.logLevel);
  initMetrics('qna');
  const url = new URL(config.redis.url);
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(QnaModule.forRoot(config), {
    transport: Transport.REDIS,
    options: { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0) },
    logger: new PinoNestLogger(logger),
  });
  await app.listen();
  const metricsServer = await serveMetrics(config.metricsPort);
  logger.info({ metricsPort: metricsServer?.port }, 'qna service ready');
  onShutdown(logger, [{ name: 'metrics', close: () => metricsServer?.close() }, { name: 'nest', close: () => app.close() }]);
}

bootstrap().catch((err) => {
  // A bad setting names itself; anything else is logged with its stack.
  process.stderr.write(`${err instanceof ConfigError ? err.message : err?.stack ?? err}\n`);
  process.exit(1);
});
