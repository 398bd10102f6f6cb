import { longDate, unClock, unTime } from '../format';
import type { InterventionRecord, RecordDocument } from '../types';
import { compareEntries } from './layout';
import { PHRASES, isOfficialLanguage, languageName, type RecordLanguage } from './phrases';

/**
 * The summary record in UN form, as a model every format renders (Markdown, HTML, PDF): the
 * masthead (symbol, body, session, meeting number, "Held at … on … at …", presiding officers),
 * the contents (every agenda item, those not taken up marked), then per agenda item numbered
 * third-person paragraphs, the opening and closing times in UN style, and the correction note.
 * Timing detail (spoke x of y, warnings, pauses, webcast offsets, rule codes) is not part of a
 * summary record: it is in the list of speakers (speakers.ts).
 */
export interface SummaryRecordModel {
  lang: RecordLanguage;
  symbol?: string;
  body?: string;
  session?: string;
  heading: string;
  title: string;
  heldAt?: string;
  presiding?: { label: string; names: string[] };
  contentsLabel: string;
  contents: string[];
  /** Paragraphs before the first agenda item (called to order), then per item. */
  sections: Array<{ heading?: string; paragraphs: string[] }>;
  correctionNote: string;
}

const CONTINUES = /^[a-z\u00e0-\u00ff]/;
const SALUTATION = /^(Mr\.?|Ms\.?|Mrs\.?|Miss|Dr\.?|Sir|Dame|M\.|Mme|Mlle)\s/;

/** "Ms. Owusu" for "H.E. Ms. Abena Owusu", as UN records name speakers; other names stay whole. */
export function recordName(name: string): string {
  const n = name.replace(/^(H\.\s?E\.|S\.\s?E\.|Hon\.)\s+/i, '').trim();
  const m = SALUTATION.exec(n);
  if (!m) return n;
  const words = n.slice(m[0].length).trim().split(/\s+/);
  return `${m[1]} ${words[words.length - 1]}`;
}

/** Entry texts other than interventions, without internal rule codes and with UN-style times. */
export function recordSentence(text: string, lang: RecordLanguage): string {
  return text.replace(/\s\(R\d+\)/g, '')
    .replace(/\b(\d{2}):(\d{2}):\d{2}\b/g, (_m, h: string, mi: string) => unClock(Number(h), Number(mi), lang))
    .replace(/\b(a|p)\.m\.\./g, '$1.m.'); // "10.05 a.m." ends the sentence
}

/** One intervention as a third-person paragraph built from its summary (e-Statement draft or secretariat text). */
export function interventionParagraph(i: InterventionRecord, summary: string | undefined, lang: RecordLanguage): string {
  const p = PHRASES[lang];
  const who = `${recordName(i.speakerName)} (${i.delegationName})`;
  const spoke = i.language && !isOfficialLanguage(i.language) ? p.speakingIn(languageName(i.language, lang)) : '';
  const behalf = i.capacity === 'group' && i.groupName ? p.onBehalfOf(i.groupName) : '';
  const action = Object.hasOwn(p.action, i.type) ? p.action[i.type] : p.action.statement;
  const s = summary?.trim();
  if (!s) return `${who}${spoke}${behalf} ${action.bare}`;
  const lead = `${who}${spoke}${behalf}${behalf ? '' : action.lead}`;
  if (CONTINUES.test(s)) return `${lead} ${s}`;
  // A summary written as a full sentence follows the bare phrase ("made a statement. …").
  return `${lead.replace(/,$/, '')} ${action.bare} ${s}`;
}

const presiderLabel = (x: { name: string; title?: string; delegation?: string }) =>
  `${x.name}${x.delegation ? ` (${x.delegation})` : x.title ? ` (${x.title})` : ''}`;

/** Builds the summary record of a meeting from its published record (see `SummaryRecordModel`); phrases in `lang`. */
export function summaryRecordModel(doc: RecordDocument, lang: RecordLanguage = 'en'): SummaryRecordModel {
  const p = PHRASES[lang];
  const tz = doc.meeting.timeZone ?? 'UTC';
  const m = doc.meeting;
  const sorted = [...doc.entries].sort((a, b) => compareEntries(a.current, b.current));
  const opened = sorted.find((e) => e.current.kind === 'meeting.opened')?.current.at;
  const byId = new Map(doc.interventions.map((i) => [i.interventionId, i]));
  const taken = new Set(sorted.filter((e) => e.current.kind === 'item.takenUp').map((e) => e.current.itemId));
  // "The President" as in every other entry of the record (appeals, decisions), whoever presides.
  const chairWord = p.president;
  const sections: SummaryRecordModel['sections'] = [{ paragraphs: [] }];
  const current = () => sections[sections.length - 1];
  for (const { current: e } of sorted) {
    switch (e.kind) {
      case 'meeting.opened': current().paragraphs.push(p.calledToOrder(unTime(e.at, tz, lang))); break;
      case 'meeting.suspended': current().paragraphs.push(p.suspended(unTime(e.at, tz, lang))); break;
      case 'meeting.resumed': current().paragraphs.push(p.resumed(unTime(e.at, tz, lang))); break;
      case 'meeting.adjourned': current().paragraphs.push(p.rose(unTime(e.at, tz, lang))); break;
      case 'item.takenUp': {
        const item = doc.items.find((x) => x.id === e.itemId);
        sections.push({ heading: item ? p.itemHeading(item.position, item.title) : e.itemId, paragraphs: [] });
        break;
      }
      case 'intervention': {
        const i = e.interventionId ? byId.get(e.interventionId) : undefined;
        if (!i) break;
        current().paragraphs.push(interventionParagraph(i, e.summary, lang));
        if (i.ruling) {
          current().paragraphs.push([p.ruling(chairWord, i.ruling.decision === 'upheld'), i.ruling.text].filter(Boolean).join(' '));
        }
        break;
      }
      // Shown with its point of order; a refused reply or an answered question is not part of a summary record.
      case 'pointOfOrder.ruled': case 'reply.granted': case 'question.answered': break;
      default: current().paragraphs.push(recordSentence(e.text, lang));
    }
  }
  return {
    lang,
    ...(m.symbol ? { symbol: m.symbol } : {}), ...(m.body ? { body: m.body } : {}), ...(m.session ? { session: m.session } : {}),
    heading: p.summaryRecord(m.meetingNumber), title: m.title,
    ...(opened !== undefined || m.date ? { heldAt: p.heldAt(m.venue, opened !== undefined ? longDate(opened, tz, lang) : m.date!, opened !== undefined ? unTime(opened, tz, lang) : undefined) } : {}),
    ...(m.presiding?.length ? { presiding: { label: p.presiding(m.presiding.length), names: m.presiding.map(presiderLabel) } } : {}),
    contentsLabel: p.contents,
    contents: [...doc.items].sort((a, b) => a.position - b.position)
      .map((it) => `${p.itemHeading(it.position, it.title)}${taken.has(it.id) ? '' : ` ${p.notReached}`}`),
    sections: sections.filter((s) => s.heading || s.paragraphs.length > 0),
    correctionNote: p.correctionNote,
  };
}
