import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { EventLog, createRedis } from '@rostrum/messaging';
import { createDataSource } from '@rostrum/persistence';
import type { AppConfig } from '@rostrum/platform';
import { AccessTokenService } from './auth/access-token.service';
import { ConsolesController } from './consoles/consoles.controller';
import { RecordController } from './record/record.controller';
import { OpsController } from './ops/ops.controller';
import { MeetingGateway } from './realtime/meeting.gateway';
import { ServiceClient } from './realtime/service-client';
import { SyncService } from './realtime/sync.service';
import { MeetingsController } from './setup/meetings.controller';
import { MeetingsService } from './setup/meetings.service';
import { CONFIG, DATA_SOURCE, EVENT_LOG, REDIS, SERVICES } from './tokens';

@Module({})
export class GatewayModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis, @Inject(DATA_SOURCE) private readonly db: DataSource) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [MeetingsController, OpsController, ConsolesController, RecordController],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: REDIS, useFactory: () => createRedis(config.redis.url) },
        { provide: EVENT_LOG, useFactory: (redis: Redis) => new EventLog(redis, config.redis.prefix), inject: [REDIS] },
        { provide: DATA_SOURCE, useFactory: () => createDataSource(config.database).initialize() },
        { provide: SERVICES, useFactory: () => new ServiceClient(config) },
        AccessTokenService, MeetingsService, SyncService, MeetingGateway,
      ],
      exports: [CONFIG, REDIS, EVENT_LOG, DATA_SOURCE, SERVICES, AccessTokenService],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.destroy().catch(() => undefined);
    await this.redis.quit().catch(() => undefined);
  }
}
