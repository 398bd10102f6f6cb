import type { EventEnvelope } from '@rostrum/contracts';
import { derivationContext, questionChange, referencedInterventions } from './record-context';

const env = (type: string, payload: object, stream: 'meeting' | 'qna' = 'meeting'): EventEnvelope => ({
  meetingId: 'm', stream, seq: 1, at: 0, type, payload: payload as Record<string, unknown>, visibility: { scope: 'public' },
  actor: { role: 'system', participantId: 'system' }, commandId: 'c',
});

describe('recorder context', () => {
  it('R24 R21 finds the interventions a batch refers to', () => {
    expect(referencedInterventions([
      env('speech.ended', { intervention: { entryId: 'r1', replyTo: 'a' } }),
      env('reply.granted', { entry: { replyTo: 'b' } }),
      env('pointOfOrder.ruled', { entryId: 'p' }),
      env('clock.warning', { entryId: 'x' }),
    ]).sort()).toEqual(['a', 'b', 'p']);
  });

  it('keeps only public fields of a question and follows its status', () => {
    const asked = questionChange(env('qna.asked', { questionId: 'q', text: 'Why?', author: 'anonymous', askedAt: 5, status: 'pending', asker: { participantId: 'secret' } }, 'qna'));
    expect(asked).toEqual({ questionId: 'q', itemId: undefined, text: 'Why?', author: 'anonymous', authorDelegationId: undefined, askedAt: 5, status: 'pending' });
    expect(questionChange(env('qna.dismissed', { questionId: 'q', from: 'visible' }, 'qna'))).toEqual({ questionId: 'q', status: 'dismissed' });
    expect(questionChange(env('qna.answered', { questionId: 'q', votes: 7, mode: 'live', answeredAt: 9 }, 'qna'))).toMatchObject({ status: 'answered', votes: 7 });
    expect(questionChange(env('qna.highlighted', { questionId: null, previousId: 'q' }, 'qna'))).toBeUndefined();
  });

  it('names come from the setup, unknown ids stay undefined', () => {
    const ctx = derivationContext({ delegations: [{ id: 'GHA', name: 'Ghana', tier: 'members', groups: [] }], groups: [], items: [{ id: 'i', title: 'Item', position: 1 }] } as never, new Map());
    expect([ctx.delegationName('GHA'), ctx.delegationName('X'), ctx.itemTitle('i'), ctx.intervention(undefined)]).toEqual(['Ghana', undefined, 'Item', undefined]);
  });
});
