import { clockTime, timecode } from '../format';
import type { RecordDocument } from '../types';
import { INTERVENTION_COLUMNS, headerLine, interventionRow, revisions, sections } from './layout';

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = `body{font-family:"Times New Roman",serif;max-width:48rem;margin:2rem auto;line-height:1.45;color:#111}
header{text-align:center;border-bottom:2px solid #000;margin-bottom:1.5rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}
ol.entries{padding-left:2rem}time,.tc{font-variant-numeric:tabular-nums;color:#444}
blockquote{margin:.3rem 0 .3rem 1rem;font-style:italic}.rev{font-size:.85rem;color:#555}
table{border-collapse:collapse;font-size:.75rem;width:100%}th,td{border:1px solid #999;padding:2px 4px;text-align:left}
@media print{body{margin:0;max-width:none}a{color:inherit}h2{break-after:avoid}tr{break-inside:avoid}}`;

/** A printable UN-style summary record (self-contained HTML, no scripts). */
export function renderHtml(doc: RecordDocument): string {
  const tz = doc.meeting.timeZone ?? 'UTC';
  const h = escapeHtml;
  const out: string[] = [
    '<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
    `<title>Summary record: ${h(doc.meeting.title)}</title>`, `<style>${STYLE}</style>`, '</head>', '<body>',
    '<header>', doc.meeting.body ? `<p>${h(doc.meeting.body)}</p>` : '', `<h1>Summary record: ${h(doc.meeting.title)}</h1>`,
    `<p>${h(headerLine(doc))}</p>`, `<p class="rev">Meeting ${h(doc.meeting.meetingId)}. Clock times are ${h(tz)}; [h:mm:ss] is the offset in the webcast.</p>`,
    '</header>', '<main>',
  ];
  let n = 0;
  for (const section of sections(doc)) {
    if (section.heading) out.push(`<h2>${h(section.heading)}</h2>`);
    out.push(`<ol class="entries" start="${n + 1}">`);
    for (const e of section.entries) {
      n++;
      const c = e.current;
      const tc = c.offsetSeconds === null ? '' : ` <span class="tc">[${timecode(c.offsetSeconds)}]</span>`;
      out.push(`<li id="${h(c.entryId)}"><time>${clockTime(c.at, tz)}</time>${tc} ${h(c.text)}`);
      if (c.summary) out.push(`<blockquote>${h(c.summary)}</blockquote>`);
      for (const r of revisions(e)) {
        const what = r.revision?.change === 'correction' ? `Corrected${r.revision.reason ? ` (${r.revision.reason})` : ''}` : 'Summary added';
        out.push(`<div class="rev">v${r.version}: ${h(what)} by ${h(r.revision?.by.displayName ?? 'the Secretariat')} at ${clockTime(r.revision?.at ?? c.at, tz)}</div>`);
      }
      out.push('</li>');
    }
    out.push('</ol>');
  }
  if (doc.interventions.length > 0) {
    out.push('<h2>Interventions</h2>', '<table>', `<thead><tr>${INTERVENTION_COLUMNS.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead>`, '<tbody>');
    for (const i of [...doc.interventions].sort((a, b) => a.number - b.number)) {
      out.push(`<tr>${interventionRow(doc, i).map((c) => `<td>${h(c)}</td>`).join('')}</tr>`);
    }
    out.push('</tbody>', '</table>');
  }
  out.push('</main>', '</body>', '</html>', '');
  return out.filter((l) => l !== '').join('\n');
}
