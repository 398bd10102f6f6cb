import type { QnaPublicQuestion, QnaStatus } from './events';

// The Q&A part of `meeting.snapshot`, per role: the shape `projectQna` returns.

/** A question in someone's view: the public view plus what this viewer may know besides. */
export interface QnaQuestionView extends QnaPublicQuestion {
  votes: number;
  /** The viewer asked it (shown only to the asker themself). */
  mine?: true;
  /** Moderators: whether the asker chose anonymity, and who it is unless anonymity is strict. */
  anonymous?: boolean;
  asker?: { participantId: string; name?: string; delegationId?: string };
  /** Moderators: the status `qna.restore` would bring a dismissed or archived question back to. */
  setAsideFrom?: QnaStatus;
  /** Moderators and the asker: why a dismissed question was dismissed, when the moderator said. */
  dismissedReason?: string;
}

/**
 * The Q&A as one role sees it (`meeting.snapshot` → `qna.state`). Moderators, chair and
 * secretariat see every question, the moderation queue and what was set aside; everyone else
 * sees the public board (visible, highlighted, answered) plus their own questions.
 */
export interface QnaSnapshot {
  meetingId: string;
  /** The `qna` stream seq this view is at: events after it follow. */
  seq: number;
  highlightedId: string | null;
  questions: QnaQuestionView[];
}

