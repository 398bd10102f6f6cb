import type { RedactedEvent } from '../core/envelope';
import type { FloorEventPayloads } from '../floor/events';
import type { FloorViewPayload } from '../floor/view';
import type {
  QnaAnsweredPayload, QnaAskedPayload, QnaHighlightedPayload, QnaPublishedPayload, QnaRestoredPayload, QnaSetAsidePayload, QnaTalliesPayload,
} from '../qna/events';
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

const STAFF_AND_OWN = 'chair, secretariat and the delegation concerned (others: event.redacted)';

/** Who receives each event in full. */
export const EVENT_AUDIENCE: Record<keyof EventPayloadMap, string> = {
  'meeting.created': 'everyone in the meeting',
  'meeting.opened': 'everyone', 'meeting.suspended': 'everyone', 'meeting.resumed': 'everyone', 'meeting.adjourned': 'everyone',
  'item.takenUp': 'everyone', 'item.concluded': 'everyone',
  'floor.requested': 'everyone (a statement on the list is public)', 'floor.amended': 'everyone',
  'floor.withdrawn': `everyone; ${STAFF_AND_OWN} while the request was still pending`,
  'floor.declined': 'everyone', 'floor.reordered': 'everyone', 'floor.given': 'everyone', 'entry.missed': 'everyone',
  'reply.requested': STAFF_AND_OWN, 'reply.granted': 'everyone', 'reply.declined': STAFF_AND_OWN,
  'pointOfOrder.raised': STAFF_AND_OWN, 'pointOfOrder.ruled': 'everyone', 'pointOfOrder.appealed': 'everyone', 'pointOfOrder.appealDecided': 'everyone',
  'motion.moved': 'everyone', 'motion.decided': 'everyone',
  'speech.started': 'everyone', 'speech.paused': 'everyone', 'speech.resumed': 'everyone', 'speech.yielded': 'everyone', 'speech.ended': 'everyone',
  'speaker.onDeck': 'everyone',
  'clock.warning': 'everyone', 'clock.expired': 'everyone', 'clock.extended': 'everyone', 'limits.changed': 'everyone', 'speechLimit.extended': 'everyone',
  'list.announced': 'everyone', 'list.closed': 'everyone', 'list.reopened': 'everyone',
  'chair.calledToOrder': 'everyone',
  'presence.updated': STAFF_AND_OWN,
  'participant.added': 'chair and secretariat (and the delegation concerned)',
  'meeting.rose': 'everyone',
  'inscription.acknowledged': STAFF_AND_OWN,
  'exchange.proposed': 'chair, secretariat and delegates', 'exchange.confirmed': 'chair, secretariat and delegates', 'exchange.approved': 'everyone',
  'vote.opened': 'everyone',
  'vote.cast': 'only the voting delegation (not even the chair: no tally before the close, R50; others: event.redacted)',
  'vote.closed': 'everyone', 'vote.explained': 'everyone', 'pointOfOrder.rulingUndone': 'everyone',
  'qna.asked': 'chair, secretariat, moderators and the asker (others: event.redacted)',
  'qna.published': 'everyone', 'qna.highlighted': 'everyone', 'qna.answered': 'everyone',
  'qna.dismissed': 'moderators and the asker; everyone when the question was public',
  'qna.archived': 'moderators and the asker; everyone when the question was public',
  'qna.restored': 'moderators and the asker; everyone when the question becomes public again',
  'qna.tallies': 'everyone (transient, not in a stream)',
  'floor.view': 'everyone (transient, not in a stream; staff and delegate consoles use their own snapshot)',
  'record.entry': 'everyone (published only after the entry is committed to Postgres)',
  'record.revised': 'everyone',
  'event.redacted': 'clients that may not see the event at that seq',
};

/** The stream an event belongs to (its seq counts in that stream). */
export function streamOf(type: string): 'meeting' | 'qna' | 'record' | 'transient' | 'any' {
  if (type === 'qna.tallies' || type === 'floor.view') return 'transient';
  if (type === 'event.redacted') return 'any';
  if (type.startsWith('qna.')) return 'qna';
  if (type.startsWith('record.')) return 'record';
  return 'meeting';
}
