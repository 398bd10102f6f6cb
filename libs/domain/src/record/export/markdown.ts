import type { RecordDocument } from '../types';
import { escapeMarkdown as md } from './escape-text';
import type { RecordLanguage } from './phrases';
import { summaryRecordModel } from './summary';

/** The summary record in UN form as Markdown (see summary.ts); every user field escaped. */
export function renderMarkdown(doc: RecordDocument, lang: RecordLanguage = 'en'): string {
  const s = summaryRecordModel(doc, lang);
  const lines: string[] = [];
  const masthead = [s.symbol, s.body, s.session].filter((x): x is string => Boolean(x)).map(md);
  if (masthead.length) lines.push(masthead.join('  \n'), '');
  lines.push(`# ${md(s.heading)}`, '', `**${md(s.title)}**`, '');
  if (s.heldAt) lines.push(`_${md(s.heldAt)}_`, '');
  if (s.presiding) lines.push(`${md(s.presiding.label)} ${s.presiding.names.map(md).join('; ')}`, '');
  lines.push(`## ${md(s.contentsLabel)}`, '', ...s.contents.map((c) => `- ${md(c)}`), '');
  let n = 0;
  for (const section of s.sections) {
    if (section.heading) lines.push(`## ${md(section.heading)}`, '');
    for (const para of section.paragraphs) lines.push(`${++n}. ${md(para)}`, '');
  }
  lines.push('---', '', `_${md(s.correctionNote)}_`, '');
  return lines.join('\n');
}
