import type { QnaAnsweredPayload, QnaAskedPayload, QnaRestoredPayload } from '@rostrum/contracts';
import { decideQna } from './qna.decider';
import { actors, Harness, roster, settings, T0 } from './qna.fixtures';

describe('asking', () => {
  it('pre-moderated: one qna.asked for moderators and the asker, nothing public', () => {
    const h = new Harness(settings({ moderation: 'pre' }), roster);
    const d = h.run(actors.delegate, 'qna.ask', { text: '  On financing of AU-led operations?  ', itemId: 'item-1', panelistId: 'p-panel', labels: ['finance', 'finance'] });
    expect(d.ok && d.events.map((e) => [e.type, e.visibility])).toEqual([['qna.asked', { scope: 'moderators', participantId: 'p-gha' }]]);
    const p = h.log[0]!.payload as unknown as QnaAskedPayload;
    expect(p).toEqual({
      questionId: 'q1', text: 'On financing of AU-led operations?', author: 'Amb. Mensah', authorDelegationId: 'GHA', askedAt: T0,
      itemId: 'item-1', panelistId: 'p-panel', labels: ['finance'], status: 'pending', anonymous: false,
      asker: { participantId: 'p-gha', name: 'Amb. Mensah', delegationId: 'GHA' },
    });
    expect(h.log[0]!.itemId).toBe('item-1');
    expect(h.status('q1')).toBe('pending');
  });

  it('open moderation: also published to everyone right away', () => {
    const h = new Harness(settings({ moderation: 'open' }));
    const d = h.run(actors.viewer, 'qna.ask', { text: 'Open question to all?' });
    expect(d.ok && d.events.map((e) => [e.type, e.visibility.scope])).toEqual([['qna.asked', 'moderators'], ['qna.published', 'public']]);
    expect(h.status('q1')).toBe('visible');
  });

  it('anonymous (allowed): the public sees "anonymous", moderators still see who', () => {
    const h = new Harness(settings({ moderation: 'open', anonymity: 'allowed' }));
    h.run(actors.delegate, 'qna.ask', { text: 'Sensitive question here', anonymous: true });
    const [asked, published] = h.log;
    expect(asked!.payload).toMatchObject({ author: 'anonymous', anonymous: true, asker: { participantId: 'p-gha' } });
    expect(published!.payload).toMatchObject({ author: 'anonymous' });
    expect(published!.payload).not.toHaveProperty('asker');
    expect(published!.payload).not.toHaveProperty('authorDelegationId');
  });

  it('anonymous (strict): no event names the asker, yet the server still rate-limits them', () => {
    const h = new Harness(settings({ anonymity: 'strict', rateLimit: { questions: 1, windowSeconds: 60 } }));
    h.run(actors.viewer, 'qna.ask', { text: 'Strictly anonymous one', anonymous: true });
    expect(h.log[0]!.payload).not.toHaveProperty('asker');
    expect(JSON.stringify(h.log[0]!.payload)).not.toContain('Ada');
    expect(h.state.questions.q1!.askerId).toBe('v-1');
    expect(h.run(actors.viewer, 'qna.ask', { text: 'And another one please', anonymous: true }))
      .toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it.each([
    ['QNA_DISABLED', settings({ enabled: false }), actors.viewer, { text: 'Anyone there at all?' }],
    ['VIEWERS_MAY_NOT_ASK', settings({ viewersMayAsk: false }), actors.viewer, { text: 'May I ask this?' }],
    ['ANONYMITY_NOT_ALLOWED', settings({ anonymity: 'off' }), actors.viewer, { text: 'Hidden me, please', anonymous: true }],
    ['TEXT_EMPTY', settings(), actors.viewer, { text: '   ' }],
    ['TEXT_TOO_LONG', settings({ maxLength: 20 }), actors.viewer, { text: 'x'.repeat(21) }],
    ['BLOCKED_WORDS', settings({ blockedWords: ['idiot'] }), actors.viewer, { text: 'Is the Idiot here?' }],
    ['UNKNOWN_TARGET', settings(), actors.viewer, { text: 'About item nine?', itemId: 'item-9' }],
    ['UNKNOWN_TARGET', settings(), actors.viewer, { text: 'To Dr. Nobody?', panelistId: 'p-nobody' }],
  ] as const)('refuses with %s and stores nothing', (code, s, actor, payload) => {
    const h = new Harness(s, roster);
    expect(h.run(actor, 'qna.ask', payload)).toMatchObject({ ok: false, error: { code } });
    expect(h.log).toHaveLength(0);
    expect(h.state.order).toHaveLength(0);
    expect(h.state.asks).toEqual({});
  });

  it('delegates may ask even when viewers may not', () => {
    const h = new Harness(settings({ viewersMayAsk: false }), roster);
    expect(h.run(actors.delegate, 'qna.ask', { text: 'A delegate question' }).ok).toBe(true);
  });

  it('rate-limits per participant over a sliding window; refused asks do not count', () => {
    const h = new Harness(settings({ rateLimit: { questions: 2, windowSeconds: 60 }, blockedWords: ['spam'] }));
    expect(h.run(actors.viewer, 'qna.ask', { text: 'spam spam spam' }).ok).toBe(false);
    h.ask(actors.viewer);
    h.now += 10_000;
    h.ask(actors.viewer);
    h.now += 10_000;
    const refused = h.run(actors.viewer, 'qna.ask', { text: 'Third within the minute' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { retryAfterMs: 40_000 } } });
    expect(h.state.order).toHaveLength(2);
    expect(h.ask(actors.viewer2)).toBe('q3'); // someone else is not limited
    h.now = T0 + 60_001;
    expect(h.ask(actors.viewer)).toBe('q4');
  });

  it('numbers questions in ask order', () => {
    const h = new Harness();
    expect([h.ask(), h.ask(actors.viewer2), h.ask(actors.delegate)]).toEqual(['q1', 'q2', 'q3']);
  });
});

describe('highlighting', () => {
  const open = () => {
    const h = new Harness(settings({ moderation: 'open' }));
    return { h, a: h.ask(actors.viewer), b: h.ask(actors.viewer2) };
  };

  it('keeps one question on the big screen at a time', () => {
    const { h, a, b } = open();
    h.run(actors.moderator, 'qna.highlight', { questionId: a });
    const d = h.run(actors.moderator, 'qna.highlight', { questionId: b });
    expect(d.ok && d.events[0]!.payload).toEqual({ questionId: b, previousId: a });
    expect([h.status(a), h.status(b), h.state.highlightedId]).toEqual(['visible', 'highlighted', b]);
  });

  it('clears with null, and refuses clearing when nothing is highlighted', () => {
    const { h, a } = open();
    expect(h.run(actors.moderator, 'qna.highlight', { questionId: null })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    h.run(actors.moderator, 'qna.highlight', { questionId: a });
    expect(h.run(actors.moderator, 'qna.highlight', { questionId: null }).ok).toBe(true);
    expect([h.status(a), h.state.highlightedId]).toEqual(['visible', null]);
  });

  it.each(['qna.answer', 'qna.dismiss', 'qna.archive'])('%s of the highlighted question clears the big screen', (command) => {
    const { h, a } = open();
    h.run(actors.moderator, 'qna.highlight', { questionId: a });
    expect(h.run(actors.moderator, command, { questionId: a, ...(command === 'qna.answer' ? { mode: 'live' } : {}) }).ok).toBe(true);
    expect(h.state.highlightedId).toBeNull();
  });

  it('a dismissed highlighted question comes back visible, not highlighted', () => {
    const { h, a } = open();
    h.run(actors.moderator, 'qna.highlight', { questionId: a });
    h.run(actors.moderator, 'qna.dismiss', { questionId: a });
    h.run(actors.moderator, 'qna.restore', { questionId: a });
    expect([h.status(a), h.state.highlightedId]).toEqual(['visible', null]);
  });
});

describe('answering', () => {
  it('qna.answered carries everything the record needs', () => {
    const h = new Harness(settings({ moderation: 'open' }), roster);
    const id = h.ask(actors.delegate, { text: 'What about WPS?', anonymous: true, itemId: 'item-2', labels: ['wps'] });
    h.now = T0 + 5000;
    const d = h.run(actors.moderator, 'qna.answer', { questionId: id, mode: 'written', text: 'See the AU roadmap.', votes: 42 });
    expect(d.ok && d.events[0]).toMatchObject({ type: 'qna.answered', visibility: { scope: 'public' }, itemId: 'item-2' });
    const p = h.log.at(-1)!.payload as unknown as QnaAnsweredPayload;
    expect(p).toEqual({
      questionId: id, text: 'What about WPS?', author: 'anonymous', askedAt: T0, itemId: 'item-2', labels: ['wps'],
      votes: 42, mode: 'written', answerText: 'See the AU roadmap.', answeredAt: T0 + 5000,
      answeredBy: { participantId: 'p-mod', role: 'moderator', name: 'Moderator' },
    });
    expect(h.state.questions[id]!.answer).toEqual({ mode: 'written', text: 'See the AU roadmap.', answeredAt: T0 + 5000, votes: 42 });
  });

  it('a live answer needs no text and counts 0 votes when the service gives none', () => {
    const h = new Harness(settings({ moderation: 'open' }));
    const id = h.ask();
    const d = h.run(actors.chair, 'qna.answer', { questionId: id, mode: 'live' });
    expect(d.ok && d.events[0]!.payload).toMatchObject({ mode: 'live', votes: 0, author: 'Ada' });
    expect(d.ok && d.events[0]!.payload).not.toHaveProperty('answerText');
  });
});

describe('who sees the fate of a question', () => {
  it('a pending question set aside and restored stays between moderators and its asker', () => {
    const h = new Harness();
    const id = h.ask(actors.viewer);
    const dismissed = h.run(actors.moderator, 'qna.dismiss', { questionId: id, reason: 'off topic' });
    expect(dismissed.ok && dismissed.events[0]).toMatchObject({
      type: 'qna.dismissed', payload: { questionId: id, from: 'pending', reason: 'off topic' }, visibility: { scope: 'moderators', participantId: 'v-1' },
    });
    const restored = h.run(actors.moderator, 'qna.restore', { questionId: id });
    expect(restored.ok && restored.events[0]).toMatchObject({ payload: { status: 'pending' }, visibility: { scope: 'moderators', participantId: 'v-1' } });
    expect(h.status(id)).toBe('pending');
  });

  it('a public question set aside is announced publicly; its restoration carries it whole', () => {
    const h = new Harness(settings({ moderation: 'open' }));
    const id = h.ask(actors.viewer);
    expect(h.run(actors.moderator, 'qna.dismiss', { questionId: id })).toMatchObject({ ok: true, events: [{ visibility: { scope: 'public' } }] });
    const d = h.run(actors.moderator, 'qna.restore', { questionId: id });
    const p = (d.ok && d.events[0]!.payload) as unknown as QnaRestoredPayload;
    expect(p).toMatchObject({ questionId: id, status: 'visible', question: { questionId: id, text: expect.any(String), status: 'visible', author: 'Ada' } });
  });

  it('archived answered questions restore answered, with their answer', () => {
    const h = new Harness(settings({ moderation: 'open' }));
    const id = h.ask();
    h.run(actors.moderator, 'qna.answer', { questionId: id, mode: 'written', text: 'Done.', votes: 3 });
    h.run(actors.moderator, 'qna.archive', { questionId: id });
    const d = h.run(actors.moderator, 'qna.restore', { questionId: id });
    expect(d.ok && d.events[0]!.payload).toMatchObject({ status: 'answered', question: { answer: { text: 'Done.', votes: 3 } } });
  });

  it('approval publishes the question without its asker', () => {
    const h = new Harness(settings({ anonymity: 'allowed' }));
    const id = h.ask(actors.viewer, { anonymous: true });
    const d = h.run(actors.moderator, 'qna.approve', { questionId: id });
    expect(d.ok && d.events[0]).toMatchObject({ type: 'qna.published', visibility: { scope: 'public' }, payload: { author: 'anonymous', status: 'visible' } });
    expect(JSON.stringify(d.ok && d.events[0]!.payload)).not.toContain('v-1');
  });
});

describe('votes (checked here, applied by the service)', () => {
  const withQuestion = (s = settings({ moderation: 'open' })) => {
    const h = new Harness(s);
    return { h, id: h.ask(actors.delegate) };
  };

  it('are accepted on visible and highlighted questions, and produce no stream events', () => {
    const { h, id } = withQuestion();
    expect(h.run(actors.viewer, 'qna.vote', { questionId: id })).toEqual({ ok: true, events: [] });
    h.run(actors.moderator, 'qna.highlight', { questionId: id });
    expect(h.run(actors.viewer, 'qna.unvote', { questionId: id })).toEqual({ ok: true, events: [] });
  });

  it.each(['qna.vote', 'qna.unvote'])('%s refuses pending, answered and unknown questions', (command) => {
    const h = new Harness();
    const id = h.ask();
    expect(h.run(actors.viewer2, command, { questionId: id })).toMatchObject({ ok: false, error: { code: 'QUESTION_NOT_VOTABLE', details: { status: 'pending' } } });
    h.run(actors.moderator, 'qna.answer', { questionId: id, mode: 'live' });
    expect(h.run(actors.viewer2, command, { questionId: id })).toMatchObject({ ok: false, error: { code: 'QUESTION_NOT_VOTABLE' } });
    expect(h.run(actors.viewer2, command, { questionId: 'q404' })).toMatchObject({ ok: false, error: { code: 'QUESTION_NOT_FOUND' } });
  });

  it('follow the meeting settings', () => {
    const off = withQuestion(settings({ moderation: 'open', viewersMayVote: false }));
    expect(off.h.run(actors.viewer, 'qna.vote', { questionId: off.id })).toMatchObject({ ok: false, error: { code: 'VIEWERS_MAY_NOT_VOTE' } });
    expect(off.h.run(actors.delegate, 'qna.vote', { questionId: off.id }).ok).toBe(true);
    const h = new Harness(settings({ moderation: 'open' }));
    const id = h.ask();
    h.settings = settings({ enabled: false });
    expect(h.run(actors.viewer, 'qna.vote', { questionId: id })).toMatchObject({ ok: false, error: { code: 'QNA_DISABLED' } });
  });

  it('unknown commands are refused', () => {
    const h = new Harness();
    expect(decideQna(h.state, { type: 'qna.explode', payload: {} }, h.ctx(actors.moderator)))
      .toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    // The domain checks the payload against the contract itself (a missing text is malformed).
    expect(decideQna(h.state, { type: 'qna.ask', payload: {} }, h.ctx(actors.viewer)))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(decideQna(h.state, { type: 'qna.ask', payload: { text: '   ' } }, h.ctx(actors.viewer)))
      .toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(TEXT_EMPTY|VALIDATION_FAILED)$/) } });
  });
});
