import { IntlMessageFormat } from 'intl-messageformat';
import { ERROR_CODES, ERROR_MESSAGES } from '@rostrum/contracts';
import en from './en.json';
import fr from './fr.json';
import ar from './ar.json';

// The consoles' message catalogues: English is the source (en.json for the interface,
// ERROR_MESSAGES in contracts for refusals); French is complete; Arabic carries what the
// right-to-left test needs and falls back to English for the rest.

/** The argument names an ICU message uses (`{name}`, `{n, plural, …}`), sorted. */
function argumentsOf(message: string, lang: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]): void => {
    for (const n of nodes as Array<{ type: number; value?: string; options?: Record<string, { value: unknown[] }> }>) {
      if (n.type !== 0 && typeof n.value === 'string' && n.type !== 7) names.add(n.value);
      for (const o of Object.values(n.options ?? {})) walk(o.value);
    }
  };
  walk(new IntlMessageFormat(message, lang).getAst() as unknown[]);
  return [...names].sort();
}

describe('console message catalogues', () => {
  it('every error code has a plain-language English message that does not show the code', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_MESSAGES[code]).toMatch(/^[A-Z].{8,}[.!?]$/);
      expect(ERROR_MESSAGES[code]).not.toContain(code);
    }
  });

  it('French translates every interface message and every error code, with the same ICU arguments', () => {
    const missing = [...Object.keys(en).filter((k) => !Object.hasOwn(fr, k)), ...ERROR_CODES.map((c) => `error.${c}`).filter((k) => !Object.hasOwn(fr, k))];
    expect(missing).toEqual([]);
    const frCatalogue = fr as Record<string, string>;
    for (const [id, message] of Object.entries(en)) expect([id, argumentsOf(frCatalogue[id]!, 'fr')]).toEqual([id, argumentsOf(message, 'en')]);
    for (const code of ERROR_CODES) expect(argumentsOf(frCatalogue[`error.${code}`]!, 'fr')).toEqual([]);
  });

  it('no catalogue has a message English does not (a stale id), and every message parses', () => {
    const known = new Set([...Object.keys(en), ...ERROR_CODES.map((c) => `error.${c}`)]);
    for (const [lang, catalogue] of Object.entries({ fr, ar }) as Array<[string, Record<string, string>]>) {
      expect(Object.keys(catalogue).filter((k) => !known.has(k))).toEqual([]);
      for (const [id, message] of Object.entries(catalogue)) {
        expect(() => new IntlMessageFormat(message, lang)).not.toThrow();
        if (Object.hasOwn(en, id)) expect([id, argumentsOf(message, lang)]).toEqual([id, argumentsOf((en as Record<string, string>)[id]!, 'en')]);
      }
    }
  });
});
