// What became of a question, as its asker sees it (issue 11: a sent question got no
// confirmation and the asker never learnt its fate).
import type { QnaAnswer, QnaStatus } from '@rostrum/contracts';

/**
 * - `sending`: sent, no answer from the server yet; `failed`: refused (with the reason);
 * - `awaiting`: received, awaiting moderation (pre-moderated meetings);
 * - `published`: on the board; `on-screen`: highlighted on the big screen;
 * - `answered` (with the answer), `dismissed` (with the moderator's reason, when given), `archived`.
 */
export type QuestionFate = 'sending' | 'failed' | 'awaiting' | 'published' | 'on-screen' | 'answered' | 'dismissed' | 'archived';

export interface FateView { fate: QuestionFate; reason?: string; answer?: QnaAnswer }

const BY_STATUS: Record<QnaStatus, QuestionFate> = {
  pending: 'awaiting', visible: 'published', highlighted: 'on-screen', answered: 'answered', dismissed: 'dismissed', archived: 'archived',
};

/** The fate of a question the server knows. An archived question that had been answered keeps its answer. */
export function fateOf(q: { status: QnaStatus; dismissedReason?: string; answer?: QnaAnswer }): FateView {
  const fate = BY_STATUS[q.status];
  return {
    fate,
    ...(q.dismissedReason && (fate === 'dismissed' || fate === 'archived') ? { reason: q.dismissedReason } : {}),
    ...(q.answer ? { answer: q.answer } : {}),
  };
}
