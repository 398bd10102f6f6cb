import { formatCountdown, formatMeetingTime } from './time';
import { secondsLeft } from './time';
import { Translator, pickLanguage } from '../i18n/i18n';

describe('times in the meeting\'s zone, one 24-hour format', () => {
  const at = Date.UTC(2026, 0, 15, 13, 5, 9); // 13:05:09 UTC

  it('shows the meeting\'s local time, 24-hour, whatever the language', () => {
    // Hand-computed: New York is UTC−5 in January, Nairobi UTC+3, Geneva UTC+1.
    expect(formatMeetingTime(at, 'America/New_York', 'en')).toBe('08:05');
    expect(formatMeetingTime(at, 'Africa/Nairobi', 'en', { seconds: true })).toBe('16:05:09');
    expect(formatMeetingTime(at, 'Europe/Zurich', 'fr')).toBe('14:05');
    expect(formatMeetingTime(at, 'Europe/Zurich', 'ar')).toBe('14:05');
    expect(formatMeetingTime(at, undefined, 'en')).toBe('13:05');
    expect(formatMeetingTime(at, 'Not/AZone', 'en')).toBe('13:05');
  });

  it('counts down in m:ss, rounding up, and below zero once over', () => {
    expect(formatCountdown(299.2)).toBe('5:00');
    expect(formatCountdown(245)).toBe('4:05');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-12.5)).toBe('−0:12');
  });

  it('a running clock is drawn from server time; a stopped one from its elapsed time', () => {
    const clock = { allottedSeconds: 300, startedAt: 1_000_000, pausedMs: 0, clockStoppedAt: null, elapsedMs: undefined };
    expect(secondsLeft(clock, 1_001_000)).toBe(299);
    expect(secondsLeft({ ...clock, pausedMs: 4_000 }, 1_010_000)).toBe(294);
    expect(secondsLeft({ ...clock, clockStoppedAt: 1_055_000, elapsedMs: 55_000 }, 9_999_999)).toBe(245);
  });
});

describe('language and messages', () => {
  it('takes ?lang= first, then the browser\'s languages, else English', () => {
    expect(pickLanguage('?lang=ar', ['fr-FR'])).toBe('ar');
    expect(pickLanguage('?lang=xx', ['fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage('', ['de-DE', 'es'])).toBe('en');
  });

  it('a refusal reads as a sentence in the reader\'s language; Arabic falls back to English where untranslated', () => {
    expect(new Translator('fr').error('FLOOR_OCCUPIED')).toBe('Quelqu\'un a la parole. L\'intervention en cours doit d\'abord se terminer.');
    expect(new Translator('en').error('LIST_NOT_ANNOUNCED')).toBe('The list must be announced before it can be closed.');
    expect(new Translator('ar').error('LIST_NOT_ANNOUNCED')).toBe('The list must be announced before it can be closed.');
    expect(new Translator('en').error('NO_SUCH_CODE')).toBe('The action was refused.');
    expect(new Translator('ar').dir).toBe('rtl');
    expect(new Translator('fr').t('link.refused.detail', { detail: 'TOKEN_REVOKED' })).toBe('Votre accès a été refusé : TOKEN_REVOKED');
  });
});
