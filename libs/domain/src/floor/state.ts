import { freeze } from 'immer';
import type {
  Capacity, EntrySnapshot, ExchangeView, EntryStatus, Level, Majority, MotionView, Mode, PauseRecord, RulesProfile, RulingEffect, Sitting,
  VoteChoice, VoteQuestion, VoteResult,
} from '@rostrum/contracts';

/** A place on a list, with what the engine needs beyond the public snapshot. Plain data. */
export interface Entry extends EntrySnapshot {
  status: EntryStatus;
  /** Sort time: the inscription time, renewed when the entry loses its place (R6, R40). */
  orderAt: number;
  /** Monotonic number of the entry in the meeting: tie-break for FCFS (R9). */
  ordinal: number;
  missedOnce: boolean;
  calledAt?: number;
  grantedAt?: number;
  ruling?: { decision: 'upheld' | 'rejected'; text: string };
  /** R37: yielded time cannot be yielded again. */
  yieldedFrom?: string;
  /** R45: carried over when a meeting rose: its rank at the head of the list (0 first). */
  carried?: number;
  /** R45: the meeting (sitting number) in which the entry was heard. */
  heardInSitting?: number;
}

/** R48: an exchange of places, from proposal to approval (the shape the snapshot publishes). */
export type Exchange = ExchangeView;

/** R49–R53: the question before the meeting while its vote is open. Ballots stay here until the close (R50). */
export interface OpenVote {
  voteId: string;
  question: VoteQuestion;
  itemId?: string;
  recorded: boolean;
  majority: Majority;
  /** delegation id → its current vote (R49: one per delegation; R50: changeable until the close). */
  ballots: Record<string, VoteChoice>;
}

/** A pending procedural motion on an item (R32): the shape the snapshot publishes. */
export type MotionState = MotionView;

export interface ItemState {
  id: string;
  title: string;
  position: number;
  status: 'pending' | 'open' | 'concluded';
  list: 'open' | 'announced' | 'closed';
  /** R15: once the chair moves an entry, the ordinary band follows this explicit order. */
  manualOrder: string[] | null;
  /** R36: speeches the chair added per delegation beyond maxSpeechesPerItem. */
  extraSpeeches: Record<string, number>;
  /** R14: position of the last speaker heard for or against. */
  lastPosition: 'for' | 'against' | null;
  motion: MotionState | null;
  /** Entry ids of interventions delivered on the item (R24 replyTo targets). */
  delivered: string[];
}

/** The running speech (the one holding the floor, possibly paused). */
export interface Speech {
  entryId: string;
  itemId: string;
  delegationId: string;
  calledAt: number;
  startedAt: number;
  allottedSeconds: number;
  paused: boolean;
  pauseReason: 'chair' | 'point-of-order' | 'disconnected' | null;
  /** When the clock stopped; null while it runs (R20: it may run during a pause). */
  clockStoppedAt: number | null;
  pausedMs: number;
  pauses: PauseRecord[];
  /** R44: every warning given, in order. */
  warningsGiven: number[];
  /** Thresholds already warned for the current limit (an extension re-arms them). */
  warned: number[];
  expiredAt: number | null;
  yieldedFrom?: string;
  yieldedToQuestions?: boolean;
}

export interface Presence { status: 'connected' | 'dropped' | 'back'; mode?: Mode; at: number }

export interface DelegationInfo { id: string; name: string; tier: string; groups: string[] }
export interface GroupInfo { id: string; name: string; coordinatorDelegationId?: string }
export interface ParticipantInfo { id: string; name: string; title?: string; level: Level; role: string; delegationId?: string; gender?: string; language?: string }

export interface FloorState {
  meetingId: string;
  seq: number;
  created: boolean;
  /** `risen`: a meeting of the session rose; the next one opens with meeting.open (R45). */
  status: 'none' | 'created' | 'open' | 'suspended' | 'risen' | 'adjourned';
  title: string;
  /** The meeting's IANA time zone (setup), for times shown to people; absent: UTC. */
  timeZone?: string;
  profile: RulesProfile | null;
  delegations: Record<string, DelegationInfo>;
  groups: Record<string, GroupInfo>;
  participants: Record<string, ParticipantInfo>;
  itemOrder: string[];
  items: Record<string, ItemState>;
  currentItemId: string | null;
  entries: Record<string, Entry>;
  nextOrdinal: number;
  /** The entry given the floor and not yet speaking (R1). */
  called: string | null;
  speech: Speech | null;
  /** R19: the speech a point of order interrupted while the point itself is heard. */
  interrupted: Speech | null;
  /** R18: points of order raised and not yet ruled, in the order raised. */
  pointsOfOrder: string[];
  /** R22: the last ruling, appealable until the next business. */
  appeal: { entryId: string; status: 'appealable' | 'appealed'; effect?: RulingEffect; undo?: { restoredStatus: 'waiting' | 'requested'; allottedSeconds?: number } } | null;
  presence: Record<string, Presence>;
  /** R45: number of the meeting running or last held (0 before the first). */
  sitting: number;
  /** R45, R47: the planned meetings of the session. */
  sittings: Sitting[];
  /** Server time of the last event applied (R47 estimates are computed from it). */
  lastAt: number;
  /** R48 */
  exchanges: Record<string, Exchange>;
  nextExchange: number;
  /** R50: the vote open, if any. */
  vote: OpenVote | null;
  /** R54: results of closed votes, by id. */
  closedVotes: Record<string, VoteResult>;
  nextVote: number;
}

/** The state of a meeting before its first event (seq 0), deeply frozen like every state `evolveFloor` makes. */
export function initialFloorState(meetingId: string): FloorState {
  return freeze<FloorState>({
    meetingId, seq: 0, created: false, status: 'none', title: '', profile: null,
    delegations: {}, groups: {}, participants: {}, itemOrder: [], items: {}, currentItemId: null,
    entries: {}, nextOrdinal: 1, called: null, speech: null, interrupted: null,
    pointsOfOrder: [], appeal: null, presence: {},
    sitting: 0, sittings: [], lastAt: 0, exchanges: {}, nextExchange: 1, vote: null, closedVotes: {}, nextVote: 1,
  }, true);
}

export const capacityLabel = (delegationName: string, capacity: Capacity, groups: Record<string, GroupInfo>): string =>
  capacity.kind === 'group' ? `${delegationName}, on behalf of ${groups[capacity.groupId]?.name ?? capacity.groupId}` : delegationName;

/** Public view of an entry: the snapshot fields only. */
export function snapshot(e: Entry): EntrySnapshot {
  const { status: _s, orderAt: _o, ordinal: _n, missedOnce: _m, calledAt: _c, grantedAt: _g, ruling: _r, yieldedFrom: _y, carried: _k, heardInSitting: _h, ...snap } = e;
  return snap;
}
