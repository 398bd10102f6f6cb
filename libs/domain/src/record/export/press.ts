import { longDate, unTime } from '../format';
import type { RecordDocument } from '../types';
import { escapeHtml as h, escapeMarkdown as md } from './escape-text';
import { htmlPage } from './html';
import { compareEntries } from './layout';
import { PHRASES } from './phrases';
import { interventionParagraph, recordName } from './summary';

/**
 * A press summary in the style of UN Meetings Coverage (English): header with date, meeting and
 * body, an overview (who presided, how many spoke, what was taken up), then the speakers in
 * order with their summaries. Not an official record; built from the published record only.
 */
/** `text` of a speaker starts with `who` (printed bold). */
export interface PressSummary { dateline: string; headline: string; overview: string[]; speakers: Array<{ who: string; text: string }>; closing?: string }

/** Builds the press summary of a meeting from its published record. */
export function pressSummary(doc: RecordDocument): PressSummary {
  const m = doc.meeting;
  const tz = m.timeZone ?? 'UTC';
  const sorted = [...doc.entries].sort((a, b) => compareEntries(a.current, b.current)).map((e) => e.current);
  const opened = sorted.find((e) => e.kind === 'meeting.opened')?.at;
  const rose = sorted.find((e) => e.kind === 'meeting.adjourned')?.at;
  const byId = new Map(doc.interventions.map((i) => [i.interventionId, i]));
  const speeches = sorted.filter((e) => e.kind === 'intervention' && e.interventionId && byId.has(e.interventionId));
  const delegations = new Set(speeches.map((e) => byId.get(e.interventionId!)!.delegationId));
  const items = doc.items.filter((it) => sorted.some((e) => e.kind === 'item.takenUp' && e.itemId === it.id)).map((it) => it.title);
  const presiding = m.presiding?.map((p) => p.name).join(' and ');
  return {
    dateline: [opened !== undefined ? longDate(opened, tz) : m.date, m.symbol, m.body, m.meetingNumber ? `Meeting ${m.meetingNumber}` : undefined].filter(Boolean).join(' · '),
    headline: m.title,
    overview: [
      `At a meeting held${m.venue ? ` in the ${m.venue.replace(/^the /i, '')},` : ''}${opened !== undefined ? ` from ${unTime(opened, tz)}${rose !== undefined ? ` to ${unTime(rose, tz)}` : ''}` : ''}${presiding ? ` under the chairship of ${presiding}` : ''}, ${speeches.length} speakers from ${delegations.size} delegations and organizations took the floor.`,
      ...(items.length ? [`The meeting took up: ${items.join('; ')}.`] : []),
    ],
    speakers: speeches.map((e) => {
      const i = byId.get(e.interventionId!)!;
      return { who: `${recordName(i.speakerName)} (${i.delegationName})`, text: interventionParagraph(i, e.summary, 'en') };
    }),
    ...(rose !== undefined ? { closing: PHRASES.en.rose(unTime(rose, tz)) } : {}),
  };
}

/** The press summary as Markdown; every user field escaped. */
export function renderPressMarkdown(doc: RecordDocument): string {
  const p = pressSummary(doc);
  return [`_${md(p.dateline)}_`, '', `# ${md(p.headline)}`, '', ...p.overview.flatMap((o) => [md(o), '']), '## Statements', '',
    ...p.speakers.flatMap((s) => [`**${md(s.who)}**${md(s.text.slice(s.who.length))}`, '']), ...(p.closing ? [md(p.closing), ''] : []),
    '_Meetings coverage: not an official record._', ''].join('\n');
}

/** The press summary as a self-contained HTML page; every user field escaped. */
export function renderPressHtml(doc: RecordDocument): string {
  const p = pressSummary(doc);
  return htmlPage('en', `Press summary: ${p.headline}`, ['<article>', `<p class="held">${h(p.dateline)}</p>`, `<h1>${h(p.headline)}</h1>`,
    ...p.overview.map((o) => `<p>${h(o)}</p>`), '<h2>Statements</h2>',
    ...p.speakers.map((s) => `<p><strong>${h(s.who)}</strong>${h(s.text.slice(s.who.length))}</p>`), ...(p.closing ? [`<p>${h(p.closing)}</p>`] : []),
    '<p class="note">Meetings coverage: not an official record.</p>', '</article>']);
}
