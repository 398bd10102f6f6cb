import type Redis from 'ioredis';
import type { Server } from 'socket.io';
import type { Logger } from 'pino';
import { REDACTED_EVENT, type EventEnvelope, type RedactedEvent } from '@rostrum/contracts';
import type { TransientMessage } from '@rostrum/messaging';
import { metrics } from '@rostrum/platform';
import { allowedRooms, rooms } from './rooms';

/**
 * What a client receives: the envelope without its routing (`visibility` may name the
 * participant a private event is for, e.g. the asker of an anonymous question).
 */
export function toClient(e: EventEnvelope): Omit<EventEnvelope, 'visibility'> {
  const { visibility: _routing, ...rest } = e;
  return rest;
}

/**
 * Tails the fan-out stream and delivers each event to the sockets of this gateway only
 * (`server.local`): every gateway tails the stream itself, so events reach each client once,
 * in log order, whichever gateway it is connected to. Clients that may not see an event get a
 * placeholder with its seq, so their sequence stays gapless (DESIGN.md, docs/architecture.md).
 */
export class Fanout {
  private running = false;
  private loop?: Promise<void>;

  constructor(private readonly redis: Redis, private readonly key: string, private readonly logger: Logger) {}

  start(server: Server): void {
    this.running = true;
    this.loop = this.run(server);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.redis.disconnect(); // unblocks XREAD
    await this.loop?.catch(() => undefined);
  }

  private async run(server: Server): Promise<void> {
    let lastId = '$';
    while (this.running) {
      try {
        const res = (await this.redis.xread('COUNT', 500, 'BLOCK', 1000, 'STREAMS', this.key, lastId)) as
          Array<[string, Array<[string, string[]]>]> | null;
        if (!res) continue;
        for (const [, entries] of res) {
          for (const [id, fields] of entries) {
            lastId = id;
            this.deliver(server, JSON.parse(fields[1]) as EventEnvelope | TransientMessage);
          }
        }
      } catch (err) {
        if (!this.running) return;
        this.logger.warn({ err }, 'fan-out read failed; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private deliver(server: Server, message: EventEnvelope | TransientMessage): void {
    const all = rooms.all(message.meetingId);
    const allowed = allowedRooms(message.meetingId, message.visibility);
    const local = server.local;
    if ('transient' in message) {
      (allowed ? local.to(allowed) : local.to(all)).emit(message.type, { meetingId: message.meetingId, payload: message.payload });
      return;
    }
    const delivered = toClient(message);
    if (!allowed) {
      local.to(all).emit(message.type, delivered);
    } else {
      local.to(allowed).emit(message.type, delivered);
      const placeholder: RedactedEvent = { meetingId: message.meetingId, stream: message.stream, seq: message.seq, type: REDACTED_EVENT };
      local.to(all).except(allowed).emit(REDACTED_EVENT, placeholder);
    }
    metrics.eventsDelivered.inc();
    metrics.eventLogLagSeconds.set((Date.now() - message.at) / 1000);
  }
}
