import { z } from 'zod';
import type { CommandSpec } from '../core/command';
import type { Role } from '../core/roles';

// Owned by the qna capability (apps/qna). The gateway validates payloads with these schemas;
// meeting-specific limits (settings.maxLength, blocked words, rate limit) are checked by the domain.

const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : - only');
const questionRef = z.object({ questionId: id }).strict();

/** Hard ceiling at the edge; the meeting's own settings.maxLength (20–2000) is usually lower. */
export const QNA_MAX_TEXT = 2000;
export const QNA_MAX_ANSWER = 5000;
export const QNA_MAX_LABELS = 5;

export const QnaAskSchema = z.object({
  text: z.string().max(QNA_MAX_TEXT),
  /** Hide the asker's name from the public (settings.anonymity 'allowed' or 'strict'). */
  anonymous: z.boolean().default(false),
  /** Addressed to an agenda item … */
  itemId: id.optional(),
  /** … and/or to one panelist (a participant of the meeting). */
  panelistId: id.optional(),
  labels: z.array(z.string().trim().min(1).max(32)).max(QNA_MAX_LABELS).default([]),
}).strict();
export type QnaAskPayload = z.infer<typeof QnaAskSchema>;

export const QnaVoteSchema = questionRef;
export type QnaVotePayload = z.infer<typeof QnaVoteSchema>;

/** `questionId: null` clears the big screen. */
export const QnaHighlightSchema = z.object({ questionId: id.nullable() }).strict();
export type QnaHighlightPayload = z.infer<typeof QnaHighlightSchema>;

export const QnaAnswerSchema = z.object({
  questionId: id,
  /** live: answered by the panel in the room; written: answered in text by the moderator. */
  mode: z.enum(['live', 'written']),
  text: z.string().trim().min(1).max(QNA_MAX_ANSWER).optional(),
}).strict().refine((a) => a.mode !== 'written' || a.text !== undefined, {
  message: 'a written answer needs text', path: ['text'],
});
export type QnaAnswerPayload = z.infer<typeof QnaAnswerSchema>;

export const QnaDismissSchema = z.object({ questionId: id, reason: z.string().trim().max(200).optional() }).strict();
export type QnaDismissPayload = z.infer<typeof QnaDismissSchema>;

export const QnaQuestionRefSchema = questionRef;
export type QnaQuestionRef = z.infer<typeof QnaQuestionRefSchema>;

/** Who may ask and vote (viewers also subject to settings.viewersMayAsk / viewersMayVote). */
export const QNA_PARTICIPANT_ROLES: readonly Role[] = ['viewer', 'delegate'];
/** Who runs the Q&A. */
export const QNA_MODERATOR_ROLES: readonly Role[] = ['moderator', 'chair', 'secretariat'];

const spec = (roles: readonly Role[], schema: CommandSpec['schema'], summary: string): CommandSpec =>
  ({ owner: 'qna', roles, schema, summary });

export const QNA_COMMANDS = {
  'qna.ask': spec(QNA_PARTICIPANT_ROLES, QnaAskSchema, 'Ask the panel a question (pending until approved in pre-moderated meetings).'),
  'qna.vote': spec(QNA_PARTICIPANT_ROLES, QnaVoteSchema, 'Up-vote a visible question; once per participant.'),
  'qna.unvote': spec(QNA_PARTICIPANT_ROLES, QnaVoteSchema, 'Take back one\'s vote.'),
  'qna.approve': spec(QNA_MODERATOR_ROLES, QnaQuestionRefSchema, 'Publish a pending question.'),
  'qna.highlight': spec(QNA_MODERATOR_ROLES, QnaHighlightSchema, 'Put one question on the big screen (null clears it).'),
  'qna.answer': spec(QNA_MODERATOR_ROLES, QnaAnswerSchema, 'Mark a question answered, live or in writing.'),
  'qna.dismiss': spec(QNA_MODERATOR_ROLES, QnaDismissSchema, 'Take a question off the board; kept and restorable.'),
  'qna.restore': spec(QNA_MODERATOR_ROLES, QnaQuestionRefSchema, 'Bring a dismissed or archived question back to its former state.'),
  'qna.archive': spec(QNA_MODERATOR_ROLES, QnaQuestionRefSchema, 'File a question away (e.g. answered ones after the session).'),
} satisfies Record<string, CommandSpec>;
export type QnaCommandType = keyof typeof QNA_COMMANDS;
