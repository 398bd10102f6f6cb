import { BullModule } from '@nestjs/bullmq';
import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { QueueName, servicePatterns } from '@rostrum/contracts';
import { EventLog, bullConnection, bullPrefix, createRedis, defaultJobOptions } from '@rostrum/messaging';
import { createDataSource } from '@rostrum/persistence';
import type { AppConfig } from '@rostrum/platform';
import type { DataSource } from 'typeorm';
import { recordController } from './commands/record.controller';
import { RecordCommandsService } from './commands/record-commands.service';
import { PersistService } from './persist/persist.service';
import { RecordProcessor } from './persist/record.processor';
import { Publisher } from './publish/publisher';
import { Sweeper } from './sweep/sweeper';
import { CONFIG, DATA_SOURCE, EVENT_LOG, REDIS } from './tokens';

@Module({})
export class RecorderModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis, @Inject(DATA_SOURCE) private readonly db: DataSource) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: RecorderModule,
      imports: [
        BullModule.forRoot({ connection: bullConnection(config.redis.url), prefix: bullPrefix(config.redis.prefix), defaultJobOptions }),
        BullModule.registerQueue({ name: QueueName.Record }),
      ],
      controllers: [recordController(servicePatterns(config.redis.prefix, 'recorder'))],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: REDIS, useFactory: () => createRedis(config.redis.url) },
        { provide: EVENT_LOG, useFactory: (redis: Redis) => new EventLog(redis, config.redis.prefix), inject: [REDIS] },
        // Postgres may be down at start: the pool connects lazily, jobs retry until it is back.
        { provide: DATA_SOURCE, useFactory: () => createDataSource({ ...config.database, poolSize: 20 }).initialize() },
        PersistService, Publisher, RecordProcessor, Sweeper, RecordCommandsService,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.destroy().catch(() => undefined);
    await this.redis.quit().catch(() => undefined);
  }
}
