import { Module, type DynamicModule } from '@nestjs/common';
import { QueueName, servicePatterns } from '@rostrum/contracts';
import { MessagingModule } from '@rostrum/messaging';
import type { AppConfig } from '@rostrum/platform';
import { floorController } from './commands/floor.controller';
import { FloorService } from './commands/floor.service';
import { TimerProcessor } from './timers/timer.processor';
import { TimerScheduler } from './timers/timer.scheduler';

@Module({})
export class FloorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: FloorModule,
      imports: [MessagingModule.forRoot(config, [QueueName.FloorTimers, QueueName.Record])],
      controllers: [floorController(servicePatterns(config.redis.prefix, 'floor'))],
      providers: [FloorService, TimerScheduler, TimerProcessor],
    };
  }
}
