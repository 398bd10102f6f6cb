/**
 * Q&A error codes, on top of the core ones (RATE_LIMITED, FORBIDDEN, NOT_A_MEMBER … are core).
 * Every refusal stores nothing: no question, no vote.
 */
export declare const QNA_ERROR_CODES: readonly ["QNA_DISABLED", "TEXT_EMPTY", "TEXT_TOO_LONG", "BLOCKED_WORDS", "ANONYMITY_NOT_ALLOWED", "VIEWERS_MAY_NOT_ASK", "VIEWERS_MAY_NOT_VOTE", "UNKNOWN_TARGET", "QUESTION_NOT_FOUND", "INVALID_TRANSITION", "QUESTION_NOT_VOTABLE"];
export type QnaErrorCode = (typeof QNA_ERROR_CODES)[number];
