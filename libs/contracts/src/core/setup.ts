import { z } from 'zod';
import { ROLES } from './roles';

/** Representation levels, highest first (R12). */
export const LEVELS = [
  'head-of-state', 'head-of-government', 'vice-president', 'minister', 'vice-minister', 'head-of-delegation', 'other',
] as const;
export type Level = (typeof LEVELS)[number];

/** `__proto__` would be a prototype, not a key, when the domain stores the id in a record. */
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : - only').refine((v) => v !== '__proto__', 'a reserved name');
const name = z.string().trim().min(1).max(200);

export const QnaSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  moderation: z.enum(['pre', 'open']).default('pre'),
  /** off: names required; allowed: askers may hide their name from the public; strict: even moderators do not see it. */
  anonymity: z.enum(['off', 'allowed', 'strict']).default('allowed'),
  viewersMayAsk: z.boolean().default(true),
  viewersMayVote: z.boolean().default(true),
  maxLength: z.number().int().min(20).max(2000).default(280),
  blockedWords: z.array(z.string().trim().min(1).max(60)).max(500).default([]),
  /** Per participant: at most `questions` questions per `windowSeconds`. */
  rateLimit: z.object({ questions: z.number().int().min(1).max(100), windowSeconds: z.number().int().min(1).max(3600) })
    .default({ questions: 3, windowSeconds: 60 }),
}).strict();
export type QnaSettings = z.infer<typeof QnaSettingsSchema>;

export const DelegationSetupSchema = z.object({
  id,                                  // short code, e.g. GHA, NOR, AU
  name,
  tier: z.string().trim().min(1).max(64), // one of the profile's tiers (validated against it)
  groups: z.array(id).max(20).default([]),
  /** What kind of delegation it is, for the statistics' tiers; guessed from `tier` when unset. */
  category: z.enum(['member-state', 'observer-state', 'intergovernmental-organization', 'regional-economic-community', 'un-entity', 'civil-society']).optional(),
}).strict();

export const GroupSetupSchema = z.object({
  id,
  name,
  /** R38: the delegation that may speak on behalf of the group in this meeting. */
  coordinatorDelegationId: id.optional(),
}).strict();

export const ParticipantSetupSchema = z.object({
  id: id.optional(),
  name,
  title: z.string().trim().max(200).optional(),
  level: z.enum(LEVELS).default('other'),
  role: z.enum(ROLES),
  delegationId: id.optional(),
  /** Optional; Women, Peace and Security statistics report the share of women among speakers. */
  gender: z.enum(['female', 'male', 'other']).optional(),
  /** Usual language of delivery: ar, zh, en, fr, ru, es, or another language's name. */
  language: z.string().trim().min(2).max(40).optional(),
}).strict();

export const AgendaItemSetupSchema = z.object({ id: id.optional(), title: name }).strict();

export const ProfileChoiceSchema = z.object({
  preset: z.enum(['un-ga', 'ecosoc', 'robert', 'informal-panel', 'model-un']),
  /** Any field of the profile; deep-merged over the preset and validated by the domain. */
  overrides: z.record(z.string(), z.unknown()).default({}),
}).strict();

const isoTime = z.string().trim().max(40).refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO date-time');
/** One planned meeting of a session (R45): when it is to start and end. */
export const SittingSchema = z.object({ startsAt: isoTime, endsAt: isoTime }).strict()
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { path: ['endsAt'], message: 'a meeting ends after it starts' });
/** ISO times of a planned meeting (written out: the docs generator cannot read refined zod types). */
export interface Sitting { startsAt: string; endsAt: string }

function isTimeZone(tz: string): boolean {
  try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; }
}

export const MeetingSetupSchema = z.object({
  /** No ':' — meeting ids appear inside Redis keys and BullMQ job ids, where ':' separates. */
  id: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only').optional(),
  title: name,
  body: z.string().trim().max(200).optional(),
  venue: z.string().trim().max(200).optional(),
  date: z.string().trim().max(40).optional(),
  /** Document symbol of the summary record, e.g. "E/2026/SR.12". */
  symbol: z.string().trim().max(60).optional(),
  /** Session or series the meeting belongs to, printed under the body. */
  session: z.string().trim().max(200).optional(),
  /** Number of the meeting in its session ("12th meeting"). */
  meetingNumber: z.number().int().min(1).max(100000).optional(),
  /** IANA time zone of the venue: the record prints clock times in it (UTC when unset). */
  timeZone: z.string().trim().max(64).refine(isTimeZone, 'must be an IANA time zone, e.g. America/New_York').optional(),
  public: z.boolean().default(true),
  /**
   * Who may follow a public meeting: `anyone` (an anonymous viewer identity per browser) or
   * `verified` (only viewers registered by the secretariat, with their own access links).
   */
  viewers: z.enum(['anyone', 'verified']).default('anyone'),
  profile: ProfileChoiceSchema,
  items: z.array(AgendaItemSetupSchema).min(1).max(100),
  groups: z.array(GroupSetupSchema).max(100).default([]),
  delegations: z.array(DelegationSetupSchema).max(400).default([]),
  participants: z.array(ParticipantSetupSchema).max(5000).default([]),
  qna: QnaSettingsSchema.default(QnaSettingsSchema.parse({})),
  /**
   * R45, R47: the numbered meetings (sittings) this session is planned to hold, in order, e.g.
   * the mornings and afternoons of a general debate week. The provisional list places each
   * speaker in one of them. Empty: one meeting, unscheduled.
   */
  sittings: z.array(SittingSchema).max(200).default([]),
}).strict();
export type MeetingSetupInput = z.input<typeof MeetingSetupSchema>;
export type MeetingSetup = z.infer<typeof MeetingSetupSchema>;

/**
 * The setup as the domain sees it, carried by the first event of a meeting (`meeting.created`).
 * Ids are filled in, the profile is resolved (preset + overrides), participants carry no secrets.
 */
export interface ResolvedMeetingSetup<Profile = unknown> {
  meetingId: string;
  title: string;
  body?: string;
  venue?: string;
  date?: string;
  symbol?: string;
  session?: string;
  meetingNumber?: number;
  timeZone?: string;
  public: boolean;
  /** `verified`: no anonymous viewer identities (docs/security.md). */
  viewers?: 'anyone' | 'verified';
  profile: Profile;
  items: Array<{ id: string; title: string; position: number }>;
  groups: Array<{ id: string; name: string; coordinatorDelegationId?: string }>;
  delegations: Array<{ id: string; name: string; tier: string; groups: string[]; category?: string }>;
  participants: Array<{ id: string; name: string; title?: string; level: (typeof LEVELS)[number]; role: (typeof ROLES)[number]; delegationId?: string; gender?: string; language?: string }>;
  qna: QnaSettings;
  /** R45, R47: planned meetings of the session (absent in logs written before they existed). */
  sittings?: Sitting[];
}
