import { evolveQna, initialQnaState } from './qna.state';
import { projectQna, sortQuestions } from './qna.projection';
import { actors, Harness, settings, T0 } from './qna.fixtures';

/** q1 visible (Ada), q2 pending anonymous (v-2), q3 dismissed, q4 answered, q5 highlighted. */
function board(anonymity: 'allowed' | 'strict' = 'allowed') {
  const h = new Harness(settings({ anonymity, rateLimit: { questions: 100, windowSeconds: 60 } }));
  const ids = [h.ask(actors.viewer), h.ask(actors.viewer2, { anonymous: true }), h.ask(actors.delegate), h.ask(actors.viewer), h.ask(actors.delegate)];
  for (const id of ['q1', 'q3', 'q4', 'q5']) { h.now += 1000; h.run(actors.moderator, 'qna.approve', { questionId: id }); }
  h.run(actors.moderator, 'qna.dismiss', { questionId: 'q3' });
  h.run(actors.moderator, 'qna.answer', { questionId: 'q4', mode: 'live' });
  h.run(actors.moderator, 'qna.highlight', { questionId: 'q5' });
  return { h, ids };
}
const ids = (s: { questions: Array<{ questionId: string }> }) => s.questions.map((q) => q.questionId).sort();

describe('projectQna', () => {
  it('viewers see the public board only', () => {
    const { h } = board();
    const s = projectQna(h.state, { role: 'viewer', participantId: 'someone' });
    expect(ids(s)).toEqual(['q1', 'q4', 'q5']);
    expect(s.highlightedId).toBe('q5');
    expect(s.seq).toBe(h.state.seq);
    expect(s.questions.every((q) => q.asker === undefined && q.mine === undefined)).toBe(true);
  });

  it('the asker also sees their own pending question and its fate', () => {
    const { h } = board();
    const v2 = projectQna(h.state, { role: 'viewer', participantId: 'v-2' });
    expect(ids(v2)).toEqual(['q1', 'q2', 'q4', 'q5']);
    expect(v2.questions.find((q) => q.questionId === 'q2')).toMatchObject({ status: 'pending', mine: true, author: 'anonymous' });
    const gha = projectQna(h.state, { role: 'delegate', participantId: 'p-gha' });
    expect(gha.questions.find((q) => q.questionId === 'q3')).toMatchObject({ status: 'dismissed', mine: true, setAsideFrom: 'visible' });
  });

  it('the asker learns why their question was dismissed, also after archiving; a restore clears it; others never see it', () => {
    const h = new Harness(settings({ rateLimit: { questions: 100, windowSeconds: 60 } }));
    const pending = h.ask(actors.viewer2);
    const open = h.ask(actors.viewer2);
    h.run(actors.moderator, 'qna.approve', { questionId: open });
    h.run(actors.moderator, 'qna.dismiss', { questionId: pending, reason: 'Asked already (see q1)' });
    h.run(actors.moderator, 'qna.dismiss', { questionId: open, reason: 'Off topic' });
    const mine = (id: string) => projectQna(h.state, { role: 'viewer', participantId: 'v-2' }).questions.find((q) => q.questionId === id);
    expect(mine(pending)).toMatchObject({ status: 'dismissed', mine: true, dismissedReason: 'Asked already (see q1)' });
    expect(projectQna(h.state, { role: 'moderator', participantId: 'x' }).questions.find((q) => q.questionId === open)).toMatchObject({ dismissedReason: 'Off topic' });
    expect(projectQna(h.state, { role: 'viewer', participantId: 'someone' }).questions.some((q) => q.questionId === open)).toBe(false);
    h.run(actors.moderator, 'qna.archive', { questionId: open });
    expect(mine(open)).toMatchObject({ status: 'archived', setAsideFrom: 'dismissed', dismissedReason: 'Off topic' });
    h.run(actors.moderator, 'qna.restore', { questionId: open });
    expect(mine(open)).toMatchObject({ status: 'dismissed', dismissedReason: 'Off topic' });
    h.run(actors.moderator, 'qna.restore', { questionId: pending });
    expect(mine(pending)).toMatchObject({ status: 'pending' });
    expect(mine(pending)!.dismissedReason).toBeUndefined();
  });

  it('a written answer reaches every viewer with its text', () => {
    const h = new Harness(settings({ moderation: 'open' }));
    const id = h.ask(actors.viewer);
    h.run(actors.moderator, 'qna.answer', { questionId: id, mode: 'written', text: 'The mandate is renewed in June.' });
    expect(projectQna(h.state, { role: 'viewer', participantId: 'someone' }).questions[0]).toMatchObject({
      status: 'answered', answer: { mode: 'written', text: 'The mandate is renewed in June.' },
    });
  });

  it.each(['moderator', 'chair', 'secretariat'] as const)('%s sees everything, with the asker of anonymous questions', (role) => {
    const { h } = board('allowed');
    const s = projectQna(h.state, { role, participantId: 'x' });
    expect(ids(s)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    expect(s.questions.find((q) => q.questionId === 'q2')).toMatchObject({ anonymous: true, author: 'anonymous', asker: { participantId: 'v-2' }, askedAt: T0 });
  });

  it('strict anonymity hides the asker from moderators too', () => {
    const { h } = board('strict');
    const q2 = projectQna(h.state, { role: 'moderator', participantId: 'x' }).questions.find((q) => q.questionId === 'q2')!;
    expect(q2).toMatchObject({ anonymous: true, author: 'anonymous', askedAt: T0 });
    expect(q2.asker).toBeUndefined();
  });

  it('sorts by votes (ties: older first) or by time (newest first), with tallies', () => {
    const { h } = board();
    const viewer = { role: 'viewer' as const, participantId: 'z' };
    expect(projectQna(h.state, viewer, { q4: 7, q1: 2, q5: 2 }, 'votes').questions.map((q) => [q.questionId, q.votes]))
      .toEqual([['q4', 7], ['q1', 2], ['q5', 2]]);
    expect(projectQna(h.state, viewer, {}, 'time').questions.map((q) => q.questionId)).toEqual(['q5', 'q4', 'q1']);
  });

  it('sortQuestions is stable on equal times by question number', () => {
    const list = [{ questionId: 'q10', votes: 0, askedAt: 1 }, { questionId: 'q9', votes: 0, askedAt: 1 }];
    expect(sortQuestions(list, 'votes').map((q) => q.questionId)).toEqual(['q9', 'q10']);
    expect(sortQuestions(list, 'time').map((q) => q.questionId)).toEqual(['q10', 'q9']);
  });
});

describe('evolveQna', () => {
  it('replaying the log rebuilds the same state (moderation survives reloads)', () => {
    const { h } = board();
    expect(h.log.reduce(evolveQna, initialQnaState('m1'))).toEqual(h.state);
  });

  it('advances seq over event types it does not know', () => {
    const s = evolveQna(initialQnaState('m1'), {
      type: 'qna.future', payload: {}, visibility: { scope: 'public' }, meetingId: 'm1', stream: 'qna', seq: 1, at: T0, actor: actors.viewer, commandId: 'c',
    });
    expect(s.seq).toBe(1);
  });
});
