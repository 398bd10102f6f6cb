// The protocol as the consoles see it, typed from @rostrum/contracts (types only: erased at
// build, so no bundler is needed). The floor projection is the shape of the domain's
// projectFloor(); contracts do not type it yet, so the fields used here are declared here.
import type { z } from 'zod';
import type {
  Ack, EntrySnapshot, EventEnvelope, FloorCommandName, FloorEventPayloads, FloorRequestSchema, ListCloseSchema,
  QnaAnswerSchema, QnaAskSchema, QnaCommandType, QnaDismissSchema, QnaHighlightSchema, QnaQuestionRefSchema,
  QnaTalliesPayload, RECORD_COMMANDS, RecordCorrectSchema, RecordEntryView, RecordSummarizeSchema, ReorderSchema,
  ExtendSchema, RuleSchema, RulesProfile, StreamName, QnaStatus, QnaPublicQuestion, Role, EntryStatus, Mode, FloorViewPayload,
  VoteChoice, VoteQuestion, VoteResult,
} from '@rostrum/contracts';

export type { VoteChoice, VoteResult, FloorViewPayload, QnaPublicQuestion, Ack, EntrySnapshot, EventEnvelope, FloorEventPayloads, RecordEntryView, StreamName, QnaTalliesPayload, QnaStatus, Role, Mode };

export type CommandName = FloorCommandName | QnaCommandType | keyof typeof RECORD_COMMANDS;

/** Payloads of the commands the consoles send, from the schemas the gateway validates with. */
export interface CommandPayloads {
  'floor.request': z.input<typeof FloorRequestSchema>;
  'chair.reorder': z.input<typeof ReorderSchema>;
  'chair.extend': z.input<typeof ExtendSchema>;
  'pointOfOrder.rule': z.input<typeof RuleSchema>;
  'list.close': z.input<typeof ListCloseSchema>;
  'qna.ask': z.input<typeof QnaAskSchema>;
  'qna.vote': z.input<typeof QnaQuestionRefSchema>;
  'qna.approve': z.input<typeof QnaQuestionRefSchema>;
  'qna.restore': z.input<typeof QnaQuestionRefSchema>;
  'qna.highlight': z.input<typeof QnaHighlightSchema>;
  'qna.answer': z.input<typeof QnaAnswerSchema>;
  'qna.dismiss': z.input<typeof QnaDismissSchema>;
  'record.summarize': z.input<typeof RecordSummarizeSchema>;
  'record.correct': z.input<typeof RecordCorrectSchema>;
}
export type PayloadOf<N extends CommandName> = N extends keyof CommandPayloads ? CommandPayloads[N] : Record<string, unknown>;

export type FloorEvent<T extends keyof FloorEventPayloads = keyof FloorEventPayloads> = EventEnvelope<FloorEventPayloads[T]> & { type: T };

export interface EntryView extends EntrySnapshot {
  status: EntryStatus; calledAt?: number; ruling?: { decision: 'upheld' | 'rejected'; text: string };
  /** R47: provisional meeting and estimated time (waiting speakers on a list). */
  sitting?: number | null; estimatedAt?: number | null;
}

export interface ClockView {
  entryId: string; delegationId: string; startedAt: number; allottedSeconds: number;
  paused: boolean; clockStoppedAt: number | null; pausedMs: number; elapsedMs?: number;
  warningsGiven: number[]; expiredAt: number | null;
}

export interface ListView { status: 'open' | 'announced' | 'closed'; replies: EntryView[]; motionSpeakers: EntryView[]; speakers: EntryView[]; laterReplies: EntryView[] }

export interface Presence { status: 'connected' | 'dropped' | 'back'; mode?: Mode; at: number }

export interface FloorView {
  meetingId: string; seq: number; created: boolean; title?: string;
  status?: 'created' | 'open' | 'suspended' | 'risen' | 'adjourned';
  /** R45: the meeting running or last held. */
  sitting?: number;
  /** R50: the open question, without any tally. */
  vote?: { voteId: string; question: VoteQuestion; recorded: boolean; majority: string; status: 'open' } | null;
  /** R51, R52: the last closed vote. */
  lastVote?: VoteResult | null;
  appeal?: { entryId: string; status: 'appealable' | 'appealed' } | null;
  /** The delegate's own ballot while the vote is open. */
  myVote?: VoteChoice | null;
  profile?: RulesProfile;
  currentItemId?: string | null;
  items?: Array<{ id: string; title: string; position: number; status: string; list: string }>;
  delegations?: Array<{ id: string; name: string; tier: string; groups: string[] }>;
  groups?: Array<{ id: string; name: string; coordinatorDelegationId?: string }>;
  lists?: Record<string, ListView>;
  pointsOfOrder?: EntryView[];
  pendingRequests?: EntryView[];
  called?: EntryView | null;
  onDeck?: EntryView | null;
  speech?: (ClockView & { speaker: EntryView }) | null;
  interrupted?: ClockView | null;
  myEntries?: EntryView[];
  myPresence?: Presence | null;
  presence?: Record<string, Presence>;
}

export interface QnaQuestionView extends QnaPublicQuestion {
  votes: number; mine?: true; anonymous?: boolean;
  asker?: { participantId: string; name?: string; delegationId?: string };
  setAsideFrom?: QnaStatus;
}
export interface QnaView { meetingId: string; seq: number; highlightedId: string | null; questions: QnaQuestionView[] }

export interface Snapshot {
  ok: true;
  meetingId: string;
  you: { meetingId: string; role: Role; delegationId?: string; participantId: string };
  meeting: { seq: number; state: FloorView };
  qna: { seq: number; state: QnaView } | null;
  record: { seq: number; entries: Array<EventEnvelope<RecordEntryView>> };
}

/** What an access token says about its holder (one definition, in the shared shell). */
export type { Claims } from '../shell/session.js';
