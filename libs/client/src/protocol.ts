// The protocol as a client sees it, typed from @rostrum/contracts. Types only: erased at build,
// so this library carries no server code into a browser.
import type { z } from 'zod';
import type {
  CommandError, ErrorCode, EventEnvelope, EventPayloadMap, FLOOR_COMMANDS, FloorSnapshot, QNA_COMMANDS, QnaSnapshot, RECORD_COMMANDS, RedactedEvent,
  Role, SnapshotReply, StreamName,
} from '@rostrum/contracts';

export type { ErrorCode, EventEnvelope, EventPayloadMap, FloorSnapshot, QnaSnapshot, RedactedEvent, Role, StreamName };

type AllCommands = typeof FLOOR_COMMANDS & typeof QNA_COMMANDS & typeof RECORD_COMMANDS;
/** Every command a socket client may send (`area.verb`). */
export type CommandName = keyof AllCommands & string;
/** The payload of a command (without `commandId`, which the client adds), as the gateway validates it. */
export type CommandPayload<N extends CommandName> = z.input<AllCommands[N]['schema']>;

/** Names of the events that travel in a stream (everything but the transient messages). */
export type EventType = Exclude<keyof EventPayloadMap, 'floor.view' | 'qna.tallies' | 'event.redacted'> & string;
/** A delivered event of one type: the envelope (without its routing) and its typed payload. */
export type EventOf<T extends EventType = EventType> = Omit<EventEnvelope<EventPayloadMap[T]>, 'visibility' | 'type'> & { type: T };
/** What advances a stream's seq: an event, or a placeholder for one this client may not see. */
export type Sequenced = EventOf | RedactedEvent;
/** Transient messages: not in a stream, the latest wins. */
export type TransientName = 'floor.view' | 'qna.tallies';

/** The answer to a command. `commandId` is the one the intent was sent (and retried) with. */
export type CommandAck =
  | ({ ok: true; seq: number; commandId: string } & Record<string, unknown>)
  | { ok: false; error: CommandError & { code: ErrorCode | 'TIMEOUT' }; commandId: string };

/** The reply to `meeting.snapshot`: each stream's state for the caller's role and the seq it reflects. */
export type Snapshot<Floor = FloorSnapshot, Qna = QnaSnapshot> = Omit<SnapshotReply, 'meeting' | 'qna'> & {
  meeting: { seq: number; state: Floor };
  qna: { seq: number; state: Qna } | null;
};

/** The connection as a person would describe it. */
export type LinkStatus = 'connecting' | 'live' | 'behind' | 'offline' | 'refused';
