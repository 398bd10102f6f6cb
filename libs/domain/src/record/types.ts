import type { RecordEntryView, ResolvedMeetingSetup } from '@rostrum/contracts';

/**
 * One intervention as the record keeps it: every R44 field. Times are ms since epoch,
 * durations are whole seconds. Names are copied at the time of the speech so the record
 * stays right even if the setup changes later.
 */
export interface InterventionRecord {
  /** The floor's entry id of the speech. */
  interventionId: string;
  /** R44 sequence number: the seq of the `speech.ended` event on the meeting stream. */
  seq: number;
  /** Ordinal in the meeting (1, 2, 3…, in seq order), for people to cite. */
  number: number;
  itemId: string;
  delegationId: string;
  delegationName: string;
  tier?: string;
  speakerName: string;
  speakerTitle?: string;
  level?: string;
  /** National, or on behalf of a group (R3, R38). */
  capacity: 'national' | 'group';
  groupId?: string;
  groupName?: string;
  /** "Senegal, on behalf of the African Group" as the floor printed it (R38). */
  capacityLabel?: string;
  /** statement, point-of-order, right-of-reply, question, procedural-motion. */
  type: string;
  mode: 'in-room' | 'remote';
  inscribedAt?: number;
  calledAt?: number;
  startedAt: number;
  endedAt: number;
  allottedSeconds: number;
  netSeconds: number;
  pauses: Array<{ from: number; to?: number; reason?: string; clockRan?: boolean }>;
  pausedSeconds?: number;
  overrunSeconds: number;
  /** How many warnings were given (R34); `warnings` holds the seconds-left of each. */
  warningsGiven: number;
  warnings?: number[];
  expired?: boolean;
  endReason?: string;
  yieldedFrom?: string;
  /** Right of reply: the intervention it answers (R24). */
  replyToInterventionId?: string;
  /** Optional participant field (setup): 'female', 'male', 'other'. Women, Peace and Security reporting counts it. */
  gender?: string;
  /** Language of delivery: an official language code (ar, zh, en, fr, ru, es) or another language's name. */
  language?: string;
  /** Kind of delegation for statistics (setup `category`, else guessed from the profile tier). */
  category?: DelegationCategory;
  /** Point of order: the chair's ruling (R21). */
  ruling?: { decision: string; text?: string; at?: number };
}

/** Tiers of the statistics: what kind of delegation spoke. */
export const DELEGATION_CATEGORIES = ['member-state', 'observer-state', 'intergovernmental-organization', 'regional-economic-community', 'un-entity', 'civil-society'] as const;
export type DelegationCategory = (typeof DELEGATION_CATEGORIES)[number];

/**
 * The header of a record: the setup's identity fields (`timeZone` prints clock times; UTC when
 * unset), and what the summary record's masthead needs: document symbol, session, meeting
 * number and who presided.
 */
export type RecordMeetingHeader = Pick<ResolvedMeetingSetup, 'meetingId' | 'title' | 'body' | 'venue' | 'date' | 'timeZone'> & {
  symbol?: string;
  session?: string;
  meetingNumber?: number;
  /** The presiding officer(s), in the order of the setup (co-chairs). */
  presiding?: Array<{ name: string; title?: string; delegation?: string }>;
};

/** An entry with its full version history (oldest first); the last version is current. */
export interface RecordEntryWithHistory {
  current: RecordEntryView;
  history: RecordEntryView[];
}

/** Everything an export needs, loaded from Postgres by the caller. */
export interface RecordDocument {
  meeting: RecordMeetingHeader;
  items: Array<{ id: string; title: string; position: number }>;
  entries: RecordEntryWithHistory[];
  interventions: InterventionRecord[];
  /** e-Statements already delivered, published with their intervention (issue 12). */
  statements?: Array<{ statementId: string; interventionId: string; delegationId: string; language?: string; text: string; hasPdf: boolean }>;
}
