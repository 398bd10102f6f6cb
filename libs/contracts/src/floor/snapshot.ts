import type { Level, Sitting } from '../core/setup';
import type { RulesProfile } from './profile';
import type { EntrySnapshot, EntryStatus } from './events';
import type { Mode, MotionKind } from './commands';
import type { Majority, VoteChoice, VoteQuestion, VoteResult } from './decisions';

// The floor part of `meeting.snapshot`, per role: the shape `projectFloor` returns (the domain
// is typed against it, so this cannot drift) and docs/asyncapi.yaml documents.

/** An entry (a request for the floor) as a snapshot shows it. */
export interface EntryView extends EntrySnapshot {
  status: EntryStatus;
  /** When the chair gave it the floor (ms since epoch). */
  calledAt?: number;
  /** A point of order's ruling, once given (R21). */
  ruling?: { decision: 'upheld' | 'rejected'; text: string };
}

/**
 * The speaking clock. A client draws it itself: elapsed = (clockStoppedAt ?? serverNow) −
 * startedAt − pausedMs; left = allottedSeconds × 1000 − elapsed (R34). Times in ms since epoch.
 */
export interface ClockView {
  entryId: string;
  itemId: string;
  delegationId: string;
  startedAt: number;
  allottedSeconds: number;
  paused: boolean;
  pauseReason: 'chair' | 'point-of-order' | 'disconnected' | null;
  /** When the clock stopped; null while it runs (it may run during a pause, R20). */
  clockStoppedAt: number | null;
  pausedAt?: number;
  /** Time stopped so far, ms. */
  pausedMs: number;
  /** Only while the clock is stopped, ms. */
  elapsedMs?: number;
  /** Seconds-left thresholds already warned (R34). */
  warningsGiven: number[];
  expiredAt: number | null;
  /** R37: the entry whose time this is, when yielded. */
  yieldedFrom?: string;
}

/** A pending procedural motion on an item (R32). */
export interface MotionView {
  kind: MotionKind;
  entryId: string;
  delegationId: string;
  /** How many may speak for / against. */
  limits: { for: number; against: number };
  for: number;
  against: number;
}

/**
 * One item's list of speakers, in the order they will be heard: rights of reply already
 * granted come first (R25), then speakers on a pending motion, then the ordinary list, then
 * replies granted to be heard at the end of the item.
 */
export interface ListView {
  status: 'open' | 'announced' | 'closed';
  motion: MotionView | null;
  replies: EntryView[];
  motionSpeakers: EntryView[];
  /** Each with its provisional meeting and estimated start (R47). */
  speakers: Array<EntryView & { sitting?: number | null; estimatedAt?: number | null }>;
  laterReplies: EntryView[];
}

/** One line of the provisional list of speakers (R47), as the UN Journal prints it. */
export interface ProvisionalSpeakerView {
  /** 1, 2, … among the speakers still to be heard; null once heard. */
  place: number | null;
  entryId: string;
  delegationId: string;
  delegationName: string;
  capacityLabel: string;
  speakerName: string;
  speakerTitle?: string;
  level: Level;
  inscribedAt: number;
  status: 'heard' | 'speaking' | 'waiting';
  /** The meeting (1, 2, …) in which the speaker was or is provisionally to be heard; null beyond the planned meetings. */
  sitting: number | null;
  /** Estimated start, ms since epoch; null when it cannot be estimated. */
  estimatedAt: number | null;
  /** The slot counted for this speaker, seconds. */
  slotSeconds: number;
}

/** The provisional list of speakers of one item (R47). */
export interface ProvisionalListView {
  itemId: string;
  title: string;
  /** The meeting running or last held (0 before the first). */
  currentSitting: number;
  sittings: Array<{ number: number; startsAt: string; endsAt: string }>;
  speakers: ProvisionalSpeakerView[];
}

/** The question before the meeting while its vote is open, without any tally (R50). */
export interface OpenVoteView {
  voteId: string;
  question: VoteQuestion;
  recorded: boolean;
  majority: Majority;
  itemId?: string;
  status: 'open';
}

/** A proposed exchange of places (R48), until approved. */
export interface ExchangeView {
  exchangeId: string;
  itemId: string;
  entryId: string;
  withEntryId: string;
  delegationId: string;
  withDelegationId: string;
  proposedBy: string;
  confirmedBy: string | null;
  status: 'proposed' | 'confirmed' | 'approved';
}

/** A delegation's connection (R40, R41). */
export interface PresenceView { status: 'connected' | 'dropped' | 'back'; mode?: Mode; at: number }

/**
 * The floor as one role sees it (`meeting.snapshot` → `meeting.state`).
 * - everyone: the meeting, agenda, lists, the floor and the clock;
 * - viewers never see a request the chair has not accepted (`pendingRequests` is empty,
 *   `pointsOfOrder` holds only one being heard);
 * - delegates also get `myEntries` and `myPresence`, and see their own pending requests;
 * - chair and secretariat see every pending request and point of order, and `presence`.
 */
export interface FloorSnapshot {
  meetingId: string;
  /** The meeting stream seq this state reflects. */
  seq: number;
  /** False until `POST /meetings` created it (then nothing else is set). */
  created: boolean;
  title?: string;
  /** The meeting's IANA time zone (setup `timeZone`): every time shown to people is in it. Absent: UTC. */
  timeZone?: string;
  status?: 'none' | 'created' | 'open' | 'suspended' | 'risen' | 'adjourned';
  /** The resolved rules profile (preset + overrides). */
  profile?: RulesProfile | null;
  currentItemId?: string | null;
  items?: Array<{ id: string; title: string; position: number; status: 'pending' | 'open' | 'concluded'; list: 'open' | 'announced' | 'closed' }>;
  delegations?: Array<{ id: string; name: string; tier: string; groups: string[] }>;
  groups?: Array<{ id: string; name: string; coordinatorDelegationId?: string }>;
  /** By item id. */
  lists?: Record<string, ListView>;
  /** Points of order raised and not yet settled, in the order raised (viewers: only one being heard). */
  pointsOfOrder?: EntryView[];
  /** Requests awaiting the chair (rights of reply, …): staff all, a delegation its own, viewers none. */
  pendingRequests?: EntryView[];
  /** Given the floor, not yet speaking. */
  called?: EntryView | null;
  /** Speaks next (R42). */
  onDeck?: EntryView | null;
  speech?: (ClockView & { speaker: EntryView }) | null;
  /** The speech a point of order interrupted: paused until `speech.resume` after the ruling (R21). */
  interrupted?: ClockView | null;
  /** R22: the last ruling, appealable until the next business. */
  appeal?: { entryId: string; status: 'appealable' | 'appealed' } | null;
  /** R45: the meeting (sitting) running or last held, and the planned meetings. */
  sitting?: number;
  sittings?: Sitting[];
  /** R47: the provisional list of speakers per item (snapshot only; floor.view carries the estimates in lists). */
  provisional?: Record<string, ProvisionalListView>;
  /** R50: the vote open, if any (no tally before the close). */
  vote?: OpenVoteView | null;
  /** R51, R52: the last vote, once closed. */
  lastVote?: VoteResult | null;
  /** R48: proposed exchanges of places (viewers: none). */
  exchanges?: ExchangeView[];
  /** Delegates, while a vote is open: their delegation's current ballot. */
  myVote?: VoteChoice | null;
  /** Delegates: their delegation's entries, whatever their status. */
  myEntries?: EntryView[];
  myPresence?: PresenceView | null;
  /** Chair and secretariat: every delegation's connection, by delegation id. */
  presence?: Record<string, PresenceView>;
}
