import { z } from 'zod';
import type { CommandSpec } from '../core/command';
import { LEVELS } from '../core/setup';
import { DECISION_COMMANDS, RulingEffectSchema } from './decisions';

// Owned by the floor capability. Each command: payload schema, roles that may send it.
// The floor service validates again with the same schemas (the decider never trusts input).
const empty = z.object({}).strict();
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : - only');
const text = (max: number) => z.string().trim().min(1).max(max);
const reason = text(500).optional();

export const REQUEST_TYPES = ['statement', 'point-of-order', 'right-of-reply', 'question', 'procedural-motion'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const MODES = ['in-room', 'remote'] as const;
export type Mode = (typeof MODES)[number];
export const MOTION_KINDS = ['adjourn-debate', 'closure-of-debate'] as const;
export type MotionKind = (typeof MOTION_KINDS)[number];

/** R3, R38: national, or on behalf of a group the delegation coordinates. */
export const CapacitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('national') }).strict(),
  z.object({ kind: z.literal('group'), groupId: id }).strict(),
]);
export type Capacity = z.infer<typeof CapacitySchema>;

export const SpeakerSchema = z.object({
  name: text(200),
  title: z.string().trim().max(200).optional(),
  level: z.enum(LEVELS).default('other'),
}).strict();

export const FloorRequestSchema = z.object({
  type: z.enum(REQUEST_TYPES),
  /** Defaults to the actor's delegation; another one needs chair or secretariat (R8). */
  delegationId: id.optional(),
  /** Defaults to the item taken up (R2). */
  itemId: id.optional(),
  capacity: CapacitySchema.default({ kind: 'national' }),
  /** Defaults to the participant sending it, else the delegation's first participant. */
  speaker: SpeakerSchema.optional(),
  mode: z.enum(MODES).default('in-room'),
  /** R24: the entry id of the intervention answered. */
  replyTo: id.optional().describe('Right of reply: the entryId (not a seq, not a delegation) of an intervention already delivered on this item (from floor.given / speech.ended).'),
  /** R14 (and R32 speakers on a motion). */
  position: z.enum(['for', 'against']).optional(),
  /** R32: the motion moved or spoken on. */
  motion: z.enum(MOTION_KINDS).optional(),
  /** R33: entry override of the time limit, chair or secretariat only. */
  allottedSeconds: z.number().int().min(10).max(7200).optional(),
  /** Points of order: what the point is about (R23). */
  text: z.string().trim().max(1000).optional(),
  /**
   * Language of delivery: ar, zh, en, fr, ru, es (the six official languages) or another
   * language's name. Defaults to the speaker's usual language from the setup. Interpreters see
   * it on the list of speakers ahead of time; the record keeps it per intervention.
   */
  language: z.string().trim().min(2).max(40).optional(),
}).strict().superRefine((v, c) => {
  if (v.type === 'right-of-reply' && !v.replyTo) c.addIssue({ code: 'custom', path: ['replyTo'], message: 'a right of reply names the intervention it answers' });
  if (v.type === 'procedural-motion' && !v.motion) c.addIssue({ code: 'custom', path: ['motion'], message: 'name the motion' });
});
export type FloorRequest = z.infer<typeof FloorRequestSchema>;

export const FloorAmendSchema = z.object({
  entryId: id,
  capacity: CapacitySchema.optional(),
  speaker: SpeakerSchema.optional(),
  type: z.enum(['statement', 'question']).optional(),
  mode: z.enum(MODES).optional(),
}).strict();

const entryRef = z.object({ entryId: id, reason }).strict();
const itemRef = z.object({ itemId: id.optional() }).strict();

export const ReorderSchema = z.object({ entryId: id, toIndex: z.number().int().min(0).max(10000), reason }).strict();
export const ExtendSchema = z.discriminatedUnion('kind', [
  /** R33: more (or, negative, less) time for the current speech. */
  z.object({ kind: z.literal('time'), seconds: z.number().int().min(-3600).max(3600).refine((n) => n !== 0), reason }).strict(),
  /** R36: allow a delegation more speeches on an item. */
  z.object({ kind: z.literal('speeches'), delegationId: id, itemId: id.optional(), speeches: z.number().int().min(1).max(20), reason }).strict(),
]);
export const LimitsChangeSchema = z.object({
  defaultSeconds: z.number().int().min(10).max(7200).optional(),
  perTypeSeconds: z.record(z.string(), z.number().int().min(10).max(7200)).optional(),
  perTierSeconds: z.record(z.string(), z.number().int().min(10).max(7200)).optional(),
  reason,
}).strict();
export const CallToOrderSchema = z.object({ delegationId: id.optional(), text: text(1000) }).strict();
export const SpeechRefSchema = z.object({ entryId: id.optional(), reason }).strict();
export const YieldSchema = z.object({ to: z.enum(['chair', 'delegation', 'questions']), delegationId: id.optional() }).strict()
  .refine((v) => v.to !== 'delegation' || !!v.delegationId, { path: ['delegationId'], message: 'name the delegation yielded to' });
/** R53: `effect` says what the ruling decides, so that an overturned ruling can be undone. */
export const RuleSchema = z.object({ entryId: id, decision: z.enum(['upheld', 'rejected']), text: text(2000), effect: RulingEffectSchema.optional() }).strict();
const votes = z.object({ for: z.number().int().min(0), against: z.number().int().min(0), abstain: z.number().int().min(0).default(0) }).strict();
export const AppealDecisionSchema = z.object({
  entryId: id,
  /** The meeting's decision: true = the ruling is overturned. */
  overturned: z.boolean(),
  votes: votes.optional().describe('The vote on the appeal: `for` = votes for the appeal (to overturn the ruling), `against` = votes for the ruling to stand (R22).'),
}).strict();
export const MotionDecisionSchema = z.object({ adopted: z.boolean(), votes: votes.optional() }).strict();
export const ListCloseSchema = z.object({ itemId: id.optional(), consent: z.enum(['no-objection', 'vote', 'chair']).default('no-objection'), votes: votes.optional() }).strict();
export const PresenceSchema = z.object({
  /** Defaults to the actor's delegation (the gateway sends it on connect/disconnect). */
  delegationId: id.optional(),
  status: z.enum(['connected', 'dropped', 'back']),
  mode: z.enum(MODES).optional(),
}).strict();
export const TimerFireSchema = z.object({ key: z.string().min(1).max(200) }).strict();

const CHAIR = ['chair'] as const;
const STAFF = ['chair', 'secretariat'] as const;
const ANY_FLOOR = ['chair', 'secretariat', 'delegate'] as const;
const spec = (roles: readonly ('chair' | 'secretariat' | 'delegate')[], schema: z.ZodType, summary: string): CommandSpec =>
  ({ owner: 'floor', roles, schema, summary });

/** Every floor command a socket client may send. `meeting.create` (REST) and `timer.fire` (server) are not here. */
export const FLOOR_COMMANDS = {
  'meeting.open': spec(CHAIR, empty, 'Open the meeting.'),
  'meeting.suspend': spec(CHAIR, empty, 'Suspend the meeting.'),
  'meeting.resume': spec(CHAIR, empty, 'Resume a suspended meeting.'),
  'meeting.adjourn': spec(CHAIR, empty, 'Adjourn the meeting.'),
  'item.takeUp': spec(STAFF, z.object({ itemId: id }).strict(), 'Take up an agenda item (its list becomes the current one).'),
  'item.conclude': spec(CHAIR, itemRef, 'Conclude the debate on an item (R31).'),
  'floor.request': spec(ANY_FLOOR, FloorRequestSchema, 'Inscribe on the list, raise a point of order, request a right of reply (R1–R38).'),
  'floor.amend': spec(ANY_FLOOR, FloorAmendSchema, 'Change an entry\'s capacity, speaker, type or mode (R6).'),
  'floor.withdraw': spec(ANY_FLOOR, entryRef, 'Withdraw a waiting entry (R7).'),
  'chair.grant': spec(CHAIR, entryRef, 'Give the floor to an entry, recognise a point of order, or grant a right of reply.'),
  'chair.decline': spec(CHAIR, entryRef, 'Refuse a right of reply or an entry.'),
  'chair.reorder': spec(CHAIR, ReorderSchema, 'Move a waiting entry (R15).'),
  'chair.next': spec(CHAIR, empty, 'Call the next speaker (R16, R21).'),
  'chair.callToOrder': spec(CHAIR, CallToOrderSchema, 'Call a speaker or the meeting to order.'),
  'chair.extend': spec(CHAIR, ExtendSchema, 'Extend the current speech or a delegation\'s speech limit (R33, R36).'),
  'limits.change': spec(CHAIR, LimitsChangeSchema, 'Change the time limits from now on (R33).'),
  'speech.start': spec(ANY_FLOOR, SpeechRefSchema, 'Start the intervention of the called entry (R1).'),
  'speech.pause': spec(STAFF, SpeechRefSchema, 'Pause the speaking clock.'),
  'speech.resume': spec(STAFF, SpeechRefSchema, 'Resume the speaking clock (R21).'),
  'speech.end': spec(ANY_FLOOR, SpeechRefSchema, 'End the current intervention.'),
  'speech.yield': spec(['chair', 'delegate'], YieldSchema, 'Yield the remaining time (R37, model-un).'),
  'pointOfOrder.rule': spec(CHAIR, RuleSchema, 'Rule on a point of order (R21).'),
  'pointOfOrder.appeal': spec(['delegate'], z.object({ entryId: id }).strict(), 'Appeal the chair\'s ruling (R22).'),
  'pointOfOrder.decideAppeal': spec(CHAIR, AppealDecisionSchema, 'Record the meeting\'s decision on an appeal (R22).'),
  'motion.decide': spec(CHAIR, MotionDecisionSchema, 'Record the meeting\'s decision on a procedural motion (R32).'),
  'list.announce': spec(STAFF, itemRef, 'Announce the list of speakers before closing it (R29).'),
  'list.close': spec(CHAIR, ListCloseSchema, 'Close the list of speakers (R29, R30).'),
  'list.reopen': spec(CHAIR, z.object({ itemId: id.optional(), reason }).strict(), 'Reopen a closed list (R30).'),
  'presence.update': spec(ANY_FLOOR, PresenceSchema, 'Connection and room/remote state of a delegation (R40, R41).'),
  ...DECISION_COMMANDS,
} satisfies Record<string, CommandSpec>;
export type FloorCommandName = keyof typeof FLOOR_COMMANDS;

/** Commands only the server sends to the floor (never accepted from a socket). */
export const FLOOR_INTERNAL_COMMANDS = ['meeting.create', 'participant.add', 'timer.fire'] as const;

/** `participant.add` (REST, operator): a participant added after the meeting was created. */
export const ParticipantAddSchema = z.object({
  id: id, name: text(200), title: z.string().trim().max(200).optional(), level: z.enum(LEVELS), role: z.string().min(1).max(20), delegationId: id.optional(),
  // As in the setup (ParticipantSetupSchema): the statistics and the language of delivery need them (issue 12).
  gender: z.enum(['female', 'male', 'other']).optional(), language: z.string().trim().min(2).max(40).optional(),
}).strict();
