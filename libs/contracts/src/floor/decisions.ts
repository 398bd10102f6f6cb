import { z } from 'zod';
import type { CommandSpec } from '../core/command';
import type { MotionKind } from './commands';

// Commands of sections J and K of RULES.md: debates across meetings (R45), exchanges of places
// (R48) and votes (R49–R54). Spread into FLOOR_COMMANDS; the floor owns them.
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : - only');
const reason = z.string().trim().min(1).max(500).optional();

export const VOTE_CHOICES = ['yes', 'no', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];
export const MAJORITIES = ['simple', 'two-thirds'] as const;
export type Majority = (typeof MAJORITIES)[number];

/** R49/R53: what the chair puts to the vote. An appeal or a motion is the one pending. */
export const VoteQuestionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('appeal') }).strict(),
  z.object({ kind: z.literal('motion') }).strict(),
  z.object({ kind: z.literal('text'), text: z.string().trim().min(1).max(500) }).strict(),
]);

export const VoteOpenSchema = z.object({
  question: VoteQuestionSchema,
  /** R52: defaults to the profile's voting.recordedByDefault. */
  recorded: z.boolean().optional(),
  /** R51: defaults to the profile's voting.majority (a text may need two thirds). */
  majority: z.enum(MAJORITIES).optional(),
}).strict();
export const VoteCastSchema = z.object({ voteId: id.optional(), choice: z.enum(VOTE_CHOICES) }).strict();
export const VoteCloseSchema = z.object({ voteId: id.optional() }).strict();
export const VoteExplainSchema = z.object({ voteId: id, intended: z.enum(VOTE_CHOICES) }).strict();

export const PlaceProposeSchema = z.object({ entryId: id, withEntryId: id }).strict();
export const ExchangeRefSchema = z.object({ exchangeId: id, reason }).strict();

const spec = (roles: CommandSpec['roles'], schema: z.ZodType, summary: string): CommandSpec => ({ owner: 'floor', roles, schema, summary });

/** Commands of sections J and K (R45–R54): payload schema, roles, summary. Part of FLOOR_COMMANDS. */
export const DECISION_COMMANDS = {
  'meeting.rise': spec(['chair'], z.object({}).strict(), 'The meeting rises; the debate continues at the next meeting, speakers not reached keep their places (R45).'),
  'place.propose': spec(['chair', 'secretariat', 'delegate'], PlaceProposeSchema, 'Propose to exchange places with another delegation (R48).'),
  'place.confirm': spec(['chair', 'secretariat', 'delegate'], ExchangeRefSchema, 'The other delegation confirms a proposed exchange (R48).'),
  'place.approve': spec(['chair', 'secretariat'], ExchangeRefSchema, 'Approve a confirmed exchange of places (R48).'),
  'vote.open': spec(['chair'], VoteOpenSchema, 'Put a question (the pending appeal or motion, or a text) to the vote and open it (R49, R50, R53).'),
  'vote.cast': spec(['delegate'], VoteCastSchema, 'Vote yes, no or abstain; changeable until the close (R49, R50).'),
  'vote.close': spec(['chair'], VoteCloseSchema, 'Close the vote and announce the result (R50–R53).'),
  'vote.explain': spec(['delegate'], VoteExplainSchema, 'State, after the close, how the delegation had intended to vote (R54).'),
} satisfies Record<string, CommandSpec>;

/** The question as put, with what it refers to. */
export type VoteQuestion =
  | { kind: 'appeal'; entryId: string; text: string }
  | { kind: 'motion'; motion: MotionKind; entryId: string; text: string }
  | { kind: 'text'; text: string };

export interface VoteTotals { yes: number; no: number; abstain: number }

/** R51–R53: the outcome of a closed vote, as `vote.closed` carries it. */
export interface VoteResult {
  voteId: string;
  question: VoteQuestion;
  itemId?: string;
  recorded: boolean;
  majority: Majority;
  totals: VoteTotals;
  adopted: boolean;
  /** R51: an equal division; the proposal is not adopted. */
  equallyDivided: boolean;
  /** R52: recorded votes only, in the order of the delegations' names. */
  ballots?: Array<{ delegationId: string; delegationName: string; choice: VoteChoice }>;
}

/** R53: what a ruling decided, so an overturn can undo it. */
export const RulingEffectSchema = z.discriminatedUnion('kind', [
  /** The speaker interrupted by the point of order is ruled out of order and loses the floor. */
  z.object({ kind: z.literal('out-of-order'), entryId: id }).strict(),
  /** A pending request (right of reply, entry on the list, motion) is refused. */
  z.object({ kind: z.literal('refuse-request'), entryId: id }).strict(),
]);
export type RulingEffect = z.infer<typeof RulingEffectSchema>;
