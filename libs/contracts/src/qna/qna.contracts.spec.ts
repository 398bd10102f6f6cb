import { QNA_COMMANDS, QnaAnswerSchema, QnaAskSchema, QnaHighlightSchema } from './commands';
import { QNA_ERROR_CODES } from './errors';

describe('qna contracts', () => {
  it('routes every command to the qna service with the right roles', () => {
    for (const [name, spec] of Object.entries(QNA_COMMANDS)) {
      expect(spec.owner).toBe('qna');
      const participant = ['qna.ask', 'qna.vote', 'qna.unvote'].includes(name);
      expect([...spec.roles].sort()).toEqual(participant ? ['delegate', 'viewer'] : ['chair', 'moderator', 'secretariat']);
    }
    expect(Object.keys(QNA_COMMANDS).sort()).toEqual(
      ['qna.answer', 'qna.approve', 'qna.archive', 'qna.ask', 'qna.dismiss', 'qna.highlight', 'qna.restore', 'qna.unvote', 'qna.vote'],
    );
  });

  it('fills ask defaults and rejects unknown fields (a client cannot smuggle votes or authors)', () => {
    expect(QnaAskSchema.parse({ text: 'Why?' })).toEqual({ text: 'Why?', anonymous: false, labels: [] });
    expect(QnaAskSchema.safeParse({ text: 'Why?', askerId: 'x' }).success).toBe(false);
    expect(QnaAskSchema.safeParse({ text: 'x'.repeat(2001) }).success).toBe(false);
    expect(QnaAskSchema.safeParse({ text: 'Why?', labels: ['a', 'b', 'c', 'd', 'e', 'f'] }).success).toBe(false);
    expect(QnaAnswerSchema.safeParse({ questionId: 'q1', mode: 'live', votes: 99 }).success).toBe(false);
  });

  it('requires text for written answers; null clears the highlight', () => {
    expect(QnaAnswerSchema.safeParse({ questionId: 'q1', mode: 'written' }).success).toBe(false);
    expect(QnaAnswerSchema.safeParse({ questionId: 'q1', mode: 'live' }).success).toBe(true);
    expect(QnaHighlightSchema.parse({ questionId: null })).toEqual({ questionId: null });
    expect(QnaHighlightSchema.safeParse({}).success).toBe(false);
  });

  it('declares its error codes once', () => {
    expect(new Set(QNA_ERROR_CODES).size).toBe(QNA_ERROR_CODES.length);
  });
});
