import { checkQuestionText, checkRateLimit, findBlockedWords, normalizeForMatch } from './qna.policy';
import { initialQnaState, type QnaState } from './qna.state';
import { settings, T0 } from './qna.fixtures';

describe('blocked words', () => {
  it('matches whole words regardless of case, accents and punctuation', () => {
    expect(normalizeForMatch('Bád-WORD, here!')).toEqual(['bad', 'word', 'here']);
    expect(findBlockedWords('This is a BAD-word question', ['bad word'])).toEqual(['bad word']);
    expect(findBlockedWords('Ça sent le spam.', ['SPAM'])).toEqual(['SPAM']);
  });

  it('does not block words that merely contain a blocked word', () => {
    expect(findBlockedWords('The General Assembly met', ['ass'])).toEqual([]);
  });

  it('supports a trailing * as prefix match', () => {
    expect(findBlockedWords('You spammers', ['spam*'])).toEqual(['spam*']);
    expect(findBlockedWords('You spammers', ['spam'])).toEqual([]);
  });

  it('reports every term found', () => {
    expect(findBlockedWords('foo and bar', ['bar', 'baz', 'foo'])).toEqual(['bar', 'foo']);
  });
});

describe('question text', () => {
  it('trims and accepts', () => {
    expect(checkQuestionText('  Why?  ', settings())).toEqual({ ok: true, text: 'Why?' });
  });
  it('refuses empty text', () => {
    expect(checkQuestionText(' \n\t ', settings())).toMatchObject({ ok: false, error: { code: 'TEXT_EMPTY' } });
  });
  it('refuses text longer than the meeting allows, counting code points', () => {
    const s = settings({ maxLength: 20 });
    expect(checkQuestionText('é'.repeat(20), s).ok).toBe(true);
    expect(checkQuestionText('🌍'.repeat(20), s).ok).toBe(true);
    expect(checkQuestionText('x'.repeat(21), s)).toMatchObject({ ok: false, error: { code: 'TEXT_TOO_LONG', details: { maxLength: 20, length: 21 } } });
  });
  it('refuses blocked words with the words found', () => {
    expect(checkQuestionText('a rude question', settings({ blockedWords: ['rude'] })))
      .toMatchObject({ ok: false, error: { code: 'BLOCKED_WORDS', details: { words: ['rude'] } } });
  });
});

describe('rate limit', () => {
  const withAsks = (times: number[]): QnaState => ({ ...initialQnaState('m1'), asks: { p: times } });
  const s = settings({ rateLimit: { questions: 2, windowSeconds: 60 } });

  it('allows up to the limit within the window', () => {
    expect(checkRateLimit(withAsks([T0]), 'p', T0 + 1000, s).ok).toBe(true);
  });
  it('refuses beyond it and says when to retry', () => {
    const r = checkRateLimit(withAsks([T0, T0 + 10_000]), 'p', T0 + 20_000, s);
    expect(r).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { retryAfterMs: 40_000 } } });
  });
  it('forgets asks older than the window', () => {
    expect(checkRateLimit(withAsks([T0, T0 + 10_000]), 'p', T0 + 60_001, s).ok).toBe(true);
  });
  it('counts per participant', () => {
    expect(checkRateLimit(withAsks([T0, T0]), 'other', T0, s).ok).toBe(true);
  });
});
