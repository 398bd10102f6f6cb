import { Controller, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Ack, CommandMessage } from '@rostrum/contracts';
import { FloorService, type SnapshotRequest } from './floor.service';

/**
 * Transport patterns carry the deployment prefix so that deployments (and test runs) sharing
 * one Redis never answer each other's commands; hence a controller built for the patterns.
 */
export function floorController(patterns: { command: string; snapshot: string }): Type<unknown> {
  @Controller()
  class FloorController {
    constructor(private readonly floor: FloorService) {}

    @MessagePattern(patterns.command)
    handle(@Payload() message: CommandMessage): Promise<Ack> {
      return this.floor.handle(message);
    }

    @MessagePattern(patterns.snapshot)
    snapshot(@Payload() req: SnapshotRequest) {
      return this.floor.snapshot(req);
    }
  }
  return FloorController;
}
