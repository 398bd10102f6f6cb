import type { QnaQuestionView, QnaSnapshot, Role } from '@rostrum/contracts';
import { QNA_PUBLIC_STATUSES } from '@rostrum/contracts';
import { isModerator } from './qna.access';
import { publicView } from './qna.decider';
import type { QnaState } from './qna.state';
import { own } from '../floor/own';

export interface QnaViewer { role: Role; participantId: string }
export type QnaSort = 'votes' | 'time';

export type { QnaQuestionView, QnaSnapshot };

/**
 * What one viewer sees of the Q&A. Moderators (and chair, secretariat) see every question,
 * including the moderation queue and what was set aside; everyone else sees the public board
 * plus their own questions whatever their fate.
 */
export function projectQna(
  state: QnaState, viewer: QnaViewer, tallies: Readonly<Record<string, number>> = {}, sort: QnaSort = 'votes',
): QnaSnapshot {
  const moderator = isModerator(viewer.role);
  const questions: QnaQuestionView[] = [];
  for (const id of state.order) {
    const q = own(state.questions, id)!;
    const mine = q.askerId === viewer.participantId;
    if (!moderator && !mine && !QNA_PUBLIC_STATUSES.includes(q.status)) continue;
    const view: QnaQuestionView = { ...publicView(q), votes: tallies[id] ?? 0 };
    if (mine) view.mine = true;
    if (moderator) {
      view.anonymous = q.anonymous;
      if (!q.strict) {
        view.asker = { participantId: q.askerId, ...(q.askerName ? { name: q.askerName } : {}), ...(q.askerDelegationId ? { delegationId: q.askerDelegationId } : {}) };
      }
    }
    if ((moderator || mine) && q.setAsideFrom) view.setAsideFrom = q.setAsideFrom;
    // The asker learns the fate of their question, the reason included.
    if ((moderator || mine) && q.dismissedReason) view.dismissedReason = q.dismissedReason;
    questions.push(view);
  }
  return { meetingId: state.meetingId, seq: state.seq, highlightedId: state.highlightedId, questions: sortQuestions(questions, sort) };
}

/** By votes: most first, ties to the earlier question (it waited longer). By time: newest first. */
export function sortQuestions<T extends { votes: number; askedAt: number; questionId: string }>(list: T[], sort: QnaSort): T[] {
  const byId = (a: T, b: T) => Number(a.questionId.slice(1)) - Number(b.questionId.slice(1));
  return [...list].sort(sort === 'votes'
    ? (a, b) => b.votes - a.votes || a.askedAt - b.askedAt || byId(a, b)
    : (a, b) => b.askedAt - a.askedAt || byId(b, a));
}
