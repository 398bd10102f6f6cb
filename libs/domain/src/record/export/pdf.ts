import type { RecordDocument } from '../types';
import { PdfWriter, type PdfOptions } from './pdf/writer';
import type { RecordLanguage } from './phrases';
import { speakersList } from './speakers';
import { summaryRecordModel } from './summary';

export type { PdfOptions } from './pdf/writer';

/**
 * The summary record in UN form as a tagged PDF: embedded Noto fonts for every official
 * language's script (Arabic shaped and right to left), page numbers "x of y", document
 * language and title, the symbol as running head.
 */
export function renderPdf(doc: RecordDocument, options: PdfOptions & { lang?: RecordLanguage } = {}): Promise<Buffer> {
  const lang = options.lang ?? 'en';
  const s = summaryRecordModel(doc, lang);
  const w = new PdfWriter(`${s.symbol ? `${s.symbol}: ` : ''}${s.heading} — ${s.title}`, { ...options, lang, runningHead: s.symbol });
  if (s.symbol) w.paragraph(s.symbol, { align: 'right', weight: 'bold', size: 11 });
  for (const line of [s.body, s.session]) if (line) w.paragraph(line, { size: 9 });
  w.space(6).paragraph(s.heading, { tag: 'H1', size: 15, weight: 'bold' });
  w.paragraph(s.title, { weight: 'bold', size: 11 });
  if (s.heldAt) w.paragraph(s.heldAt, { weight: 'italic' });
  if (s.presiding) w.paragraph([{ text: `${s.presiding.label} `, weight: 'bold' }, { text: s.presiding.names.join('; ') }]);
  w.space(4).paragraph(s.contentsLabel, { tag: 'H2', size: 12, weight: 'bold' });
  const list = w.group('L');
  for (const c of s.contents) w.paragraph(c, { tag: 'LI', indent: 12, gapAfter: 2 }, list);
  let n = 0;
  for (const section of s.sections) {
    if (section.heading) w.space(6).paragraph(section.heading, { tag: 'H2', size: 12, weight: 'bold' });
    for (const p of section.paragraphs) w.paragraph(`${++n}.  ${p}`, { indent: 0 });
  }
  w.space(12).paragraph(s.correctionNote, { size: 8, color: '#333' });
  return w.finish();
}

/** The list of speakers with speaking times as a tagged PDF table (rows never split; header repeats). */
export function renderSpeakersPdf(doc: RecordDocument, options: PdfOptions & { lang?: RecordLanguage } = {}): Promise<Buffer> {
  const lang = options.lang ?? 'en';
  const l = speakersList(doc, lang);
  const w = new PdfWriter(`${l.title} — ${doc.meeting.title}`, { landscape: true, ...options, lang, runningHead: doc.meeting.symbol });
  w.paragraph(l.title, { tag: 'H1', size: 14, weight: 'bold' }).paragraph(l.subtitle, { size: 9 });
  const widths = [3, 3, 16, 14, 11, 8, 6, 6, 5, 5, 5, 5];
  w.table(l.columns.map((header, k) => ({ header, width: widths[k] })), l.rows, 7);
  return w.finish();
}
