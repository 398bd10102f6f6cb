import type { EventEnvelope, QnaAskedPayload } from '@rostrum/contracts';
import { decideQna } from './qna.decider';
import { projectQna } from './qna.projection';
import { evolveQna, initialQnaState, RATE_LIMIT_MEMORY } from './qna.state';
import { actors, Harness, MEETING, roster, settings, T0 } from './qna.fixtures';

const moderatorView = { role: 'moderator' as const, participantId: 'p-mod' };
const viewer = (participantId = 'someone') => ({ role: 'viewer' as const, participantId });

describe('who the author is', () => {
  it('a named asker without a display name is named from the roster; without either, "Participant"', () => {
    const h = new Harness(settings({ moderation: 'open' }), roster);
    const anon = { role: 'delegate' as const, participantId: 'p-gha', delegationId: 'GHA' };     // no displayName
    const id = h.ask(anon);
    expect(h.log[0]!.payload).toMatchObject({ author: 'Amb. Mensah', authorDelegationId: 'GHA', asker: { participantId: 'p-gha', name: 'Amb. Mensah', delegationId: 'GHA' } });
    expect(projectQna(h.state, viewer()).questions.find((q) => q.questionId === id)).toMatchObject({ author: 'Amb. Mensah', authorDelegationId: 'GHA' });

    const bare = new Harness(settings({ moderation: 'open' }));
    bare.ask(actors.viewer2);                                                                  // no name anywhere
    const p = bare.log[0]!.payload as unknown as QnaAskedPayload;
    expect(p.author).toBe('Participant');
    expect(p.asker).toEqual({ participantId: 'v-2' });
    expect(projectQna(bare.state, moderatorView).questions[0]!.asker).toEqual({ participantId: 'v-2' });
  });

  it('an anonymous delegate is shown to the public without name or delegation, and to moderators with both', () => {
    const h = new Harness(settings({ moderation: 'open', anonymity: 'allowed' }), roster);
    const id = h.ask(actors.delegate, { anonymous: true });
    const pub = projectQna(h.state, viewer()).questions.find((q) => q.questionId === id)!;
    expect(pub.author).toBe('anonymous');
    expect(pub).not.toHaveProperty('authorDelegationId');
    expect(projectQna(h.state, moderatorView).questions.find((q) => q.questionId === id))
      .toMatchObject({ anonymous: true, asker: { participantId: 'p-gha', name: 'Amb. Mensah', delegationId: 'GHA' } });
  });
});

describe('a question addressed to a panelist on an item', () => {
  it('keeps its panelist and item in every view and through publication, answer and restoration', () => {
    const h = new Harness(settings({ moderation: 'pre' }), roster);
    const id = h.ask(actors.viewer, { itemId: 'item-2', panelistId: 'p-panel' });
    const where = { itemId: 'item-2', panelistId: 'p-panel' };
    expect(projectQna(h.state, moderatorView).questions[0]).toMatchObject(where);
    expect(projectQna(h.state, viewer('v-1')).questions[0]).toMatchObject({ ...where, mine: true });
    h.run(actors.moderator, 'qna.approve', { questionId: id });
    expect(h.log[1]).toMatchObject({ type: 'qna.published', itemId: 'item-2', payload: { ...where, status: 'visible' } });
    expect(projectQna(h.state, viewer()).questions[0]).toMatchObject(where);
    h.run(actors.moderator, 'qna.answer', { questionId: id, mode: 'written', text: 'In writing.' });
    expect(h.log[2]).toMatchObject({ type: 'qna.answered', itemId: 'item-2', payload: where });
    h.run(actors.moderator, 'qna.archive', { questionId: id });
    h.run(actors.moderator, 'qna.restore', { questionId: id });
    expect(h.log[4]).toMatchObject({ type: 'qna.restored', itemId: 'item-2', payload: { status: 'answered', question: { ...where, answer: { mode: 'written', text: 'In writing.' } } } });
  });

  it('an open-moderation question is published with its panelist and item at once', () => {
    const h = new Harness(settings({ moderation: 'open' }), roster);
    h.ask(actors.viewer, { itemId: 'item-1', panelistId: 'p-panel', labels: ['aid', 'aid', 'trade'] });
    expect(h.log[1]).toMatchObject({ type: 'qna.published', itemId: 'item-1', payload: { itemId: 'item-1', panelistId: 'p-panel', labels: ['aid', 'trade'] } });
  });
});

describe('highlight transitions as the state and the views record them', () => {
  it('moving the big screen from one question to another and clearing it', () => {
    const h = new Harness(settings({ moderation: 'open' }));
    const a = h.ask(actors.viewer);
    const b = h.ask(actors.viewer2);
    h.run(actors.moderator, 'qna.highlight', { questionId: a });
    expect(h.log.at(-1)!.payload).toEqual({ questionId: a, previousId: null });
    expect(projectQna(h.state, viewer()).highlightedId).toBe(a);
    h.run(actors.moderator, 'qna.highlight', { questionId: b });
    const statuses = () => Object.fromEntries(projectQna(h.state, viewer()).questions.map((q) => [q.questionId, q.status]));
    expect(statuses()).toEqual({ [a]: 'visible', [b]: 'highlighted' });
    const cleared = h.run(actors.moderator, 'qna.highlight', { questionId: null });
    expect(cleared.ok && cleared.events).toEqual([{ type: 'qna.highlighted', payload: { questionId: null, previousId: b }, visibility: { scope: 'public' } }]);
    expect(statuses()).toEqual({ [a]: 'visible', [b]: 'visible' });
    expect(h.state.highlightedId).toBeNull();
  });

  it('only a visible question can be highlighted', () => {
    const h = new Harness(settings({ moderation: 'pre' }));
    const a = h.ask(actors.viewer);
    expect(h.run(actors.moderator, 'qna.highlight', { questionId: a })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', details: { questionId: a, status: 'pending' } } });
  });
});

describe('who hears of a question set aside', () => {
  it('dismissing a public question is public; restoring it to pending would not be, restoring it to visible is', () => {
    const h = new Harness(settings({ moderation: 'open' }));
    const a = h.ask(actors.viewer);
    const d = h.run(actors.moderator, 'qna.dismiss', { questionId: a, reason: 'off topic' });
    expect(d.ok && d.events[0]).toMatchObject({ type: 'qna.dismissed', payload: { questionId: a, from: 'visible', reason: 'off topic' }, visibility: { scope: 'public' } });
    const r = h.run(actors.moderator, 'qna.restore', { questionId: a });
    expect(r.ok && r.events[0]).toMatchObject({ payload: { status: 'visible', question: { questionId: a, status: 'visible' } }, visibility: { scope: 'public' } });
  });

  it('a pending question dismissed and restored is heard of by moderators and its asker only, without the question', () => {
    const h = new Harness(settings({ moderation: 'pre' }));
    const a = h.ask(actors.viewer);
    const d = h.run(actors.moderator, 'qna.dismiss', { questionId: a });
    expect(d.ok && d.events[0]!.visibility).toEqual({ scope: 'moderators', participantId: 'v-1' });
    expect(d.ok && d.events[0]!.payload).toEqual({ questionId: a, from: 'pending' });
    const r = h.run(actors.moderator, 'qna.restore', { questionId: a });
    expect(r.ok && r.events[0]).toEqual({ type: 'qna.restored', payload: { questionId: a, status: 'pending' }, visibility: { scope: 'moderators', participantId: 'v-1' } });
  });

  it('where a question was set aside from is shown to moderators and its asker, not to other viewers', () => {
    const h = new Harness(settings({ moderation: 'open' }));
    const a = h.ask(actors.viewer);
    h.run(actors.moderator, 'qna.answer', { questionId: a, mode: 'live' });
    h.run(actors.moderator, 'qna.archive', { questionId: a });
    h.run(actors.moderator, 'qna.restore', { questionId: a });
    expect(h.state.questions[a]).not.toHaveProperty('setAsideFrom');
    h.run(actors.moderator, 'qna.archive', { questionId: a });
    const of = (v: { role: 'viewer' | 'moderator'; participantId: string }) => projectQna(h.state, v).questions.find((q) => q.questionId === a);
    expect(of(moderatorView)).toMatchObject({ status: 'archived', setAsideFrom: 'answered' });
    expect(of(viewer('v-1'))).toMatchObject({ status: 'archived', setAsideFrom: 'answered', mine: true });
    expect(of(viewer('v-2'))).toBeUndefined();                                                 // archived is not on the public board
  });
});

describe('access tokens and meetings', () => {
  it('a token issued for another meeting is refused; one for this meeting, or none, is not', () => {
    const h = new Harness(settings({ moderation: 'open' }));
    const ask = { type: 'qna.ask', payload: { text: 'From which meeting am I?', anonymous: false, labels: [] } };
    expect(decideQna(h.state, ask, h.ctx(actors.viewer, { actorMeetingId: 'another-meeting' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(decideQna(h.state, ask, h.ctx(actors.viewer, { actorMeetingId: MEETING })).ok).toBe(true);
    expect(decideQna(h.state, ask, h.ctx(actors.viewer)).ok).toBe(true);
  });
});

describe('replay: whose question it is, and the ask history', () => {
  const asked = (visibility: EventEnvelope['visibility'], asker: QnaAskedPayload['asker'] | undefined, actorId = 'p-actor'): EventEnvelope => ({
    meetingId: MEETING, stream: 'qna', seq: 1, at: T0, commandId: 'c1', type: 'qna.asked', visibility,
    actor: { role: 'viewer', participantId: actorId },
    payload: { questionId: 'q1', text: 'Old question', author: 'anonymous', askedAt: T0, labels: [], status: 'pending', anonymous: true, ...(asker ? { asker } : {}) },
  } as EventEnvelope);

  it('the asker is taken from the visibility, else the payload\'s asker, else the envelope\'s actor', () => {
    const fold = (e: EventEnvelope) => evolveQna(initialQnaState(MEETING), e);
    expect(fold(asked({ scope: 'moderators', participantId: 'p-vis' }, { participantId: 'p-payload' })).questions.q1!.askerId).toBe('p-vis');
    expect(fold(asked({ scope: 'moderators' }, { participantId: 'p-payload' })).questions.q1!.askerId).toBe('p-payload');
    expect(fold(asked({ scope: 'moderators' }, undefined)).questions.q1!.askerId).toBe('p-actor');
    expect(fold(asked({ scope: 'moderators' }, undefined)).asks).toEqual({ 'p-actor': [T0] });
  });

  it(`the rate limit remembers the last ${RATE_LIMIT_MEMORY} asks of each participant, oldest dropped first`, () => {
    const h = new Harness(settings({ moderation: 'pre', rateLimit: { questions: 1000, windowSeconds: 3600 } }));
    for (let i = 0; i < RATE_LIMIT_MEMORY + 3; i++) { h.ask(actors.viewer); h.now += 1000; }
    const times = h.state.asks['v-1']!;
    expect(times).toHaveLength(RATE_LIMIT_MEMORY);
    expect(times[0]).toBe(T0 + 3000);
    expect(times.at(-1)).toBe(T0 + (RATE_LIMIT_MEMORY + 2) * 1000);
  });
});
