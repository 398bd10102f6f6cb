import type { LEVELS } from '../core/setup';
import type { Level, ResolvedMeetingSetup } from '../core/setup';
import type { Capacity, Mode, MotionKind, RequestType } from './commands';
import type { RulesProfile } from './profile';
import type { Majority, RulingEffect, VoteChoice, VoteQuestion, VoteResult } from './decisions';

/** Every event type of the floor (stream `meeting`). Past tense. */
export const FLOOR_EVENT_TYPES = [
  'meeting.created', 'meeting.opened', 'meeting.suspended', 'meeting.resumed', 'meeting.adjourned',
  'item.takenUp', 'item.concluded',
  'floor.requested', 'floor.amended', 'floor.withdrawn', 'floor.declined', 'floor.reordered', 'floor.given', 'entry.missed',
  'reply.requested', 'reply.granted', 'reply.declined',
  'pointOfOrder.raised', 'pointOfOrder.ruled', 'pointOfOrder.appealed', 'pointOfOrder.appealDecided',
  'motion.moved', 'motion.decided',
  'speech.started', 'speech.paused', 'speech.resumed', 'speech.yielded', 'speech.ended', 'speaker.onDeck',
  'clock.warning', 'clock.expired', 'clock.extended', 'limits.changed', 'speechLimit.extended',
  'list.announced', 'list.closed', 'list.reopened',
  'chair.calledToOrder',
  'presence.updated',
  'participant.added',
  'meeting.rose', 'inscription.acknowledged',
  'exchange.proposed', 'exchange.confirmed', 'exchange.approved',
  'vote.opened', 'vote.cast', 'vote.closed', 'vote.explained', 'pointOfOrder.rulingUndone',
] as const;
export type FloorEventType = (typeof FLOOR_EVENT_TYPES)[number];

export type EntryStatus = 'requested' | 'waiting' | 'called' | 'speaking' | 'done' | 'withdrawn' | 'declined' | 'missed';

/** One place on a list (R3). Carried whole by floor.requested / reply.granted / floor.given. */
export interface EntrySnapshot {
  entryId: string;
  itemId: string;
  delegationId: string;
  delegationName: string;
  tier: string;
  participantId?: string;
  speakerName: string;
  speakerTitle?: string;
  level: Level;
  capacity: Capacity;
  /** "Senegal, on behalf of the African Group" (R38). */
  capacityLabel: string;
  type: RequestType;
  mode: Mode;
  inscribedAt: number;
  requestedBy: string;
  /** Who named a speaker other than the registered one (chair or secretariat only). */
  speakerSetBy?: string;
  replyTo?: string;
  position?: 'for' | 'against';
  motion?: MotionKind;
  allottedSeconds?: number;
  text?: string;
  /** Reply number for this delegation on the item (R26, R27). */
  replyIndex?: number;
  /** Language of delivery (an official language code or another language's name). */
  language?: string;
}

export interface PauseRecord { at: number; until?: number; reason: string; clockRan: boolean }

/** R44: everything the recorder stores for one delivered intervention. */
export interface Intervention {
  /** The sequence number (R44) is the seq of the speech.ended envelope that carries this. */
  meetingId: string;
  itemId: string;
  entryId: string;
  delegationId: string;
  delegationName: string;
  speakerName: string;
  speakerTitle?: string;
  level: Level;
  capacity: Capacity;
  capacityLabel: string;
  groupId?: string;
  type: RequestType;
  mode: Mode;
  inscribedAt: number;
  calledAt: number;
  startedAt: number;
  endedAt: number;
  allottedSeconds: number;
  /** Net speaking time: elapsed minus pauses that stopped the clock. */
  netSpeakingMs: number;
  pauses: PauseRecord[];
  pausedMs: number;
  overrunMs: number;
  warningsGiven: number[];
  expired: boolean;
  replyTo?: string;
  /** Points of order only (R23, R44). */
  ruling?: { decision: 'upheld' | 'rejected'; text: string };
  yieldedFrom?: string;
  endReason: 'ended' | 'time' | 'yield' | 'ruling';
  /** Language of delivery, from the request or the speaker's setup. */
  language?: string;
}

export interface ClockState { entryId: string; startedAt: number; allottedSeconds: number; pausedMs: number; pausedAt?: number }

export interface FloorEventPayloads {
  'meeting.created': ResolvedMeetingSetup<RulesProfile>;
  /** R45: the number of the meeting (1, 2, …) within the session. */
  'meeting.opened': { sitting?: number };
  'meeting.suspended': Record<string, never>;
  'meeting.resumed': Record<string, never>;
  'meeting.adjourned': Record<string, never>;
  'item.takenUp': { itemId: string; title: string };
  'item.concluded': { itemId: string; automatic: boolean; reason?: string };
  'floor.requested': { entry: EntrySnapshot };
  'floor.amended': { entryId: string; changes: Partial<Pick<EntrySnapshot, 'capacity' | 'capacityLabel' | 'speakerName' | 'speakerTitle' | 'level' | 'type' | 'mode'>>; movedToEnd: boolean };
  'floor.withdrawn': { entryId: string; delegationId: string; by: 'delegation' | 'chair'; reason?: string };
  'floor.declined': { entryId: string; delegationId: string; reason?: string };
  'floor.reordered': { entryId: string; fromIndex: number; toIndex: number; reason?: string; by: string; order: string[] };
  'floor.given': { entry: EntrySnapshot; calledAt: number; allottedSeconds: number; callTimeoutAt?: number };
  'entry.missed': { entryId: string; delegationId: string; outcome: 'moved-to-end' | 'forfeited' };
  'reply.requested': { entry: EntrySnapshot };
  'reply.granted': { entry: EntrySnapshot; replyIndex: number; allottedSeconds: number };
  'reply.declined': { entryId: string; delegationId: string; reason?: string };
  'pointOfOrder.raised': { entry: EntrySnapshot; interrupted?: string };
  'pointOfOrder.ruled': { entryId: string; delegationId: string; decision: 'upheld' | 'rejected'; text: string; appealable: boolean; effect?: RulingEffect };
  'pointOfOrder.appealed': { entryId: string; delegationId: string };
  'pointOfOrder.appealDecided': { entryId: string; overturned: boolean; votes?: { for: number; against: number; abstain: number }; rulingStands: boolean; voteId?: string; equallyDivided?: boolean };
  'motion.moved': { kind: MotionKind; entryId: string; delegationId: string; limits: { for: number; against: number } };
  'motion.decided': { kind: MotionKind; adopted: boolean; votes?: { for: number; against: number; abstain: number }; voteId?: string; equallyDivided?: boolean };
  'speech.started': { entryId: string; delegationId: string; speakerName: string; type: RequestType; mode: Mode; startedAt: number; allottedSeconds: number; yieldedFrom?: string };
  'speech.paused': { entryId: string; at: number; reason: 'chair' | 'point-of-order' | 'disconnected'; clockRuns: boolean; alertChair: boolean };
  'speech.resumed': { entryId: string; at: number; pausedMs: number; reason: 'chair' | 'reconnected' };
  'speech.yielded': { entryId: string; to: 'chair' | 'delegation' | 'questions'; delegationId?: string; remainingSeconds: number };
  'speech.ended': { intervention: Intervention };
  'speaker.onDeck': { entryId: string; delegationId: string; speakerName: string };
  'clock.warning': { entryId: string; secondsLeft: number; at: number };
  'clock.expired': { entryId: string; at: number; policy: 'alert-chair' | 'end-after-grace'; graceSeconds: number; alertChair: true };
  'clock.extended': { entryId: string; seconds: number; allottedSeconds: number; reason?: string };
  'limits.changed': { time: RulesProfile['time']; reason?: string };
  'speechLimit.extended': { itemId: string; delegationId: string; speeches: number; reason?: string };
  'list.announced': { itemId: string };
  'list.closed': { itemId: string; consent: 'no-objection' | 'vote' | 'chair'; votes?: { for: number; against: number; abstain: number } };
  'list.reopened': { itemId: string; reason?: string };
  'chair.calledToOrder': { delegationId?: string; text: string };
  'presence.updated': { delegationId: string; status: 'connected' | 'dropped' | 'back'; mode?: Mode };
  'participant.added': { id: string; name: string; title?: string; level: (typeof LEVELS)[number]; role: string; delegationId?: string; gender?: 'female' | 'male' | 'other'; language?: string };
  /** R45: the meeting rose; the waiting speakers of each item keep their places, at the head, for the next meeting. */
  'meeting.rose': { sitting: number; carriedOver: Array<{ itemId: string; entryIds: string[] }> };
  /** R46: to the delegation (and staff): its provisional place, meeting and estimated time (R47). */
  'inscription.acknowledged': { entryId: string; itemId: string; delegationId: string; place: number; sitting: number | null; estimatedAt: number | null };
  /** R48: seen by staff and delegates; `proposedBy` etc. are participant ids. */
  'exchange.proposed': { exchangeId: string; itemId: string; entryId: string; withEntryId: string; delegationId: string; withDelegationId: string; proposedBy: string };
  'exchange.confirmed': { exchangeId: string; confirmedBy: string };
  'exchange.approved': {
    exchangeId: string; itemId: string; entryId: string; withEntryId: string; delegationId: string; withDelegationId: string;
    proposedBy: string; confirmedBy: string; approvedBy: string; order: string[]; reason?: string;
  };
  /** R50: no tally until the close. */
  'vote.opened': { voteId: string; question: VoteQuestion; recorded: boolean; majority: Majority; itemId?: string };
  /** R50: seen only by the voting delegation (scope `delegation`), never by others before the close. */
  'vote.cast': { voteId: string; delegationId: string; choice: VoteChoice; changed: boolean };
  /** R51, R52: totals; each delegation's vote when recorded. */
  'vote.closed': VoteResult;
  /** R54: recorded as such; the result does not change. */
  'vote.explained': { voteId: string; delegationId: string; intended: VoteChoice; question: VoteQuestion };
  /** R53: the overturned ruling's effect is undone (the speaker gets the floor back, the request is restored). */
  'pointOfOrder.rulingUndone': { entryId: string; effect: RulingEffect; delegationId: string; restoredStatus: 'waiting' | 'requested'; allottedSeconds?: number };
}
