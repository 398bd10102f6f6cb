import bidiFactory from 'bidi-js';
import { fontName, scriptOf, type FontScript, type FontWeight } from './fonts';

/**
 * Paragraph layout for the PDF exports, done here rather than by pdfkit because pdfkit draws a
 * fragment in one font and one direction. We break lines ourselves (at spaces, and between Han
 * characters), then apply the Unicode bidirectional algorithm (bidi-js) to each line, so Arabic
 * names inside an English sentence read right to left, parentheses mirror, and an Arabic
 * paragraph is right-aligned. Each piece is drawn in the font that covers its script; fontkit
 * shapes Arabic (joined forms) and lays out a right-to-left piece in visual order.
 */
export interface TextRun { text: string; weight?: FontWeight }
export interface Piece { text: string; font: string; width: number }
export interface Line { pieces: Piece[]; width: number; rtl: boolean }

/** What layout needs from pdfkit: measure a string in a registered font at a size. */
export interface Measurer { widthOf(text: string, font: string, size: number): number; hasGlyph(font: string, ch: string): boolean }

const bidi = bidiFactory();

interface CharInfo { ch: string; font: string }

function assignFonts(runs: TextRun[], m: Measurer): { text: string; chars: CharInfo[] } {
  const chars: CharInfo[] = [];
  for (const r of runs) {
    const weight = r.weight ?? 'regular';
    let last: FontScript | undefined;
    for (const ch of r.text) {
      const s = scriptOf(ch);
      // A neutral takes the font of what precedes it when that font has the glyph.
      const script: FontScript = s ?? (last && m.hasGlyph(fontName(last, weight), ch) ? last : 'latin');
      if (s) last = s;
      // Astral characters are two UTF-16 units: keep indexes aligned with the string.
      for (const unit of ch.length === 1 ? [ch] : ch.split('')) chars.push({ ch: unit, font: fontName(script, weight) });
    }
  }
  return { text: chars.map((c) => c.ch).join(''), chars };
}

/** Break opportunities: after whitespace, and before or after a Han/kana character. */
function units(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const isCjk = (c: string | undefined) => c !== undefined && scriptOf(c) === 'cjk';
  for (let i = 0; i < text.length; i++) {
    const next = text[i + 1];
    const breakAfter = next === undefined || (/\s/.test(text[i]) && !/\s/.test(next)) || (isCjk(text[i]) || isCjk(next)) && !/\s/.test(next);
    if (breakAfter) { out.push([start, i + 1]); start = i + 1; }
  }
  return out;
}

function measure(chars: CharInfo[], from: number, to: number, size: number, m: Measurer): number {
  let w = 0;
  let i = from;
  while (i < to) {
    let j = i + 1;
    while (j < to && chars[j].font === chars[i].font) j++;
    w += m.widthOf(chars.slice(i, j).map((c) => c.ch).join(''), chars[i].font, size);
    i = j;
  }
  return w;
}

/** Lays a paragraph out in lines no wider than `width` (points), each in visual order. */
export function layoutParagraph(runs: TextRun[], width: number, size: number, m: Measurer): Line[] {
  const { text, chars } = assignFonts(runs, m);
  if (text.trim() === '') return [];
  const embedding = bidi.getEmbeddingLevels(text);
  const rtl = embedding.paragraphs[0]?.level === 1;
  const lines: Array<[number, number]> = [];
  let lineStart = 0;
  let lineEnd = 0;
  // A word wider than the line (a long name in a narrow table cell) breaks between characters.
  const fitted = units(text).flatMap(([a, b]): Array<[number, number]> => (measure(chars, a, b, size, m) > width
    ? Array.from({ length: b - a }, (_, k): [number, number] => [a + k, a + k + 1]) : [[a, b]]));
  for (const [a, b] of fitted) {
    let end = b;
    while (end > a && /\s/.test(text[end - 1])) end--;
    if (lineEnd > lineStart && measure(chars, lineStart, end, size, m) > width) {
      lines.push([lineStart, lineEnd]);
      lineStart = a;
    }
    lineEnd = end;
  }
  if (lineEnd > lineStart) lines.push([lineStart, lineEnd]);
  return lines.map(([a, b]) => visualLine(text, chars, embedding, a, b, size, m, rtl));
}

function visualLine(text: string, chars: CharInfo[], embedding: ReturnType<typeof bidi.getEmbeddingLevels>,
  start: number, end: number, size: number, m: Measurer, rtl: boolean): Line {
  const order = Array.from({ length: end - start }, (_, k) => start + k);
  for (const [a, b] of bidi.getReorderSegments(text, embedding, start, end - 1)) {
    const seg = order.slice(a - start, b - start + 1).reverse();
    order.splice(a - start, seg.length, ...seg);
  }
  const mirrored = bidi.getMirroredCharactersMap(text, embedding.levels, start, end - 1);
  const level = (i: number) => embedding.levels[i] & 1;
  const pieces: Piece[] = [];
  let k = 0;
  while (k < order.length) {
    const first = order[k];
    const odd = level(first) === 1;
    let j = k + 1;
    const step = odd ? -1 : 1;
    while (j < order.length && order[j] === order[j - 1] + step && chars[order[j]].font === chars[first].font && level(order[j]) === level(first)) j++;
    const idx = order.slice(k, j);
    const font = chars[first].font;
    // fontkit lays out an Arabic string right to left itself: give it logical order. Anything
    // else at an odd level (brackets, punctuation) is drawn as the algorithm ordered it. Brackets
    // at an odd level are mirrored either way.
    const logical = odd && font.startsWith('arabic') ? [...idx].sort((a, b) => a - b) : idx;
    const t = logical.map((i) => mirrored.get(i) ?? text[i]).join('');
    pieces.push({ text: t, font, width: m.widthOf(t, font, size) });
    k = j;
  }
  return { pieces, width: pieces.reduce((s, p) => s + p.width, 0), rtl };
}
