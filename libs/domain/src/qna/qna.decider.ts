import type {
  CommandError, DomainEvent, QnaAnsweredPayload, QnaAskedPayload, QnaAskPayload, QnaHighlightPayload,
  QnaPublicQuestion, QnaStatus, Visibility,
} from '@rostrum/contracts';
import { ANONYMOUS, QNA_COMMANDS, QNA_PUBLIC_STATUSES, fail } from '@rostrum/contracts';
import { authorize } from './qna.access';
import { checkQuestionText, checkRateLimit } from './qna.policy';
import { nextQuestionId, type QnaContext, type QnaQuestion, type QnaState } from './qna.state';
import { own } from '../floor/own';

export type QnaDecision = { ok: true; events: DomainEvent[] } | { ok: false; error: CommandError };
export interface QnaCommand { type: string; payload: unknown }

/**
 * `qna.answer` as the service passes it on: the client's payload plus the vote count the
 * service read from Redis just before (`votes`), so the record keeps the votes at answer time.
 * The gateway's strict schema stops a client from sending `votes` itself.
 */
export interface QnaAnswerCommandPayload { questionId: string; mode: 'live' | 'written'; text?: string; votes?: number }

const isPublic = (s: QnaStatus): boolean => QNA_PUBLIC_STATUSES.includes(s);

/**
 * Decides a Q&A command. Votes are checked here (the question takes votes, the voter may
 * vote) but produce no events: the service applies them to Redis sets, because a vote storm
 * must neither flood the seq'd stream nor contend on its compare-and-set.
 */
export function decideQna(state: QnaState, command: QnaCommand, ctx: QnaContext): QnaDecision {
  if (!Object.hasOwn(QNA_COMMANDS, command.type)) return fail('UNKNOWN_COMMAND', `${String(command.type).slice(0, 60)} is not a Q&A command.`);
  const access = authorize(state, command.type, ctx);
  if (!access.ok) return access;
  const valid = validPayload(command);
  if (!valid.ok) return valid;
  const p = valid.payload;
  switch (command.type) {
    case 'qna.ask': return ask(state, p as unknown as QnaAskPayload, ctx);
    case 'qna.vote':
    case 'qna.unvote': {
      const v = checkVote(state, String(p.questionId), ctx);
      return v.ok ? { ok: true, events: [] } : v;
    }
    case 'qna.approve': return transition(state, String(p.questionId), ['pending'], (q) => [published(q)]);
    case 'qna.highlight': return highlight(state, p as unknown as QnaHighlightPayload);
    case 'qna.answer': return answer(state, p as unknown as QnaAnswerCommandPayload, ctx);
    case 'qna.dismiss': return setAside(state, String(p.questionId), 'qna.dismissed', ['pending', 'visible', 'highlighted'], p.reason as string | undefined);
    case 'qna.archive': return setAside(state, String(p.questionId), 'qna.archived', ['visible', 'highlighted', 'answered', 'dismissed']);
    case 'qna.restore': return restore(state, String(p.questionId));
    default: return fail('UNKNOWN_COMMAND', `${command.type} is not a Q&A command.`);
  }
}

/**
 * The payload checked against the command's contract schema: the domain never trusts its
 * caller to have done it (a `questionId` of `{}` must be refused, not stringified). The service
 * adds `votes` to `qna.answer` (QnaAnswerCommandPayload); nothing else may be extra.
 */
function validPayload(command: QnaCommand): { ok: true; payload: Record<string, unknown> } | { ok: false; error: CommandError } {
  const raw = command.payload;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('VALIDATION_FAILED', 'payload must be an object');
  const { votes, ...client } = raw as Record<string, unknown>;
  const withVotes = command.type === 'qna.answer' && votes !== undefined;
  if (withVotes && (typeof votes !== 'number' || !Number.isInteger(votes) || votes < 0)) return fail('VALIDATION_FAILED', 'votes: a count');
  const parsed = QNA_COMMANDS[command.type as keyof typeof QNA_COMMANDS].schema.safeParse(withVotes || votes === undefined ? client : raw);
  if (!parsed.success) {
    return fail('VALIDATION_FAILED', parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; '));
  }
  return { ok: true, payload: { ...(parsed.data as Record<string, unknown>), ...(withVotes ? { votes } : {}) } };
}

/** Whether `ctx.actor` may vote on (or withdraw a vote from) `questionId` now. */
export function checkVote(state: QnaState, questionId: string, ctx: QnaContext): { ok: true } | { ok: false; error: CommandError } {
  if (!ctx.settings.enabled) return fail('QNA_DISABLED', 'The Q&A of this meeting is closed.');
  if (ctx.actor.role === 'viewer' && !ctx.settings.viewersMayVote) return fail('VIEWERS_MAY_NOT_VOTE', 'Viewers may not vote in this meeting.');
  const q = own(state.questions, questionId);
  if (!q) return fail('QUESTION_NOT_FOUND', `No question ${questionId}.`);
  if (q.status !== 'visible' && q.status !== 'highlighted') {
    return fail('QUESTION_NOT_VOTABLE', `Question ${questionId} is ${q.status}; only open questions take votes.`, { questionId, status: q.status });
  }
  return { ok: true };
}

function ask(state: QnaState, p: QnaAskPayload, ctx: QnaContext): QnaDecision {
  const { settings, actor, now } = ctx;
  if (!settings.enabled) return fail('QNA_DISABLED', 'The Q&A of this meeting is closed.');
  if (actor.role === 'viewer' && !settings.viewersMayAsk) return fail('VIEWERS_MAY_NOT_ASK', 'Viewers may not ask questions in this meeting.');
  const anonymous = p.anonymous === true;
  if (anonymous && settings.anonymity === 'off') return fail('ANONYMITY_NOT_ALLOWED', 'Questions in this meeting carry the asker\'s name.');
  const text = checkQuestionText(String(p.text ?? ''), settings);
  if (!text.ok) return text;
  if (ctx.roster) {
    if (p.itemId !== undefined && !ctx.roster.itemIds.includes(p.itemId)) return fail('UNKNOWN_TARGET', `No agenda item ${p.itemId} in this meeting.`);
    if (p.panelistId !== undefined && ctx.roster.participants && !ctx.roster.participants.some((x) => x.id === p.panelistId)) {
      return fail('UNKNOWN_TARGET', `No panelist ${p.panelistId} in this meeting.`);
    }
  }
  const limit = checkRateLimit(state, actor.participantId, now, settings);
  if (!limit.ok) return limit;

  const name = actor.displayName ?? ctx.roster?.participants?.find((x) => x.id === actor.participantId)?.name;
  const strict = anonymous && settings.anonymity === 'strict';
  const status: QnaStatus = settings.moderation === 'open' ? 'visible' : 'pending';
  const question: QnaPublicQuestion = {
    questionId: nextQuestionId(state), text: text.text,
    author: anonymous ? ANONYMOUS : (name ?? 'Participant'),
    ...(!anonymous && actor.delegationId ? { authorDelegationId: actor.delegationId } : {}),
    askedAt: now,
    ...(p.itemId !== undefined ? { itemId: p.itemId } : {}),
    ...(p.panelistId !== undefined ? { panelistId: p.panelistId } : {}),
    labels: [...new Set(p.labels ?? [])],
    status,
  };
  const asked: QnaAskedPayload = {
    ...question, anonymous,
    ...(strict ? {} : { asker: { participantId: actor.participantId, ...(name ? { name } : {}), ...(actor.delegationId ? { delegationId: actor.delegationId } : {}) } }),
  };
  const events: DomainEvent[] = [{ type: 'qna.asked', payload: { ...asked }, visibility: privateTo(actor.participantId), ...item(p.itemId) }];
  if (status === 'visible') events.push({ type: 'qna.published', payload: { ...question }, visibility: { scope: 'public' }, ...item(p.itemId) });
  return { ok: true, events };
}

function highlight(state: QnaState, p: QnaHighlightPayload): QnaDecision {
  const previousId = state.highlightedId;
  if (p.questionId === null) {
    if (previousId === null) return fail('INVALID_TRANSITION', 'No question is highlighted.', { questionId: null, status: null });
    return { ok: true, events: [{ type: 'qna.highlighted', payload: { questionId: null, previousId }, visibility: { scope: 'public' } }] };
  }
  return transition(state, p.questionId, ['visible'], (q) => [{
    type: 'qna.highlighted', payload: { questionId: q.id, previousId }, visibility: { scope: 'public' }, ...item(q.itemId),
  }]);
}

function answer(state: QnaState, p: QnaAnswerCommandPayload, ctx: QnaContext): QnaDecision {
  return transition(state, p.questionId, ['pending', 'visible', 'highlighted'], (q) => {
    const payload: QnaAnsweredPayload = {
      questionId: q.id, text: q.text, author: q.author,
      ...(authorDelegation(q) ? { authorDelegationId: authorDelegation(q) } : {}),
      askedAt: q.askedAt,
      ...(q.itemId !== undefined ? { itemId: q.itemId } : {}),
      ...(q.panelistId !== undefined ? { panelistId: q.panelistId } : {}),
      labels: q.labels,
      votes: Math.max(0, Math.trunc(p.votes ?? 0)),
      mode: p.mode,
      ...(p.text !== undefined ? { answerText: p.text } : {}),
      answeredAt: ctx.now,
      answeredBy: { participantId: ctx.actor.participantId, role: ctx.actor.role, ...(ctx.actor.displayName ? { name: ctx.actor.displayName } : {}) },
    };
    // Public even from pending: answering publishes; the record needs it whatever came before.
    return [{ type: 'qna.answered', payload: { ...payload }, visibility: { scope: 'public' }, ...item(q.itemId) }];
  });
}

function setAside(state: QnaState, id: string, type: 'qna.dismissed' | 'qna.archived', from: QnaStatus[], reason?: string): QnaDecision {
  return transition(state, id, from, (q) => [{
    type, payload: { questionId: q.id, from: q.status, ...(reason ? { reason } : {}) }, visibility: audience(q, q.status), ...item(q.itemId),
  }]);
}

function restore(state: QnaState, id: string): QnaDecision {
  return transition(state, id, ['dismissed', 'archived'], (q) => {
    const status = q.setAsideFrom ?? 'pending';
    const back = { ...q, status };
    return [{
      type: 'qna.restored',
      // Clients dropped the question when it went away; a public comeback carries it whole.
      payload: { questionId: q.id, status, ...(isPublic(status) ? { question: publicView(back) } : {}) },
      visibility: audience(q, status), ...item(q.itemId),
    }];
  });
}

function transition(state: QnaState, id: string, from: QnaStatus[], events: (q: QnaQuestion) => DomainEvent[]): QnaDecision {
  const q = own(state.questions, id);
  if (!q) return fail('QUESTION_NOT_FOUND', `No question ${id}.`);
  if (!from.includes(q.status)) {
    return fail('INVALID_TRANSITION', `Question ${id} is ${q.status}; this applies only to ${from.join(' or ')} questions.`, { questionId: id, status: q.status });
  }
  return { ok: true, events: events(q) };
}

/** Public when the question is public before or after the change; otherwise only moderators and the asker. */
function audience(q: QnaQuestion, after: QnaStatus): Visibility {
  return isPublic(q.status) || isPublic(after) ? { scope: 'public' } : privateTo(q.askerId);
}

const privateTo = (participantId: string): Visibility => ({ scope: 'moderators', participantId });
const item = (itemId: string | undefined): { itemId?: string } => (itemId !== undefined ? { itemId } : {});
const authorDelegation = (q: QnaQuestion): string | undefined => (q.anonymous ? undefined : q.askerDelegationId);

const published = (q: QnaQuestion): DomainEvent => ({
  type: 'qna.published', payload: { ...publicView({ ...q, status: 'visible' }) }, visibility: { scope: 'public' }, ...item(q.itemId),
});

/** The question as anyone allowed to see it may know it. */
export function publicView(q: QnaQuestion): QnaPublicQuestion {
  const delegationId = authorDelegation(q);
  return {
    questionId: q.id, text: q.text, author: q.author, ...(delegationId ? { authorDelegationId: delegationId } : {}),
    askedAt: q.askedAt, ...(q.itemId !== undefined ? { itemId: q.itemId } : {}),
    ...(q.panelistId !== undefined ? { panelistId: q.panelistId } : {}),
    labels: q.labels, status: q.status, ...(q.answer ? { answer: q.answer } : {}),
  };
}
