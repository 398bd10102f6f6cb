import { clockTime, timecode } from '../format';
import type { RecordDocument } from '../types';
import { INTERVENTION_COLUMNS, headerLine, interventionRow, revisions, sections } from './layout';

/** Names and texts come from users: no raw HTML may pass through a Markdown viewer. */
// Markdown passes HTML through: neutralise tags and entity look-alikes, keep a plain '&' readable.
const md = (s: string) => s.replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cell = (s: string) => md(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The record as Markdown: header, entries under agenda-item headings, then the R44 annex. */
export function renderMarkdown(doc: RecordDocument): string {
  const tz = doc.meeting.timeZone ?? 'UTC';
  const lines: string[] = [`# Summary record: ${md(doc.meeting.title)}`, ''];
  const header = headerLine(doc);
  if (header) lines.push(`**${md(header)}**`, '');
  lines.push(`Meeting \`${doc.meeting.meetingId}\`. Clock times are ${tz}; [h:mm:ss] is the offset in the webcast.`, '');
  let n = 0;
  for (const section of sections(doc)) {
    if (section.heading) lines.push(`## ${md(section.heading)}`, '');
    for (const e of section.entries) {
      const c = e.current;
      const tc = c.offsetSeconds === null ? '' : ` [${timecode(c.offsetSeconds)}]`;
      lines.push(`${++n}. **${clockTime(c.at, tz)}**${tc} ${md(c.text)}`);
      if (c.summary) lines.push(`   > ${md(c.summary)}`);
      for (const r of revisions(e)) {
        const what = md(r.revision?.change === 'correction' ? `Corrected${r.revision.reason ? ` (${r.revision.reason})` : ''}` : 'Summary added');
        lines.push(`   - _v${r.version}: ${what} by ${r.revision?.by.displayName ?? r.revision?.by.role ?? 'the Secretariat'} at ${clockTime(r.revision?.at ?? c.at, tz)}_`);
      }
    }
    lines.push('');
  }
  if (doc.interventions.length > 0) {
    lines.push('## Interventions', '', `| ${INTERVENTION_COLUMNS.join(' | ')} |`, `|${INTERVENTION_COLUMNS.map(() => '---').join('|')}|`);
    for (const i of [...doc.interventions].sort((a, b) => a.number - b.number)) {
      lines.push(`| ${interventionRow(doc, i).map(cell).join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
