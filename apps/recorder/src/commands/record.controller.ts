import { Controller, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Ack, CommandMessage } from '@rostrum/contracts';
import { RecordCommandsService } from './record-commands.service';

/** Owner 'recorder' commands from the gateway; patterns carry the deployment prefix (servicePatterns). */
export function recordController(patterns: { command: string }): Type<unknown> {
  @Controller()
  class RecordController {
    constructor(private readonly commands: RecordCommandsService) {}

    @MessagePattern(patterns.command)
    handle(@Payload() message: CommandMessage): Promise<Ack> {
      return this.commands.handle(message);
    }
  }
  return RecordController;
}
