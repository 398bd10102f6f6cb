import type { RedactedEvent } from '../core/envelope';
import type { FloorEventPayloads } from '../floor/events';
import type { FloorViewPayload } from '../floor/view';
import type { QnaAnsweredPayload, QnaAskedPayload, QnaHighlightedPayload, QnaPublishedPayload, QnaRestoredPayload, QnaSetAsidePayload, QnaTalliesPayload } from '../qna/events';
import type { RecordEntryView } from '../record/events';
/**
 * Every server → client message and its payload type: the one map `docs/asyncapi.yaml` is
 * generated from (scripts/asyncapi.js). A new event without an entry here fails the docs test.
 */
export interface EventPayloadMap extends FloorEventPayloads {
    'qna.asked': QnaAskedPayload;
    'qna.published': QnaPublishedPayload;
    'qna.highlighted': QnaHighlightedPayload;
    'qna.answered': QnaAnsweredPayload;
    'qna.dismissed': QnaSetAsidePayload;
    'qna.archived': QnaSetAsidePayload;
    'qna.restored': QnaRestoredPayload;
    /** Transient (no seq): the public view of the floor after each change, for viewer consoles. */
    'floor.view': FloorViewPayload;
    /** Transient (no seq): coalesced vote counts, at most a few per second per meeting. */
    'qna.tallies': QnaTalliesPayload;
    'record.entry': RecordEntryView;
    'record.revised': RecordEntryView;
    /** Sent instead of an event this client may not see, so its sequence stays gapless. */
    'event.redacted': RedactedEvent;
}
/** Who receives each event in full. */
export declare const EVENT_AUDIENCE: Record<keyof EventPayloadMap, string>;
/** The stream an event belongs to (its seq counts in that stream). */
export declare function streamOf(type: string): 'meeting' | 'qna' | 'record' | 'transient' | 'any';
