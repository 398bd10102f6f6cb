import { readFileSync } from 'node:fs';

/**
 * The fonts the PDF exports embed: Noto Sans for Latin, Cyrillic and Greek (English, French,
 * Spanish, Russian), Noto Sans Arabic (shaped by fontkit) and Noto Sans SC (Chinese), from the
 * `@expo-google-fonts/*` npm packages, which ship whole TrueType files (pdfkit embeds a subset
 * of the glyphs used). The only I/O in the renderers: static assets, read once per process.
 */
export type FontScript = 'latin' | 'arabic' | 'cjk';
export type FontWeight = 'regular' | 'bold' | 'italic';

const FILES: Record<FontScript, Record<FontWeight, string>> = {
  latin: {
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
    italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  },
  arabic: {
    regular: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
    italic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  },
  cjk: {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
    italic: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  },
};

const cache = new Map<string, Buffer>();

/** The font file for a script and weight (Buffer, cached). Throws if the package is missing. */
export function fontData(script: FontScript, weight: FontWeight): Buffer {
  const spec = FILES[script][weight];
  let data = cache.get(spec);
  if (!data) {
    data = readFileSync(require.resolve(spec));
    cache.set(spec, data);
  }
  return data;
}

/** pdfkit's registered name for a script and weight. */
export const fontName = (script: FontScript, weight: FontWeight): string => `${script}-${weight}`;

export const FONT_SCRIPTS = Object.keys(FILES) as FontScript[];
export const FONT_WEIGHTS: FontWeight[] = ['regular', 'bold', 'italic'];

// Arabic script blocks (base, supplement, extended-A, presentation forms A and B).
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
// Han, CJK punctuation, kana, fullwidth forms: Noto Sans SC covers them.
const CJK = /[\u2e80-\u2fdf\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Which font draws a character; undefined for neutrals (spaces, punctuation), which follow their neighbours. */
export function scriptOf(ch: string): FontScript | undefined {
  if (ARABIC.test(ch)) return 'arabic';
  if (CJK.test(ch)) return 'cjk';
  if (/[\s.,;:!?()[\]{}'"“”‘’«»\-–—/]/.test(ch)) return undefined;
  return 'latin';
}
