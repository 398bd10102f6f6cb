import type { Capacity, Mode, RequestType } from '../floor/commands';
import type { Level, ResolvedMeetingSetup } from '../core/setup';
import type { PauseRecord } from '../floor/events';
import type { RecordEntryView } from './events';

// `GET /meetings/:id/record.json`: the record as data. Field names follow the events': an
// entry is a `record.entry` payload; an intervention uses the names of `speech.ended`'s
// `intervention` (entryId, replyTo, capacity, warningsGiven, pauses…), except durations, which
// the record keeps in whole seconds (…Seconds) where the event has ms (…Ms). docs/record.schema.json
// is generated from these types.

/** One intervention (R44), as `speech.ended` told it, plus what the record adds. */
export interface RecordJsonIntervention {
  /** The floor's entry id of the speech (the `entryId` of `speech.ended.intervention`; `replyTo` of a reply to it). */
  entryId: string;
  /** R44 sequence number: the meeting-stream seq of its `speech.ended` event. */
  seq: number;
  /** Ordinal in the meeting (1, 2, 3…), for people to cite. */
  number: number;
  itemId: string;
  delegationId: string;
  delegationName: string;
  tier?: string;
  speakerName: string;
  speakerTitle?: string;
  level?: Level | string;
  capacity: Capacity;
  groupName?: string;
  capacityLabel?: string;
  type: RequestType | string;
  mode: Mode;
  /** Language of delivery: an official language code (ar, zh, en, fr, ru, es) or another language's name. */
  language?: string;
  /** ms since epoch, and the same as ISO 8601 (`…Iso`). */
  inscribedAt?: number;
  inscribedAtIso?: string;
  calledAt?: number;
  calledAtIso?: string;
  startedAt: number;
  startedAtIso?: string;
  endedAt: number;
  endedAtIso?: string;
  allottedSeconds: number;
  /** Net speaking time (the event's netSpeakingMs), whole seconds. */
  netSeconds: number;
  pauses: PauseRecord[];
  /** Time paused with the clock stopped (the event's pausedMs), whole seconds. */
  pausedSeconds?: number;
  /** Beyond the allotted time (the event's overrunMs), whole seconds. */
  overrunSeconds: number;
  /** Seconds-left of each warning given (R34). */
  warningsGiven: number[];
  expired?: boolean;
  endReason?: string;
  yieldedFrom?: string;
  /** Right of reply: the entryId of the intervention it answers (R24). */
  replyTo?: string;
  /** Point of order: the chair's ruling (R21). */
  ruling?: { decision: string; text?: string; at?: number };
}

/** A record entry (a `record.entry` / `record.revised` payload, current version) with its history, oldest first. */
export interface RecordJsonEntry extends RecordEntryView {
  atIso: string;
  history: RecordEntryView[];
}

/** The whole of `record.json`. */
export interface RecordJson {
  meeting: Pick<ResolvedMeetingSetup, 'meetingId' | 'title' | 'body' | 'venue' | 'date' | 'timeZone'>;
  items: Array<{ id: string; title: string; position: number }>;
  /** In the order of the record (by item, then time). */
  entries: RecordJsonEntry[];
  /** In the order spoken. */
  interventions: RecordJsonIntervention[];
  /** Statements delegations submitted in writing (e-statements), with the intervention they belong to. */
  statements?: Array<{ statementId: string; interventionId: string; delegationId: string; language?: string; text: string; hasPdf: boolean }>;
}
