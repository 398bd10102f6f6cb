// Every moderation command × every question state, and every command × every role.
import type { Actor, QnaStatus } from '@rostrum/contracts';
import { QNA_STATUSES } from '@rostrum/contracts';
import { actors, Harness, roster } from './qna.fixtures';

/** A harness holding one question in `status` (pre-moderated meeting). */
function questionIn(status: QnaStatus): { h: Harness; id: string } {
  const h = new Harness(undefined, roster);
  const id = h.ask(actors.viewer);
  const mod = actors.moderator;
  const steps: Record<QnaStatus, Array<[string, Record<string, unknown>]>> = {
    pending: [],
    visible: [['qna.approve', { questionId: id }]],
    highlighted: [['qna.approve', { questionId: id }], ['qna.highlight', { questionId: id }]],
    answered: [['qna.approve', { questionId: id }], ['qna.answer', { questionId: id, mode: 'live' }]],
    dismissed: [['qna.approve', { questionId: id }], ['qna.dismiss', { questionId: id }]],
    archived: [['qna.approve', { questionId: id }], ['qna.archive', { questionId: id }]],
  };
  for (const [type, payload] of steps[status]) {
    const d = h.run(mod, type, payload);
    if (!d.ok) throw new Error(`${type} refused: ${d.error.code}`);
  }
  expect(h.status(id)).toBe(status);
  return { h, id };
}

type Row = { command: string; payload: (id: string) => Record<string, unknown>; to: Partial<Record<QnaStatus, QnaStatus>> };
const table: Row[] = [
  { command: 'qna.approve', payload: (id) => ({ questionId: id }), to: { pending: 'visible' } },
  { command: 'qna.highlight', payload: (id) => ({ questionId: id }), to: { visible: 'highlighted' } },
  {
    command: 'qna.answer', payload: (id) => ({ questionId: id, mode: 'written', text: 'In writing.' }),
    to: { pending: 'answered', visible: 'answered', highlighted: 'answered' },
  },
  { command: 'qna.dismiss', payload: (id) => ({ questionId: id }), to: { pending: 'dismissed', visible: 'dismissed', highlighted: 'dismissed' } },
  {
    command: 'qna.archive', payload: (id) => ({ questionId: id }),
    to: { visible: 'archived', highlighted: 'archived', answered: 'archived', dismissed: 'archived' },
  },
  // Restore goes back where the question came from: here every set-aside question was visible.
  { command: 'qna.restore', payload: (id) => ({ questionId: id }), to: { dismissed: 'visible', archived: 'visible' } },
];

describe.each(table)('$command', ({ command, payload, to }) => {
  it.each([...QNA_STATUSES])(`from %s`, (from) => {
    const { h, id } = questionIn(from);
    const seq = h.state.seq;
    const d = h.run(actors.moderator, command, payload(id));
    const expected = to[from];
    if (expected) {
      expect(d.ok).toBe(true);
      expect(h.status(id)).toBe(expected);
    } else {
      expect(d).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', details: { questionId: id, status: from } } });
      expect(h.state.seq).toBe(seq);
    }
  });

  it('refuses an unknown question', () => {
    const { h } = questionIn('visible');
    expect(h.run(actors.moderator, command, payload('q99'))).toMatchObject({ ok: false, error: { code: 'QUESTION_NOT_FOUND' } });
  });
});

describe('who may send what', () => {
  const roles: Array<[string, Actor]> = [
    ['chair', actors.chair], ['secretariat', actors.secretariat], ['moderator', actors.moderator],
    ['delegate', actors.delegate], ['viewer', actors.viewer],
  ];
  const moderation: Array<[string, QnaStatus, (id: string) => Record<string, unknown>]> = [
    ['qna.approve', 'pending', (id) => ({ questionId: id })],
    ['qna.highlight', 'visible', (id) => ({ questionId: id })],
    ['qna.answer', 'visible', (id) => ({ questionId: id, mode: 'live' })],
    ['qna.dismiss', 'visible', (id) => ({ questionId: id })],
    ['qna.archive', 'answered', (id) => ({ questionId: id })],
    ['qna.restore', 'dismissed', (id) => ({ questionId: id })],
  ];
  const participant: Array<[string, QnaStatus, (id: string) => Record<string, unknown>]> = [
    ['qna.ask', 'visible', () => ({ text: 'A fresh question for the panel', anonymous: false, labels: [] })],
    ['qna.vote', 'visible', (id) => ({ questionId: id })],
    ['qna.unvote', 'visible', (id) => ({ questionId: id })],
  ];
  const may: Record<string, string[]> = {
    moderation: ['chair', 'secretariat', 'moderator'],
    participant: ['delegate', 'viewer'],
  };
  const cases = [
    ...moderation.map(([c, s, p]) => [c, s, p, may.moderation!] as const),
    ...participant.map(([c, s, p]) => [c, s, p, may.participant!] as const),
  ];
  for (const [command, status, payload, allowed] of cases) {
    it.each(roles)(`${command} by %s`, (role, actor) => {
      const { h, id } = questionIn(status);
      const seq = h.state.seq;
      const d = h.run(actor, command, payload(id));
      if (allowed.includes(role)) {
        expect(d.ok).toBe(true);
      } else {
        expect(d).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(h.state.seq).toBe(seq);
      }
    });
  }

  it('refuses the system and operators too', () => {
    const { h, id } = questionIn('pending');
    expect(h.run({ role: 'system', participantId: 'system' }, 'qna.approve', { questionId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.run({ role: 'operator', participantId: 'op' }, 'qna.ask', { text: 'hello there panel' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a moderator of another meeting (token meeting differs)', () => {
    const { h, id } = questionIn('pending');
    expect(h.run(actors.moderator, 'qna.approve', { questionId: id }, { actorMeetingId: 'other-meeting' }))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.status(id)).toBe('pending');
  });

  it('refuses a moderator who is not on this meeting\'s roster, or not as moderator', () => {
    const { h, id } = questionIn('pending');
    const stranger: Actor = { role: 'moderator', participantId: 'p-elsewhere' };
    expect(h.run(stranger, 'qna.approve', { questionId: id })).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } });
    const impostor: Actor = { role: 'moderator', participantId: 'p-gha' }; // a delegate here
    expect(h.run(impostor, 'qna.approve', { questionId: id })).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } });
    expect(h.status(id)).toBe('pending');
  });

  it('lets anonymous viewers (not on the roster) ask', () => {
    const { h } = questionIn('visible');
    expect(h.run({ role: 'viewer', participantId: 'anon-xyz' }, 'qna.ask', { text: 'From the web stream: why?', anonymous: true }).ok).toBe(true);
  });
});
