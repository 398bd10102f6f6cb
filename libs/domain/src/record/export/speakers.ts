import { clockTime, duration } from '../format';
import type { InterventionRecord, RecordDocument } from '../types';
import { escapeHtml as h, markdownCell } from './escape-text';
import { htmlPage } from './html';
import { PHRASES, languageName, type RecordLanguage } from './phrases';
import { csvCell } from './stats';

/**
 * The list of speakers with speaking times: the timing detail the summary record leaves out
 * (R44), one row per intervention in the order given the floor. Markdown, HTML, CSV and PDF.
 */
export interface SpeakersList { lang: RecordLanguage; title: string; subtitle: string; columns: string[]; rows: string[][] }

function row(doc: RecordDocument, i: InterventionRecord, lang: RecordLanguage): string[] {
  const p = PHRASES[lang];
  const item = doc.items.find((x) => x.id === i.itemId);
  const behalf = i.capacity === 'group' ? p.onBehalfOf(i.groupName ?? i.groupId ?? '').replace(/^, /, '').replace(/,$/, '') : '';
  return [
    String(i.number), item ? String(item.position) : i.itemId, [i.speakerName, i.speakerTitle].filter(Boolean).join(', '),
    i.delegationName, behalf, i.type.replace(/-/g, ' '), i.mode === 'remote' ? p.remote : p.inRoom, i.language ? languageName(i.language, lang) : '',
    clockTime(i.startedAt, doc.meeting.timeZone).slice(0, 5), duration(i.allottedSeconds), duration(i.netSeconds),
    i.overrunSeconds > 0 ? duration(i.overrunSeconds) : '',
  ];
}

/** The list of speakers of a meeting, in the order the floor was given, with its column headings in `lang`. */
export function speakersList(doc: RecordDocument, lang: RecordLanguage = 'en'): SpeakersList {
  const p = PHRASES[lang];
  const c = p.columns;
  return {
    lang, title: p.listOfSpeakers,
    subtitle: [doc.meeting.symbol, doc.meeting.title, doc.meeting.date, `${doc.meeting.timeZone ?? 'UTC'}`].filter(Boolean).join(' · '),
    columns: [c.no, c.item, c.speaker, c.delegation, c.capacity, c.type, c.mode, c.language, c.started, c.allotted, c.spoken, c.overrun],
    rows: [...doc.interventions].sort((a, b) => a.number - b.number).map((i) => row(doc, i, lang)),
  };
}

/** The list of speakers as a Markdown table; every cell escaped. */
export function renderSpeakersMarkdown(doc: RecordDocument, lang: RecordLanguage = 'en'): string {
  const l = speakersList(doc, lang);
  return [`# ${markdownCell(l.title)}`, '', markdownCell(l.subtitle), '', `| ${l.columns.map(markdownCell).join(' | ')} |`,
    `|${l.columns.map(() => '---').join('|')}|`, ...l.rows.map((r) => `| ${r.map(markdownCell).join(' | ')} |`), ''].join('\n');
}

/** The list of speakers as a printable HTML table (header row repeats when printed); every cell escaped. */
export function renderSpeakersHtml(doc: RecordDocument, lang: RecordLanguage = 'en'): string {
  const l = speakersList(doc, lang);
  return htmlPage(lang, `${l.title}: ${doc.meeting.title}`, [`<h1>${h(l.title)}</h1>`, `<p>${h(l.subtitle)}</p>`, '<table>',
    `<thead><tr>${l.columns.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr></thead>`, '<tbody>',
    ...l.rows.map((r) => `<tr>${r.map((c) => `<td dir="auto">${h(c)}</td>`).join('')}</tr>`), '</tbody>', '</table>']);
}

/** CSV (RFC 4180, CRLF); `bom` puts a UTF-8 byte-order mark first so spreadsheet programs read Arabic, Chinese and Cyrillic right. */
export function renderSpeakersCsv(doc: RecordDocument, options: { bom?: boolean; lang?: RecordLanguage } = {}): string {
  const l = speakersList(doc, options.lang ?? 'en');
  return `${options.bom ? '\ufeff' : ''}${[l.columns, ...l.rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
