import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MessagingModule } from '@rostrum/messaging';
import { PersistenceModule } from '@rostrum/persistence';
import type { AppConfig } from '@rostrum/platform';
import { AccessRegistry } from './auth/access-registry';
import { AccessTokenService } from './auth/access-token.service';
import { EdgeLimits } from './auth/edge-limits';
import { ConsolesController } from './consoles/consoles.controller';
import { RecordController } from './record/record.controller';
import { DebateController } from './debate/debate.controller';
import { StatementsController } from './record/statements.controller';
import { OpsController } from './ops/ops.controller';
import { MeetingGateway } from './realtime/meeting.gateway';
import { ServiceClient } from './realtime/service-client';
import { SyncService } from './realtime/sync.service';
import { MeetingsController } from './setup/meetings.controller';
import { MeetingsService } from './setup/meetings.service';
import { SERVICES } from './tokens';

@Module({})
export class GatewayModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [MessagingModule.forRoot(config), PersistenceModule.forRoot(config.database), TerminusModule.forRoot({ logger: false })],
      controllers: [MeetingsController, OpsController, ConsolesController, RecordController, DebateController, StatementsController],
      providers: [
        { provide: SERVICES, useFactory: () => new ServiceClient(config) },
        AccessTokenService, AccessRegistry, EdgeLimits, MeetingsService, SyncService, MeetingGateway,
      ],
    };
  }
}
