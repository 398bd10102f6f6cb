import type { EventEnvelope, RedactedEvent, StreamName } from './core/envelope';
import type { Role } from './core/roles';
import type { FloorSnapshot } from './floor/snapshot';
import type { FloorViewPayload } from './floor/view';
import type { QnaSnapshot } from './qna/snapshot';
import type { RecordEntryView } from './record/events';

// How a client joins and catches up: the replies of `meeting.snapshot` and `events.since`, and
// the second argument of every `events` message. docs/asyncapi.yaml is generated from these.

/** An event as a client receives it: the envelope without its routing (`visibility`). */
export type ClientEnvelope<P = Record<string, unknown>> = Omit<EventEnvelope<P>, 'visibility'>;

/** `meeting.snapshot` → each stream's state projected for the caller's role, with the seq it reflects. */
export interface SnapshotReply {
  ok: true;
  meetingId: string;
  /** Who the token says the caller is. */
  you: { meetingId: string; role: Role; delegationId?: string; participantId: string };
  meeting: { seq: number; state: FloorSnapshot };
  /** Null when the Q&A service did not answer in time: the floor and the record still work. */
  qna: { seq: number; state: QnaSnapshot } | null;
  /** The running record is public within a meeting: the snapshot carries its entries themselves. */
  record: { seq: number; entries: Array<ClientEnvelope<RecordEntryView>> };
  /** The server's clock when it answered, ms since epoch. */
  serverTime: number;
}

/** `events.since { stream, seq, limit?, replay? }` → events after `seq` as this client may see them. */
export interface EventsSinceReply {
  ok: true;
  stream: StreamName;
  /**
   * In seq order; `event.redacted` where this client may not see one. Without `replay`, seqs
   * already sent on this connection are left out (the client has them), so there may be holes.
   * A `replay` (history read) returns everything and counts as no delivery.
   */
  events: Array<ClientEnvelope | RedactedEvent>;
  /** The stream's last seq now: ask again from your new seq while yours is below it. */
  head: number;
  serverTime: number;
}

/** Second argument of every `events` message (and a field of every transient message). */
export interface BatchMeta {
  /** The server's clock when it sent the batch, ms since epoch. */
  serverTime: number;
  /**
   * The newest public floor view when it went out with this batch (one socket message instead of
   * two): the same payload a `floor.view` message carries, to apply after the batch's events.
   * Absent when the view was sent as its own `floor.view` message (or there was none).
   */
  floorView?: FloorViewPayload;
}
