import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { QueueName } from '@rostrum/contracts';
import { CONFIG, health, type AppConfig } from '@rostrum/platform';
import { EventLog } from '../event-log/event-log';
import { bullConnection, bullPrefix, closeBullConnection, defaultJobOptions } from '../queues/bullmq';
import { createRedis, type RedisClient } from '../redis/redis';

/** Injection tokens of the shared Redis connection and the event log. */
export const REDIS = Symbol('REDIS');
export const EVENT_LOG = Symbol('EVENT_LOG');

/**
 * What every app needs to reach Redis (single, Sentinels or cluster: `createRedis`): the config, one Redis connection, the event log, and
 * (when `queues` are named) BullMQ with the project's defaults. Closes Redis on shutdown.
 */
@Global()
@Module({})
export class MessagingModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient, @Inject(EVENT_LOG) private readonly log: EventLog) {}

  static forRoot(config: AppConfig, queues?: QueueName[]): DynamicModule {
    const bull = queues
      ? [BullModule.forRoot({ connection: bullConnection(config.redis), defaultJobOptions }),
        BullModule.registerQueue(...queues.map((name) => ({ name, prefix: bullPrefix(config.redis.prefix, name) })))]
      : [];
    return {
      module: MessagingModule,
      imports: bull,
      providers: [
        { provide: CONFIG, useValue: config },
        {
          provide: REDIS, useFactory: () => {
            const redis = createRedis(config.redis);
            // A real round trip; while Redis is away it times out and the process is not ready.
            health.register('redis', () => redis.ping());
            return redis;
          },
        },
        {
          provide: EVENT_LOG, inject: [REDIS],
          useFactory: (redis: RedisClient) => new EventLog(redis, config.redis.prefix, {
            fanoutShards: config.redis.fanoutShards, minReplicasAck: config.redis.minReplicasAck, replicaAckTimeoutMs: config.redis.replicaAckTimeoutMs,
          }),
        },
      ],
      exports: [CONFIG, REDIS, EVENT_LOG, ...bull],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.log.close();
    await closeBullConnection();
    await this.redis.quit().catch(() => undefined);
  }
}
