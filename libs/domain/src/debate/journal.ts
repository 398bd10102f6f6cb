import type { ProvisionalList, ProvisionalSpeaker } from '../floor/provisional-list';
import { ordinal } from '../record/decisions';
import { escapeHtml } from '../record/export/html';
import { PdfWriter, type PdfOptions } from '../record/export/pdf/writer';

/** What the published list of speakers needs beyond the list itself. */
export interface JournalHeader {
  meetingId: string;
  /** The session, e.g. "General Assembly, eightieth session". */
  title: string;
  body?: string;
  /** IANA zone the times print in (UTC when unset). */
  timeZone?: string;
}

const LEVEL_TITLE = new Map([
  ['head-of-state', 'Head of State'], ['head-of-government', 'Head of Government'], ['vice-president', 'Vice-President'],
  ['minister', 'Minister'], ['vice-minister', 'Vice-Minister'], ['head-of-delegation', 'Chair of Delegation'],
]);

const dayTime = (ms: number, tz: string) => new Intl.DateTimeFormat('en-GB', {
  timeZone: tz, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
}).format(new Date(ms));
const hhmm = (ms: number, tz: string) => new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));

/** The list in the Journal's sections: speakers heard, then one section per provisional meeting. */
export function journalSections(list: ProvisionalList, tz = 'UTC'): Array<{ heading: string; speakers: ProvisionalSpeaker[] }> {
  const out: Array<{ heading: string; speakers: ProvisionalSpeaker[] }> = [];
  const heard = list.speakers.filter((s) => s.status !== 'waiting');
  if (heard.length) out.push({ heading: 'Speakers heard', speakers: heard });
  const groups = new Map<string, ProvisionalSpeaker[]>();
  for (const s of list.speakers.filter((x) => x.status === 'waiting')) {
    const key = s.sitting === null ? 'later' : String(s.sitting);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const [key, speakers] of groups) {
    const n = key === 'later' ? null : Number(key);
    const planned = n === null ? undefined : list.sittings.find((x) => x.number === n);
    const heading = n === null ? 'Not yet scheduled (beyond the planned meetings)'
      : `${ordinal(n)} meeting${planned ? `, ${dayTime(Date.parse(planned.startsAt), tz)}` : ''}`;
    out.push({ heading, speakers });
  }
  return out;
}

const who = (s: ProvisionalSpeaker) => [s.speakerTitle || (LEVEL_TITLE.get(s.level) ?? ''), s.speakerName].filter(Boolean).join(' ');

/** R47: the list as JSON (the REST answer and the consoles' source). */
export function renderListJson(header: JournalHeader, list: ProvisionalList): string {
  return JSON.stringify({ meeting: header, ...list, speakers: list.speakers.map((s) => ({ ...s, estimatedAt: s.estimatedAt === null ? null : new Date(s.estimatedAt).toISOString(), inscribedAt: new Date(s.inscribedAt).toISOString() })) }, null, 2);
}

/** R47: the list of speakers in the style of the UN Journal; refreshes itself (`refreshSeconds`) to follow the live list. */
export function renderListHtml(header: JournalHeader, list: ProvisionalList, options: { refreshSeconds?: number } = {}): string {
  const tz = header.timeZone ?? 'UTC';
  const h = escapeHtml;
  const out = [
    '<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
    options.refreshSeconds ? `<meta http-equiv="refresh" content="${options.refreshSeconds}">` : '',
    `<title>List of speakers: ${h(list.title)}</title>`,
    '<style>body{font-family:"Times New Roman",serif;max-width:46rem;margin:2rem auto;color:#111}header{text-align:center;border-bottom:2px solid #000}'
      + 'h1{font-size:1.3rem}h2{font-size:1.05rem;margin-top:1.4rem;border-bottom:1px solid #999}ol{padding-left:2.2rem}li{margin:.15rem 0}'
      + '.t{font-variant-numeric:tabular-nums;color:#444;float:right}.note{font-size:.85rem;color:#444}@media print{body{margin:0;max-width:none}}</style>',
    '</head>', '<body>', '<header>', header.body ? `<p>${h(header.body)}</p>` : '', `<p>${h(header.title)}</p>`,
    `<h1>List of speakers: ${h(list.title)}</h1>`,
    `<p class="note">Provisional. Established by level of representation, then time of inscription. Times are estimates (${h(tz)}).</p>`, '</header>', '<main>',
  ];
  for (const section of journalSections(list, tz)) {
    out.push(`<h2>${h(section.heading)}</h2>`, `<ol${section.speakers[0]?.place ? ` start="${section.speakers[0].place}"` : ''}>`);
    for (const s of section.speakers) {
      const when = s.status === 'waiting' ? (s.estimatedAt === null ? '' : hhmm(s.estimatedAt, tz)) : s.status === 'speaking' ? 'speaking' : `heard${s.sitting ? ` at the ${ordinal(s.sitting)} meeting` : ''}`;
      out.push(`<li id="${h(s.entryId)}"><span class="t">${h(when)}</span><strong>${h(s.capacityLabel)}</strong>${who(s) ? ` — ${h(who(s))}` : ''}</li>`);
    }
    out.push('</ol>');
  }
  // R45: the list and the meetings' record refer to each other (served at /meetings/:id/items/:itemId/speakers.html).
  out.push('</main>', `<footer><p class="note">The record of the meetings: <a href="../../record.html">summary record</a> (meeting ${h(header.meetingId)}).</p></footer>`, '</body>', '</html>');
  return out.filter(Boolean).join('\n');
}

/**
 * R47: the same list as PDF, with the record's PDF writer (embedded Noto fonts: every official
 * language's script, Arabic joined and right to left; tagged; page numbers "x of y").
 */
export function renderListPdf(header: JournalHeader, list: ProvisionalList, options: PdfOptions = {}): Promise<Buffer> {
  const tz = header.timeZone ?? 'UTC';
  const w = new PdfWriter(`List of speakers: ${list.title}`, options);
  if (header.body) w.paragraph(header.body, { align: 'center' });
  w.paragraph(header.title, { align: 'center' });
  w.paragraph(`List of speakers: ${list.title}`, { tag: 'H1', size: 14, weight: 'bold', align: 'center' });
  w.paragraph(`Provisional. By level of representation, then time of inscription. Estimated times, ${tz}.`, { size: 8, align: 'center', color: '#555' });
  for (const section of journalSections(list, tz)) {
    w.space(4).paragraph(section.heading, { tag: 'H2', size: 11, weight: 'bold' });
    const items = w.group('L');
    for (const s of section.speakers) {
      const when = s.status === 'waiting' ? (s.estimatedAt === null ? '' : `${hhmm(s.estimatedAt, tz)}  `) : '';
      const n = s.place === null ? '–' : `${s.place}.`;
      w.paragraph(`${n} ${when}${s.capacityLabel}${who(s) ? ` — ${who(s)}` : ''}`, { tag: 'LI', gapAfter: 2 }, items);
    }
  }
  return w.finish();
}
