import type { Actor } from './roles';

/**
 * Each meeting has independent, gapless, append-only streams:
 * - `meeting`: the floor (meeting, items, lists of speakers, speeches, clock, presence);
 * - `qna`: the live Q&A question lifecycle (votes are tallied apart, see qna contracts);
 * - `record`: running-record entries, appended only after they are committed to Postgres.
 * A client tracks one `seq` per stream.
 */
export const STREAMS = ['meeting', 'qna', 'record'] as const;
export type StreamName = (typeof STREAMS)[number];

/**
 * Who may see an event in full. Everyone else in the meeting receives a placeholder
 * (`event.redacted` with the stream and seq) so that no client ever waits for a seq it
 * may not see.
 * - public: every connected client of the meeting;
 * - delegates: chair, secretariat, moderators and all delegates (not viewers);
 * - staff: chair and secretariat;
 * - moderators: chair, secretariat and moderators;
 * - delegation: only the delegation / participant named (a vote before the close, R50: not even the chair).
 * `delegationId` / `participantId` additionally let that delegation / participant see it.
 */
export interface Visibility {
  scope: 'public' | 'delegates' | 'staff' | 'moderators' | 'delegation';
  delegationId?: string;
  participantId?: string;
}

/** What a decider returns: an event not yet numbered. */
export interface DomainEvent<P = Record<string, unknown>> {
  type: string;
  payload: P;
  visibility: Visibility;
  /** Agenda item the event belongs to, when there is one (R43). */
  itemId?: string;
}

/** An event as stored in a stream and delivered to clients. */
export interface EventEnvelope<P = Record<string, unknown>> extends DomainEvent<P> {
  meetingId: string;
  stream: StreamName;
  seq: number;
  /** Server time, ms since epoch. */
  at: number;
  actor: Actor;
  commandId: string;
}

/** Who and when for a command's events: one command, one actor, one server time (R43). */
export interface StampMeta { commandId: string; actor: Actor; at: number }

/**
 * Numbers and stamps a command's events as the event log stores them (R43): seq follows the
 * stream's head (`headSeq + 1`, `+ 2`, …, gapless), every event gets the server time, actor
 * and commandId of the command, and keeps its agenda item. The one place envelopes are made:
 * `EventLog.append` uses it, and so do the domain's test meetings.
 */
export function stampEvents(meetingId: string, stream: StreamName, headSeq: number, events: readonly DomainEvent[], meta: StampMeta): EventEnvelope[] {
  return events.map((e, i) => ({
    meetingId, stream, seq: headSeq + i + 1, at: meta.at, actor: meta.actor, commandId: meta.commandId,
    type: e.type, payload: e.payload, visibility: e.visibility, ...(e.itemId ? { itemId: e.itemId } : {}),
  }));
}

/** Sent instead of an event the receiving client may not see. */
export interface RedactedEvent {
  meetingId: string;
  stream: StreamName;
  seq: number;
  type: 'event.redacted';
}

export const REDACTED_EVENT = 'event.redacted';

/**
 * The socket event that carries events to clients: an array of envelopes (or placeholders) in
 * seq order. The gateway sends one per socket per fan-out round, so a busy meeting costs each
 * client a few messages a second, not one per event.
 */
export const EVENTS_MESSAGE = 'events';
