import type { Actor } from './roles';
/**
 * Each meeting has independent, gapless, append-only streams:
 * - `meeting`: the floor (meeting, items, lists of speakers, speeches, clock, presence);
 * - `qna`: the live Q&A question lifecycle (votes are tallied apart, see qna contracts);
 * - `record`: running-record entries, appended only after they are committed to Postgres.
 * A client tracks one `seq` per stream.
 */
export declare const STREAMS: readonly ["meeting", "qna", "record"];
export type StreamName = (typeof STREAMS)[number];
/**
 * Who may see an event in full. Everyone else in the meeting receives a placeholder
 * (`event.redacted` with the stream and seq) so that no client ever waits for a seq it
 * may not see.
 * - public: every connected client of the meeting;
 * - delegates: chair, secretariat, moderators and all delegates (not viewers);
 * - staff: chair and secretariat;
 * - moderators: chair, secretariat and moderators.
 * `delegationId` / `participantId` additionally let that delegation / participant see it.
 */
export interface Visibility {
    scope: 'public' | 'delegates' | 'staff' | 'moderators';
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
/** Sent instead of an event the receiving client may not see. */
export interface RedactedEvent {
    meetingId: string;
    stream: StreamName;
    seq: number;
    type: 'event.redacted';
}
export declare const REDACTED_EVENT = "event.redacted";
/**
 * The socket event that carries events to clients: an array of envelopes (or placeholders) in
 * seq order. The gateway sends one per socket per fan-out round, so a busy meeting costs each
 * client a few messages a second, not one per event.
 */
export declare const EVENTS_MESSAGE = "events";
