import { z } from 'zod';
import type { CommandSpec } from '../core/command';
import type { Role } from '../core/roles';
/** Hard ceiling at the edge; the meeting's own settings.maxLength (20–2000) is usually lower. */
export declare const QNA_MAX_TEXT = 2000;
export declare const QNA_MAX_ANSWER = 5000;
export declare const QNA_MAX_LABELS = 5;
export declare const QnaAskSchema: z.ZodObject<{
    text: z.ZodString;
    anonymous: z.ZodDefault<z.ZodBoolean>;
    itemId: z.ZodOptional<z.ZodString>;
    panelistId: z.ZodOptional<z.ZodString>;
    labels: z.ZodDefault<z.ZodArray<z.ZodString>>;
}, z.core.$strict>;
export type QnaAskPayload = z.infer<typeof QnaAskSchema>;
export declare const QnaVoteSchema: z.ZodObject<{
    questionId: z.ZodString;
}, z.core.$strict>;
export type QnaVotePayload = z.infer<typeof QnaVoteSchema>;
/** `questionId: null` clears the big screen. */
export declare const QnaHighlightSchema: z.ZodObject<{
    questionId: z.ZodNullable<z.ZodString>;
}, z.core.$strict>;
export type QnaHighlightPayload = z.infer<typeof QnaHighlightSchema>;
export declare const QnaAnswerSchema: z.ZodObject<{
    questionId: z.ZodString;
    mode: z.ZodEnum<{
        live: "live";
        written: "written";
    }>;
    text: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export type QnaAnswerPayload = z.infer<typeof QnaAnswerSchema>;
export declare const QnaDismissSchema: z.ZodObject<{
    questionId: z.ZodString;
    reason: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export type QnaDismissPayload = z.infer<typeof QnaDismissSchema>;
export declare const QnaQuestionRefSchema: z.ZodObject<{
    questionId: z.ZodString;
}, z.core.$strict>;
export type QnaQuestionRef = z.infer<typeof QnaQuestionRefSchema>;
/** Who may ask and vote (viewers also subject to settings.viewersMayAsk / viewersMayVote). */
export declare const QNA_PARTICIPANT_ROLES: readonly Role[];
/** Who runs the Q&A. */
export declare const QNA_MODERATOR_ROLES: readonly Role[];
export declare const QNA_COMMANDS: {
    'qna.ask': CommandSpec;
    'qna.vote': CommandSpec;
    'qna.unvote': CommandSpec;
    'qna.approve': CommandSpec;
    'qna.highlight': CommandSpec;
    'qna.answer': CommandSpec;
    'qna.dismiss': CommandSpec;
    'qna.restore': CommandSpec;
    'qna.archive': CommandSpec;
};
export type QnaCommandType = keyof typeof QNA_COMMANDS;
