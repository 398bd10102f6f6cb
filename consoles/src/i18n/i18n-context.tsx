// The translator for the page, through Preact context: `const { t } = useI18n()`.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { Translator, type Lang } from './i18n';

const I18n = createContext<Translator>(new Translator('en'));

/** Provides `t` to the tree and sets `<html lang dir>` (Arabic lays the page out right to left). */
export function I18nProvider({ lang, children }: { lang: Lang; children: ComponentChildren }) {
  const translator = useMemo(() => new Translator(lang), [lang]);
  document.documentElement.lang = lang;
  document.documentElement.dir = translator.dir;
  return <I18n.Provider value={translator}>{children}</I18n.Provider>;
}

/** The page's translator: `t(id, values)`, `error(code)`, `lang`, `dir`. */
export function useI18n(): Translator { return useContext(I18n); }
