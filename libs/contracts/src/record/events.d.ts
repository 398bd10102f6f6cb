import type { Actor } from '../core/roles';
/**
 * Events of the `record` stream. Each is appended only after its entry version is committed to
 * Postgres, so a viewer never sees an entry that could vanish; the stream's gapless seq is the
 * record sequence a reconnecting viewer resumes from.
 */
export declare const RecordEventType: {
    /** First version of a new entry. */
    readonly Entry: "record.entry";
    /** A later version of an existing entry (summary or correction); replaces it on screen. */
    readonly Revised: "record.revised";
};
export declare const RECORD_ENTRY_KINDS: readonly ["meeting.opened", "meeting.suspended", "meeting.resumed", "meeting.adjourned", "item.takenUp", "item.concluded", "intervention", "pointOfOrder.ruled", "pointOfOrder.appealed", "pointOfOrder.appealDecided", "list.announced", "list.closed", "list.reopened", "reply.granted", "motion.moved", "motion.decided", "timeLimit.changed", "chair.calledToOrder", "question.answered", "note"];
export type RecordEntryKind = (typeof RECORD_ENTRY_KINDS)[number];
/** One version of one record entry, as published and as exported. */
export interface RecordEntryView {
    /** Stable per meeting: `${sourceStream}-${sourceSeq}-${ordinal}`. */
    entryId: string;
    version: number;
    kind: RecordEntryKind;
    itemId?: string;
    /** Server time of the fact recorded, ms since epoch. */
    at: number;
    /** Seconds since the webcast started, when the meeting recorded one (video timecode). */
    offsetSeconds: number | null;
    text: string;
    summary?: string;
    interventionId?: string;
    source: {
        stream: 'meeting' | 'qna';
        seq: number;
    };
    /** Why and by whom this version was made (absent on version 1). */
    revision?: {
        change: 'summary' | 'correction';
        reason?: string;
        by: Actor;
        at: number;
    };
}
export type RecordEntryEventPayload = RecordEntryView;
