import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { REDACTED_EVENT, STREAMS, fail, type Ack, type EventEnvelope, type RedactedEvent, type StreamName } from '@rostrum/contracts';
import type { EventLog } from '@rostrum/messaging';
import type { AccessClaims } from '../auth/access-token.service';
import { EVENT_LOG, SERVICES } from '../tokens';
import { toClient } from './fanout';
import { maySee } from './rooms';
import type { ServiceClient } from './service-client';

const SinceSchema = z.object({
  stream: z.enum(STREAMS).default('meeting'),
  seq: z.number().int().min(0),
  limit: z.number().int().min(1).max(5000).default(1000),
  /**
   * A history read: every event after `seq`, even those this connection was already sent.
   * Without it (a catch-up) seqs already sent on this connection are left out.
   */
  replay: z.boolean().default(false),
}).strict();

/**
 * How a client catches up: a snapshot of each stream at a seq on join, then `events.since`
 * when it sees a gap or reconnects. Both give this client exactly what it may see, with
 * placeholders for the rest so its sequence stays gapless.
 */
@Injectable()
export class SyncService {
  constructor(@Inject(EVENT_LOG) private readonly log: EventLog, @Inject(SERVICES) private readonly services: ServiceClient) {}

  async snapshot(c: AccessClaims): Promise<Ack> {
    const who = { meetingId: c.meetingId, role: c.role, delegationId: c.delegationId, participantId: c.participantId };
    const [meeting, qna, record] = await Promise.all([
      this.services.request<{ seq: number; state: unknown }>('floor', 'snapshot', who),
      // Q&A is optional to joining: a client without it still follows the floor and the record.
      this.services.request<{ seq: number; state: unknown }>('qna', 'snapshot', who, 1500).catch(() => null),
      this.recordSnapshot(c.meetingId),
    ]);
    if (meeting.seq === 0) return fail('MEETING_NOT_FOUND', `meeting ${c.meetingId} does not exist`);
    return { ok: true, meetingId: c.meetingId, you: who, meeting, qna, record };
  }

  async since(c: AccessClaims, raw: unknown): Promise<Ack> {
    const parsed = SinceSchema.safeParse(raw ?? {});
    if (!parsed.success) return fail('VALIDATION_FAILED', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const { stream, seq, limit, replay } = parsed.data;
    const events = (await this.log.since(c.meetingId, stream, seq, limit)).map((e) => this.view(c, e));
    const head = await this.log.head(c.meetingId, stream);
    return { ok: true, stream, events, head, replay };
  }

  /** The running record is public within a meeting: its snapshot is the whole stream. */
  private async recordSnapshot(meetingId: string): Promise<{ seq: number; entries: EventEnvelope[] }> {
    const entries = await this.log.since(meetingId, 'record' as StreamName, 0, 100_000);
    return { seq: entries.length, entries: entries.map(toClient) as EventEnvelope[] };
  }

  private view(c: AccessClaims, e: EventEnvelope): Omit<EventEnvelope, 'visibility'> | RedactedEvent {
    return maySee(c, e.visibility) ? toClient(e) : { meetingId: e.meetingId, stream: e.stream, seq: e.seq, type: REDACTED_EVENT };
  }
}
