// Translations: one ICU message catalogue per language (en.json, fr.json, ar.json), formatted by
// FormatJS's intl-messageformat. English is the source; a message missing in another language
// falls back to English, then to its id. Error messages: the English source is ERROR_MESSAGES in
// @rostrum/contracts (one catalogue with the codes); translations are `error.<CODE>` here.
import { IntlMessageFormat } from 'intl-messageformat';
import { ERROR_MESSAGES } from '@rostrum/contracts/error-messages';
import type { ErrorCode } from '@rostrum/contracts/errors';
import en from './en.json';
import fr from './fr.json';
import ar from './ar.json';

/** The languages offered, with their writing direction and their own name. */
export const LANGUAGES = {
  en: { dir: 'ltr', name: 'English' },
  fr: { dir: 'ltr', name: 'Français' },
  ar: { dir: 'rtl', name: 'العربية' },
} as const;
export type Lang = keyof typeof LANGUAGES;
/** Every UI message id (the English catalogue's keys). */
export type MessageId = keyof typeof en;
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

const CATALOGUES: Record<Lang, Readonly<Record<string, string>>> = { en, fr, ar };
const isLang = (x: string): x is Lang => Object.hasOwn(LANGUAGES, x);

/**
 * The page's language: `?lang=` when it names one of LANGUAGES, else the first of the browser's
 * preferred languages we have (`fr-CA` → fr), else English.
 */
export function pickLanguage(search: string, preferred: readonly string[] = []): Lang {
  const asked = new URLSearchParams(search).get('lang')?.toLowerCase();
  if (asked && isLang(asked)) return asked;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]!;
    if (isLang(base)) return base;
  }
  return 'en';
}

/** Formats messages of one language; compiled messages are cached per id. */
export class Translator {
  private readonly cache = new Map<string, IntlMessageFormat>();
  constructor(readonly lang: Lang) {}

  /** `ltr` or `rtl`, for `<html dir>`. */
  get dir(): 'ltr' | 'rtl' { return LANGUAGES[this.lang].dir; }

  /** The message `id` with ICU arguments filled (`{count, plural, …}`, `{name}`). Bound: `const { t } = useI18n()` works. */
  readonly t = (id: MessageId, values?: MessageValues): string => this.format(id, values);

  /**
   * What a person reads for a refusal `code`: the translation of `error.<code>`, else the
   * English source in ERROR_MESSAGES, else a generic sentence (the code is shown as a detail
   * by the caller, never as the message).
   */
  readonly error = (code: string): string => {
    const key = `error.${code}`;
    if (this.has(key)) return this.format(key);
    return Object.hasOwn(ERROR_MESSAGES, code) ? ERROR_MESSAGES[code as ErrorCode] : this.format('error.unknown');
  };

  private has(key: string): boolean { return Object.hasOwn(CATALOGUES[this.lang], key) || Object.hasOwn(en, key); }

  private format(key: string, values?: MessageValues): string {
    const lang = Object.hasOwn(CATALOGUES[this.lang], key) ? this.lang : 'en';
    const source = Object.hasOwn(CATALOGUES[lang], key) ? CATALOGUES[lang][key]! : null;
    if (source === null) return key;
    let compiled = this.cache.get(key);
    if (!compiled) { compiled = new IntlMessageFormat(source, lang); this.cache.set(key, compiled); }
    return String(compiled.format(values as Record<string, string | number>));
  }
}
