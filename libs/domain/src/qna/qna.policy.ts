import type { CommandError, QnaSettings } from '@rostrum/contracts';
import { fail } from '@rostrum/contracts';
import type { QnaState } from './qna.state';
import { own } from '../floor/own';

type Refusal = { ok: false; error: CommandError };

/**
 * Text as compared against blocked words: accents and case folded away and every run of
 * non-letters made one space, so "Bad-Word", "BAD word" and "bád word" all match "bad word".
 */
export function normalizeForMatch(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
    .split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/**
 * Blocked words and phrases found in `text`. Whole words only, so a blocked "ass" does not
 * block "assembly" (the classic false positive of substring filters); a trailing `*` opts a
 * term into prefix matching ("spam*" blocks "spammer").
 */
export function findBlockedWords(text: string, blocked: readonly string[]): string[] {
  if (blocked.length === 0) return [];
  const words = normalizeForMatch(text);
  const hits: string[] = [];
  for (const term of blocked) {
    const prefix = term.trimEnd().endsWith('*');
    const parts = normalizeForMatch(prefix ? term.trimEnd().slice(0, -1) : term);
    if (parts.length === 0) continue;
    if (containsPhrase(words, parts, prefix)) hits.push(term);
  }
  return hits;
}

function containsPhrase(words: readonly string[], parts: readonly string[], prefixLast: boolean): boolean {
  const last = parts.length - 1;
  outer: for (let i = 0; i + parts.length <= words.length; i++) {
    for (let j = 0; j <= last; j++) {
      const w = words[i + j]!;
      const ok = j === last && prefixLast ? w.startsWith(parts[j]!) : w === parts[j];
      if (!ok) continue outer;
    }
    return true;
  }
  return false;
}

/** Length as people count it: code points, so an emoji or an accented letter is one. */
export const textLength = (text: string): number => [...text].length;

/** The question text, trimmed and checked against the meeting's rules; a refusal stores nothing. */
export function checkQuestionText(raw: string, settings: QnaSettings): { ok: true; text: string } | Refusal {
  // Control characters other than line breaks have no place in a question shown on a big screen.
  const text = raw.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '').trim();
  if (text.length === 0) return fail('TEXT_EMPTY', 'The question is empty.');
  const length = textLength(text);
  if (length > settings.maxLength) {
    return fail('TEXT_TOO_LONG', `The question is ${length} characters long; at most ${settings.maxLength} are allowed.`,
      { maxLength: settings.maxLength, length });
  }
  const words = findBlockedWords(text, settings.blockedWords);
  if (words.length > 0) {
    return fail('BLOCKED_WORDS', 'The question contains words this meeting does not accept; please rephrase.', { words });
  }
  return { ok: true, text };
}

/**
 * Per-participant rate limit over a sliding window. It counts questions stored in the stream,
 * so refused attempts never count and the limit holds across instances and restarts.
 */
export function checkRateLimit(state: QnaState, participantId: string, now: number, settings: QnaSettings): { ok: true } | Refusal {
  const { questions, windowSeconds } = settings.rateLimit;
  const windowMs = windowSeconds * 1000;
  const recent = (own(state.asks, participantId) ?? []).filter((t) => t > now - windowMs);
  if (recent.length < questions) return { ok: true };
  const retryAfterMs = recent[recent.length - questions]! + windowMs - now;
  return fail('RATE_LIMITED', `At most ${questions} questions per ${windowSeconds} s; try again in ${Math.ceil(retryAfterMs / 1000)} s.`,
    { retryAfterMs, limit: questions, windowSeconds });
}
