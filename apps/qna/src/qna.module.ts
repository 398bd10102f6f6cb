import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import type Redis from 'ioredis';
import { QueueName, servicePatterns } from '@rostrum/contracts';
import { EventLog, bullConnection, bullPrefix, createRedis, defaultJobOptions } from '@rostrum/messaging';
import type { AppConfig } from '@rostrum/platform';
import { qnaController } from './commands/qna.controller';
import { QnaService } from './commands/qna.service';
import { MeetingSettings } from './meetings/meeting-settings';
import { CONFIG, EVENT_LOG, REDIS } from './tokens';
import { TallyFlusher } from './votes/tally.flusher';
import { VoteStore } from './votes/vote.store';

@Module({})
export class QnaModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: QnaModule,
      imports: [
        BullModule.forRoot({ connection: bullConnection(config.redis.url), prefix: bullPrefix(config.redis.prefix), defaultJobOptions }),
        BullModule.registerQueue({ name: QueueName.Record }),
      ],
      controllers: [qnaController(servicePatterns(config.redis.prefix, 'qna'))],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: REDIS, useFactory: () => createRedis(config.redis.url) },
        { provide: EVENT_LOG, useFactory: (redis: Redis) => new EventLog(redis, config.redis.prefix), inject: [REDIS] },
        MeetingSettings, VoteStore, TallyFlusher, QnaService,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
