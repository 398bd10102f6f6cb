import { Controller, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Ack, CommandMessage } from '@rostrum/contracts';
import { QnaService, type SnapshotRequest } from './qna.service';

/** Patterns carry the deployment prefix (see servicePatterns), hence a controller built for them. */
export function qnaController(patterns: { command: string; snapshot: string }): Type<unknown> {
  @Controller()
  class QnaController {
    constructor(private readonly qna: QnaService) {}

    @MessagePattern(patterns.command)
    handle(@Payload() message: CommandMessage): Promise<Ack> {
      return this.qna.handle(message);
    }

    @MessagePattern(patterns.snapshot)
    snapshot(@Payload() req: SnapshotRequest) {
      return this.qna.snapshot(req);
    }
  }
  return QnaController;
}
