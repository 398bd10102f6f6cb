/**
 * Q&A error codes, on top of the core ones (RATE_LIMITED, FORBIDDEN, NOT_A_MEMBER … are core).
 * Every refusal stores nothing: no question, no vote.
 */
export const QNA_ERROR_CODES = [
  /** The meeting's Q&A is switched off (settings.enabled = false). */
  'QNA_DISABLED',
  'TEXT_EMPTY',
  /** Longer than the meeting's settings.maxLength; details: { maxLength, length }. */
  'TEXT_TOO_LONG',
  /** Contains a word or phrase of settings.blockedWords; details: { words }. */
  'BLOCKED_WORDS',
  /** Asked anonymously while settings.anonymity is 'off'. */
  'ANONYMITY_NOT_ALLOWED',
  /** A viewer asked or voted while settings.viewersMayAsk / viewersMayVote is false. */
  'VIEWERS_MAY_NOT_ASK',
  'VIEWERS_MAY_NOT_VOTE',
  /** itemId / panelistId is not an agenda item / participant of this meeting. */
  'UNKNOWN_TARGET',
  'QUESTION_NOT_FOUND',
  /** The command does not apply to the question's current state; details: { questionId, status }. */
  'INVALID_TRANSITION',
  /** Votes are only taken on visible or highlighted questions. */
  'QUESTION_NOT_VOTABLE',
] as const;
export type QnaErrorCode = (typeof QNA_ERROR_CODES)[number];
