import type {
  Actor, EventEnvelope, QnaAnswer, QnaAnsweredPayload, QnaAskedPayload, QnaHighlightedPayload, QnaRestoredPayload,
  QnaSettings, QnaSetAsidePayload, QnaStatus, Role,
} from '@rostrum/contracts';
import { own } from '../floor/own';

/** One question as the server knows it (the asker is kept even when nobody may see it: rate limits). */
export interface QnaQuestion {
  id: string;
  text: string;
  askerId: string;
  /** Undefined when the asker chose anonymity under 'strict' (nobody may see it). */
  askerName?: string;
  askerDelegationId?: string;
  anonymous: boolean;
  /** Anonymous under settings.anonymity 'strict': hidden from moderators too. */
  strict: boolean;
  /** What the public sees as author: a name or 'anonymous'. */
  author: string;
  askedAt: number;
  itemId?: string;
  panelistId?: string;
  labels: string[];
  status: QnaStatus;
  /** For dismissed / archived: the status `qna.restore` brings it back to. */
  setAsideFrom?: QnaStatus;
  /** Why the moderator dismissed it (kept while archived from dismissed; gone once restored). */
  dismissedReason?: string;
  answer?: QnaAnswer;
}

export interface QnaState {
  meetingId: string;
  /** Last seq of the meeting's `qna` stream folded into this state. */
  seq: number;
  questions: Readonly<Record<string, QnaQuestion>>;
  /** Question ids in the order they were asked. */
  order: readonly string[];
  highlightedId: string | null;
  /** participantId → times of their latest questions (at most RATE_LIMIT_MEMORY), for the rate limit. */
  asks: Readonly<Record<string, readonly number[]>>;
}

/** The rate limit allows at most 100 questions per window, so older times are never needed. */
export const RATE_LIMIT_MEMORY = 100;

/** Who is deciding, and under which meeting rules. */
export interface QnaContext {
  now: number;
  actor: Actor;
  settings: QnaSettings;
  /** From `meeting.created`: when given, targets and the membership of named roles are checked against it. */
  roster?: QnaRoster;
  /** The meeting the actor's token was issued for, when the transport carries it. */
  actorMeetingId?: string;
}

export interface QnaRoster {
  itemIds: readonly string[];
  /**
   * Only when the caller knows the complete roster: participants may be added after
   * `meeting.created` without an event, so the service leaves this out rather than refuse
   * a moderator added later. When given, panelists and named roles are checked against it.
   */
  participants?: ReadonlyArray<{ id: string; role: Role; name?: string; delegationId?: string }>;
}

export const initialQnaState = (meetingId: string): QnaState =>
  ({ meetingId, seq: 0, questions: {}, order: [], highlightedId: null, asks: {} });

/** Ids are numbered in ask order: the CAS append makes the count authoritative, so ids never collide. */
export const nextQuestionId = (state: QnaState): string => `q${state.order.length + 1}`;

/** Folds one `qna` stream event. Unknown types only advance seq, so newer event types never break older code. */
export function evolveQna(state: QnaState, e: EventEnvelope): QnaState {
  const next = { ...state, seq: e.seq };
  switch (e.type) {
    case 'qna.asked': return asked(next, e as EventEnvelope<never>);
    case 'qna.published': return withStatus(next, (e.payload as { questionId: string }).questionId, 'visible');
    case 'qna.highlighted': {
      const p = e.payload as unknown as QnaHighlightedPayload;
      let s = next;
      if (p.previousId) s = withStatus(s, p.previousId, 'visible');
      if (p.questionId) s = withStatus(s, p.questionId, 'highlighted');
      return { ...s, highlightedId: p.questionId };
    }
    case 'qna.answered': {
      const p = e.payload as unknown as QnaAnsweredPayload;
      const answer: QnaAnswer = { mode: p.mode, answeredAt: p.answeredAt, votes: p.votes, ...(p.answerText ? { text: p.answerText } : {}) };
      const s = patch(next, p.questionId, { status: 'answered', answer });
      return s.highlightedId === p.questionId ? { ...s, highlightedId: null } : s;
    }
    case 'qna.dismissed':
    case 'qna.archived': {
      const p = e.payload as unknown as QnaSetAsidePayload;
      const s = patch(next, p.questionId, {
        status: e.type === 'qna.dismissed' ? 'dismissed' : 'archived',
        setAsideFrom: p.from === 'highlighted' ? 'visible' : p.from,
        ...(e.type === 'qna.dismissed' ? { dismissedReason: p.reason } : {}),
      });
      return s.highlightedId === p.questionId ? { ...s, highlightedId: null } : s;
    }
    case 'qna.restored': {
      const p = e.payload as unknown as QnaRestoredPayload;
      const back = patch(next, p.questionId, { status: p.status, setAsideFrom: undefined });
      // Restored to dismissed (it was archived from there): the reason still holds.
      return p.status === 'dismissed' ? back : patch(back, p.questionId, { dismissedReason: undefined });
    }
    default: return next;
  }
}

function asked(state: QnaState, e: EventEnvelope<never>): QnaState {
  const p = e.payload as QnaAskedPayload;
  // The asker is the command's actor; visibility carries it too, and survives even if a
  // later version masks the envelope actor of anonymous questions.
  const askerId = e.visibility.participantId ?? p.asker?.participantId ?? e.actor.participantId;
  const q: QnaQuestion = {
    id: p.questionId, text: p.text, askerId, anonymous: p.anonymous, strict: p.anonymous && p.asker === undefined,
    author: p.author, askedAt: p.askedAt, labels: p.labels, status: p.status,
    ...(p.asker?.name !== undefined ? { askerName: p.asker.name } : {}),
    ...(p.asker?.delegationId !== undefined ? { askerDelegationId: p.asker.delegationId } : {}),
    ...(p.itemId !== undefined ? { itemId: p.itemId } : {}),
    ...(p.panelistId !== undefined ? { panelistId: p.panelistId } : {}),
  };
  const times = [...(own(state.asks, askerId) ?? []), p.askedAt].slice(-RATE_LIMIT_MEMORY);
  return {
    ...state,
    questions: { ...state.questions, [q.id]: q },
    order: [...state.order, q.id],
    asks: { ...state.asks, [askerId]: times },
  };
}

const withStatus = (s: QnaState, id: string, status: QnaStatus): QnaState => patch(s, id, { status });

function patch(s: QnaState, id: string, changes: Partial<QnaQuestion>): QnaState {
  const q = own(s.questions, id);
  if (!q) return s; // an event about an unknown question cannot come from this decider; ignore rather than crash a replay
  const updated = { ...q, ...changes };
  if (changes.setAsideFrom === undefined && 'setAsideFrom' in changes) delete updated.setAsideFrom;
  if (changes.dismissedReason === undefined && 'dismissedReason' in changes) delete updated.dismissedReason;
  return { ...s, questions: { ...s.questions, [id]: updated } };
}
