import type Redis from 'ioredis';
import type { Server, Socket } from 'socket.io';
import type { Logger } from 'pino';
import { EVENTS_MESSAGE, REDACTED_EVENT, ROLES, STAFF_ROLES, type EventEnvelope, type RedactedEvent } from '@rostrum/contracts';
import type { TransientMessage } from '@rostrum/messaging';
import { metrics } from '@rostrum/platform';
import type { AccessClaims } from '../auth/access-token.service';
import { allowedRooms, maySee, rooms } from './rooms';

type ClientEvent = Omit<EventEnvelope, 'visibility'> | RedactedEvent;

/**
 * What a client receives: the envelope without its routing (`visibility` may name the
 * participant a private event is for, e.g. the asker of an anonymous question).
 */
export function toClient(e: EventEnvelope): Omit<EventEnvelope, 'visibility'> {
  const { visibility: _routing, ...rest } = e;
  return rest;
}

const redacted = (e: EventEnvelope): RedactedEvent => ({ meetingId: e.meetingId, stream: e.stream, seq: e.seq, type: REDACTED_EVENT });

/**
 * Tails the fan-out stream and delivers events to the sockets of this gateway only
 * (`server.local`): every gateway tails the stream itself, so events reach each client once, in
 * log order, whichever gateway it is connected to.
 *
 * Delivery is in rounds: whatever one XREAD returns is sent to each socket as ONE `events`
 * message (its events in seq order, placeholders where it may not see one, so its sequence stays
 * gapless). Idle, a round is one event and adds no delay; under load rounds grow, and the number
 * of socket writes stays bounded by how fast this process can write rather than by the command
 * rate. Each audience's batch is encoded once and broadcast by room; only sockets that a batch's
 * private events name (a delegation, a participant) are served one by one.
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
        const res = (await this.redis.xread('COUNT', 1000, 'BLOCK', 1000, 'STREAMS', this.key, lastId)) as
          Array<[string, Array<[string, string[]]>]> | null;
        if (!res) continue;
        const entries = res[0]![1];
        lastId = entries[entries.length - 1]![0];
        this.deliverRound(server, entries.map(([, fields]) => JSON.parse(fields[1]!) as EventEnvelope | TransientMessage));
      } catch (err) {
        if (!this.running) return;
        this.logger.warn({ err }, 'fan-out read failed; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** One round: events batched per meeting; a transient goes out after the events before it. */
  private deliverRound(server: Server, messages: Array<EventEnvelope | TransientMessage>): void {
    const pending = new Map<string, EventEnvelope[]>();
    const flush = (meetingId: string) => {
      const batch = pending.get(meetingId);
      if (batch) { pending.delete(meetingId); this.deliverBatch(server, meetingId, batch); }
    };
    for (const m of messages) {
      if ('transient' in m) {
        flush(m.meetingId);
        const allowed = allowedRooms(m.meetingId, m.visibility);
        server.local.to(allowed ?? rooms.all(m.meetingId)).emit(m.type, { meetingId: m.meetingId, payload: m.payload });
      } else {
        const list = pending.get(m.meetingId);
        if (list) list.push(m); else pending.set(m.meetingId, [m]);
      }
    }
    for (const meetingId of [...pending.keys()]) flush(meetingId);
  }

  private deliverBatch(server: Server, meetingId: string, events: EventEnvelope[]): void {
    const local = server.local;
    metrics.eventsDelivered.inc(events.length);
    metrics.eventLogLagSeconds.set((Date.now() - events[events.length - 1]!.at) / 1000);
    if (events.every((e) => e.visibility.scope === 'public')) {
      // The officers running the meeting first: their consoles drive it, viewers follow it.
      const staff = STAFF_ROLES.map((r) => rooms.role(meetingId, r));
      const batch = events.map(toClient);
      local.to(staff).emit(EVENTS_MESSAGE, batch);
      local.to(rooms.all(meetingId)).except(staff).emit(EVENTS_MESSAGE, batch);
      return;
    }
    // Sockets a private event names see more than their role does: they get their own batch.
    const named = new Set<string>();
    for (const { visibility: v } of events) {
      if (v.delegationId) named.add(rooms.delegation(meetingId, v.delegationId));
      if (v.participantId) named.add(rooms.participant(meetingId, v.participantId));
    }
    // Everyone else by role; roles that see the same batch share one broadcast.
    const byView = new Map<string, { roles: string[]; batch: ClientEvent[] }>();
    for (const role of ROLES) {
      const claims = { role } as AccessClaims;
      const batch = events.map((e) => (maySee(claims, e.visibility) ? toClient(e) : redacted(e)));
      const key = batch.map((e) => (e.type === REDACTED_EVENT ? '0' : '1')).join('');
      const group = byView.get(key);
      if (group) group.roles.push(role); else byView.set(key, { roles: [role], batch });
    }
    for (const { roles: rs, batch } of byView.values()) {
      local.to(rs.map((r) => rooms.role(meetingId, r))).except([...named]).emit(EVENTS_MESSAGE, batch);
    }
    for (const socket of localSockets(server, named)) {
      const claims = socket.data.claims as AccessClaims;
      socket.emit(EVENTS_MESSAGE, events.map((e) => (maySee(claims, e.visibility) ? toClient(e) : redacted(e))));
    }
  }
}

/** This gateway's sockets in any of the rooms (each once). */
function localSockets(server: Server, roomNames: Set<string>): Socket[] {
  const nsp = server.of('/');
  const ids = new Set<string>();
  for (const room of roomNames) for (const id of nsp.adapter.rooms.get(room) ?? []) ids.add(id);
  return [...ids].map((id) => nsp.sockets.get(id)).filter((s): s is Socket => !!s);
}
