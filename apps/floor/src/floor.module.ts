import { Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import type Redis from 'ioredis';
import { QueueName, servicePatterns } from '@rostrum/contracts';
import { EventLog, bullConnection, bullPrefix, createRedis, defaultJobOptions } from '@rostrum/messaging';
import type { AppConfig } from '@rostrum/platform';
import { floorController } from './commands/floor.controller';
import { FloorService } from './commands/floor.service';
import { TimerProcessor } from './timers/timer.processor';
import { TimerScheduler } from './timers/timer.scheduler';
import { CONFIG, EVENT_LOG, REDIS } from './tokens';

@Module({})
export class FloorModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: FloorModule,
      imports: [
        BullModule.forRoot({ connection: bullConnection(config.redis.url), prefix: bullPrefix(config.redis.prefix), defaultJobOptions }),
        BullModule.registerQueue({ name: QueueName.FloorTimers }, { name: QueueName.Record }),
      ],
      controllers: [floorController(servicePatterns(config.redis.prefix, 'floor'))],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: REDIS, useFactory: () => createRedis(config.redis.url) },
        { provide: EVENT_LOG, useFactory: (redis: Redis) => new EventLog(redis, config.redis.prefix), inject: [REDIS] },
        FloorService, TimerScheduler, TimerProcessor,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
