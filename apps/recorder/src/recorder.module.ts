import { Module, type DynamicModule } from '@nestjs/common';
import { QueueName, servicePatterns } from '@rostrum/contracts';
import { MessagingModule } from '@rostrum/messaging';
import { PersistenceModule } from '@rostrum/persistence';
import type { AppConfig } from '@rostrum/platform';
import { recordController } from './commands/record.controller';
import { RecordCommandsService } from './commands/record-commands.service';
import { PersistService } from './persist/persist.service';
import { RecordProcessor } from './persist/record.processor';
import { Publisher } from './publish/publisher';
import { Sweeper } from './sweep/sweeper';

@Module({})
export class RecorderModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: RecorderModule,
      imports: [
        MessagingModule.forRoot(config, [QueueName.Record]),
        // Postgres may be down at start: the pool connects lazily, jobs retry until it is back.
        PersistenceModule.forRoot({ ...config.database, poolSize: 20 }),
      ],
      controllers: [recordController(servicePatterns(config.redis.prefix, 'recorder'))],
      providers: [
        PersistService, Publisher, RecordProcessor, Sweeper, RecordCommandsService,
      ],
    };
  }
}
