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

describe('blocked words: how a term is read', () => {
  it('a phrase matches only its words adjacent and in order, wherever they stand in the text', () => {
    expect(findBlockedWords('this is a bad word', ['bad word'])).toEqual(['bad word']);        // at the very end
    expect(findBlockedWords('bad word first', ['bad word'])).toEqual(['bad word']);            // at the very start
    expect(findBlockedWords('a bad other word', ['bad word'])).toEqual([]);
    expect(findBlockedWords('word bad', ['bad word'])).toEqual([]);
    expect(findBlockedWords('bad', ['bad word'])).toEqual([]);                                  // text shorter than the phrase
  });

  it('a trailing * makes only the last word of a phrase a prefix, spaces after it included', () => {
    expect(findBlockedWords('bad words here', ['bad wor*'])).toEqual(['bad wor*']);
    expect(findBlockedWords('bads words here', ['bad wor*'])).toEqual([]);
    expect(findBlockedWords('You spammers', ['spam*  '])).toEqual(['spam*  ']);
    expect(findBlockedWords('You spam', ['spam*'])).toEqual(['spam*']);                         // the prefix itself is a word too
  });

  it('a term with no letters or digits (empty, only *, only punctuation) blocks nothing', () => {
    expect(findBlockedWords('any question at all', ['', '*', '  ', '--', ' * '])).toEqual([]);
  });

  it('digits are part of words', () => {
    expect(normalizeForMatch('Resolution 2719, para 3b')).toEqual(['resolution', '2719', 'para', '3b']);
    expect(findBlockedWords('see 2719 now', ['2719'])).toEqual(['2719']);
    expect(findBlockedWords('see 27190 now', ['2719'])).toEqual([]);
  });
});

describe('question text: what is stored', () => {
  it('control characters are removed, line breaks kept', () => {
    expect(checkQuestionText('Why\u0007 now?\u0000\nAnd\tthen\u007f?', settings())).toEqual({ ok: true, text: 'Why now?\nAndthen?' });
  });

  it('text that is only control characters is empty', () => {
    expect(checkQuestionText('\u0001\u0002\u007f', settings())).toMatchObject({ ok: false, error: { code: 'TEXT_EMPTY' } });
  });

  it('the length is counted after trimming, and the message says both numbers', () => {
    expect(checkQuestionText(`  ${'x'.repeat(20)}  `, settings({ maxLength: 20 })).ok).toBe(true);
    const r = checkQuestionText('x'.repeat(25), settings({ maxLength: 20 }));
    expect(!r.ok && r.error.message).toBe('The question is 25 characters long; at most 20 are allowed.');
  });
});

describe('rate limit: the window edge and the retry-after', () => {
  const withAsks = (times: number[]): QnaState => ({ ...initialQnaState('m1'), asks: { p: times } });
  const s = settings({ rateLimit: { questions: 2, windowSeconds: 60 } });

  it('an ask exactly one window old no longer counts: retrying after the retry-after it gave succeeds', () => {
    const refused = checkRateLimit(withAsks([T0, T0 + 10_000]), 'p', T0 + 20_000, s);
    expect(refused).toMatchObject({ ok: false, error: { details: { retryAfterMs: 40_000, limit: 2, windowSeconds: 60 } } });
    expect(checkRateLimit(withAsks([T0, T0 + 10_000]), 'p', T0 + 59_999, s).ok).toBe(false);
    expect(checkRateLimit(withAsks([T0, T0 + 10_000]), 'p', T0 + 20_000 + 40_000, s).ok).toBe(true);
  });

  it('the message gives the wait in whole seconds, rounded up', () => {
    const r = checkRateLimit(withAsks([T0 + 500, T0 + 10_000]), 'p', T0 + 20_000, s);
    expect(r).toMatchObject({ ok: false, error: { details: { retryAfterMs: 40_500 } } });
    expect(!r.ok && r.error.message).toBe('At most 2 questions per 60 s; try again in 41 s.');
  });

  it('the retry-after counts from the oldest ask that still holds the limit', () => {
    // Three asks in the window, limit 2: the second oldest must leave the window first.
    const r = checkRateLimit(withAsks([T0, T0 + 5_000, T0 + 10_000]), 'p', T0 + 20_000, s);
    expect(r).toMatchObject({ ok: false, error: { details: { retryAfterMs: 45_000 } } });
  });
});
