import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { QueueName } from '@rostrum/contracts';
import { CONFIG, health, type AppConfig } from '@rostrum/platform';
import { EventLog } from '../event-log/event-log';
import { bullConnection, bullPrefix, defaultJobOptions } from '../queues/bullmq';
import { createRedis } from '../redis/redis';

/** Injection tokens of the shared Redis connection and the event log. */
export const REDIS = Symbol('REDIS');
export const EVENT_LOG = Symbol('EVENT_LOG');

/**
 * What every app needs to reach Redis: the config, one Redis connection, the event log, and
 * (when `queues` are named) BullMQ with the project's defaults. Closes Redis on shutdown.
 */
@Global()
@Module({})
export class MessagingModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(config: AppConfig, queues?: QueueName[]): DynamicModule {
    const bull = queues
      ? [BullModule.forRoot({ connection: bullConnection(config.redis.url), prefix: bullPrefix(config.redis.prefix), defaultJobOptions }),
        BullModule.registerQueue(...queues.map((name) => ({ name })))]
      : [];
    return {
      module: MessagingModule,
      imports: bull,
      providers: [
        { provide: CONFIG, useValue: config },
        {
          provide: REDIS, useFactory: () => {
            const redis = createRedis(config.redis.url);
            // A real round trip; while Redis is away it times out and the process is not ready.
            health.register('redis', () => redis.ping());
            return redis;
          },
        },
        { provide: EVENT_LOG, useFactory: (redis: Redis) => new EventLog(redis, config.redis.prefix), inject: [REDIS] },
      ],
      exports: [CONFIG, REDIS, EVENT_LOG, ...bull],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
