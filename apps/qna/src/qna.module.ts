import { Module, type DynamicModule } from '@nestjs/common';
import { QueueName, servicePatterns } from '@rostrum/contracts';
import { MessagingModule } from '@rostrum/messaging';
import type { AppConfig } from '@rostrum/platform';
import { qnaController } from './commands/qna.controller';
import { QnaService } from './commands/qna.service';
import { MeetingSettings } from './meetings/meeting-settings';
import { TallyFlusher } from './votes/tally.flusher';
import { VoteStore } from './votes/vote.store';

@Module({})
export class QnaModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: QnaModule,
      imports: [MessagingModule.forRoot(config, [QueueName.Record])],
      controllers: [qnaController(servicePatterns(config.redis.prefix, 'qna'))],
      providers: [
        MeetingSettings, VoteStore, TallyFlusher, QnaService,
      ],
    };
  }
}
