import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectGolden } from '../../../../../test/support/golden';
import { debateDocument } from './__fixtures__/debate.fixture';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderPdf, renderSpeakersPdf } from './pdf';
import { renderPressHtml, renderPressMarkdown } from './press';
import { renderSpeakersCsv, renderSpeakersHtml, renderSpeakersMarkdown } from './speakers';
import { renderStatsCsv, renderStatsJson, speakingStats } from './stats';
import { recordName, recordSentence, summaryRecordModel } from './summary';

/** Golden files: byte for byte; UPDATE_GOLDEN=1 rewrites them, never under CI (test/support/golden.ts). */
const golden = (name: string, actual: string) => expectGolden(join(__dirname, '__golden__', name), actual);

/** The text poppler's pdftotext extracts, without the bidi embedding marks it adds around right-to-left runs. */
function pdftotext(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'rostrum-pdf-'));
  writeFileSync(join(dir, 'r.pdf'), pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e\u200e\u200f]/g, '');
}
const pdfinfo = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'rostrum-pdf-'));
  writeFileSync(join(dir, 'r.pdf'), pdf);
  return execFileSync('pdfinfo', [join(dir, 'r.pdf')], { encoding: 'utf8' });
};

const NON_LATIN = ['ليلى عبد الرحمن', 'مصر', '王晓明', '中国', 'Сергей Иванов', 'Российская Федерация'];
const TIMING_NOISE = [/spoke \d+ (min|s)/, /warning/, /paused/, /\[\d:\d\d:\d\d\]/, /\(R\d+\)/, /pk-africa\b/, /\d\d:\d\d:\d\d/];

describe('summary record in UN form', () => {
  it('golden files: Markdown and HTML (English) and Markdown (French)', () => {
    golden('summary-record.md', renderMarkdown(debateDocument));
    golden('summary-record.html', renderHtml(debateDocument));
    golden('summary-record.fr.md', renderMarkdown(debateDocument, 'fr'));
  });

  it('has the masthead, contents with items not taken up, UN times, third-person paragraphs and the correction note', () => {
    const s = summaryRecordModel(debateDocument);
    expect(s).toMatchObject({ symbol: 'PK-AFRICA/2025/SR.1', heading: 'Summary record of the 1st meeting', session: 'Conference on Peacekeeping in Africa' });
    expect(s.heldAt).toBe('Held at the ECOSOC Chamber, United Nations Headquarters, New York, on Tuesday, 20 May 2025, at 10 a.m.');
    expect(s.presiding).toEqual({ label: 'Co-Chairs:', names: ['H.E. Ms. Abena Owusu (Ghana)', 'Ms. Ingrid Solberg (Norway)'] });
    expect(s.contents).toEqual(['Agenda item 1: Peacekeeping in Africa: partnerships', 'Agenda item 2: Women, Peace and Security', 'Agenda item 3: Adoption of the outcome document (not taken up)']);
    const paras = s.sections.flatMap((x) => x.paragraphs);
    expect(paras[0]).toBe('The meeting was called to order at 10 a.m.');
    expect(paras).toContain('Mr. Mensah (Ghana) said that AU-led peace support operations needed predictable funding & <b>assessed</b> contributions.');
    expect(paras).toContain('Ms. Diop (Senegal), speaking on behalf of the African Group, made a statement.');
    expect(paras).toContain('Mr. Hassan (Egypt) rose to a point of order.');
    expect(paras).toContain('The President ruled that the point of order was not well taken. The speaker is in order.');
    expect(paras).toContain('Ms. Kamau (Kenya) spoke in exercise of the right of reply.');
    expect(paras).toContain('The list of speakers on Peacekeeping in Africa: partnerships was closed at 10.55 a.m., there being no objection.');
    expect(paras).toContain('Mr. Boateng (Economic Community of West African States) (spoke in Hausa) made a statement.');
    expect(paras[paras.length - 1]).toBe('The meeting rose at 11.15 a.m.');
    expect(s.correctionNote).toMatch(/^This record is subject to correction/);
  });

  it('prints none of the timing log: no spoken-of-allotted, warnings, pauses, webcast offsets, meeting id, rule codes or clock seconds', () => {
    for (const out of [renderMarkdown(debateDocument), renderHtml(debateDocument), renderPressMarkdown(debateDocument)]) {
      for (const noise of TIMING_NOISE) expect(out).not.toMatch(noise);
    }
  });

  it('prints the body and the co-convener line once', () => {
    const doc = { ...debateDocument, meeting: { ...debateDocument.meeting, body: 'Co-convened by KAIPTC with the Permanent Missions of Ghana' } };
    for (const out of [renderMarkdown(doc), renderHtml(doc)]) expect(out.split('Co-convened by KAIPTC').length - 1).toBe(1);
  });

  it('escapes every user field in HTML and Markdown (summaries, names, titles)', () => {
    const hostile = { ...debateDocument, meeting: { ...debateDocument.meeting, title: 'T <script>alert(1)</script>' } };
    const html = renderHtml(hostile);
    expect(html).not.toMatch(/<script>|<b>assessed/);
    expect(html).toContain('&lt;script&gt;');
    expect(renderMarkdown(hostile)).not.toMatch(/<script>|<b>/);
    expect(renderPressHtml(hostile)).not.toMatch(/<script>|<b>/);
    expect(renderSpeakersHtml(hostile)).not.toMatch(/<script>/);
  });

  it('French phrases come from the same catalogue', () => {
    const fr = summaryRecordModel(debateDocument, 'fr');
    expect(fr.heading).toBe('Compte rendu analytique de la 1re séance');
    expect(fr.sections[0].paragraphs[0]).toBe('La séance est ouverte à 10 heures.');
    expect(fr.sections.at(-1)!.paragraphs.at(-1)).toBe('La séance est levée à 11 h 15.');
    expect(fr.contents[2]).toBe('Point 3 de l’ordre du jour : Adoption of the outcome document (non examiné)');
  });

  it('appeals, motions and other entries keep their standard sentence without rule codes, with UN times', () => {
    expect(recordSentence('Egypt appealed the ruling of the President; the appeal was put to the meeting (R22).', 'en'))
      .toBe('Egypt appealed the ruling of the President; the appeal was put to the meeting.');
    expect(recordSentence('The list of speakers on item 1 was closed at 13:00:41, by a vote by 50 votes to 30, with 1 abstention (R29).', 'en'))
      .toBe('The list of speakers on item 1 was closed at 1 p.m., by a vote by 50 votes to 30, with 1 abstention.');
    expect(recordSentence('The meeting was suspended at 10:05:00.', 'en')).toBe('The meeting was suspended at 10.05 a.m.');
    expect(recordSentence('Closed at 15:10:00 (R29).', 'fr')).toBe('Closed at 15 h 10.');
  });

  it('UN-style names: salutation and surname, honorifics dropped, other names whole', () => {
    expect(recordName('H.E. Ms. Abena Owusu')).toBe('Ms. Owusu');
    expect(recordName('Dr. Sarah Whitfield')).toBe('Dr. Whitfield');
    expect(recordName('王晓明')).toBe('王晓明');
  });
});

describe('every script in every export', () => {
  it('the summary record PDF embeds fonts and pdftotext finds Arabic, Chinese and Russian names in logical order', async () => {
    const pdf = await renderPdf(debateDocument, { createdAt: Date.UTC(2025, 4, 20, 16) });
    const text = pdftotext(pdf);
    for (const name of NON_LATIN) expect(text).toContain(name);
    expect(text).toContain('Summary record of the 1st meeting');
    expect(text).toContain('The meeting was called to order at 10 a.m.');
    expect(text).toMatch(/1 of \d/);
    expect(text).not.toContain('?????');
    for (const noise of TIMING_NOISE) expect(text).not.toMatch(noise);
    const info = pdfinfo(pdf);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+PK-AFRICA\/2025\/SR\.1: Summary record of the 1st meeting/);
    expect(info).toMatch(/CreationDate:\s+Tue May 20 16:00:00 2025/);
    expect(pdf.toString('latin1')).toMatch(/\/Lang \(en\)/);
  });

  it('the list of speakers PDF is one table whose rows keep every script and never split across pages', async () => {
    const many = { ...debateDocument, interventions: Array.from({ length: 90 }, (_, k) => ({ ...debateDocument.interventions[4 + (k % 4)], number: k + 1 })) };
    const pdf = await renderSpeakersPdf(many, { createdAt: 0 });
    const text = pdftotext(pdf);
    for (const name of NON_LATIN) expect(text).toContain(name);
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    // The header row repeats on each page, and each page ends with its "x of y".
    pages.forEach((p, k) => { expect(p).toContain('Delegation'); expect(p).toContain(`${k + 1} of ${pages.length}`); });
  });

  it('Markdown, HTML, CSV, JSON, the statistics and the press summary keep the names', () => {
    const outputs = [renderMarkdown(debateDocument), renderHtml(debateDocument), renderSpeakersMarkdown(debateDocument), renderSpeakersHtml(debateDocument),
      renderSpeakersCsv(debateDocument), renderJson(debateDocument), renderPressMarkdown(debateDocument), renderPressHtml(debateDocument)];
    for (const out of outputs) for (const name of ['ليلى عبد الرحمن', '王晓明', 'Российская Федерация']) expect(out).toContain(name);
    // Statistics key rows by delegation name: those survive too.
    const stats = speakingStats('pk-africa', debateDocument.interventions, debateDocument.items);
    for (const out of [renderStatsCsv(stats, { bom: true }), renderStatsJson(stats)]) for (const name of ['مصر', '中国', 'Российская Федерация']) expect(out).toContain(name);
  });
});

describe('list of speakers with speaking times', () => {
  it('golden files (Markdown, CSV) and the timing the summary record leaves out', () => {
    golden('speakers.md', renderSpeakersMarkdown(debateDocument));
    const csv = renderSpeakersCsv(debateDocument);
    golden('speakers.csv', csv);
    expect(csv.split('\r\n')[2]).toBe('2,1,"Ms. Awa Diop, Ambassador",Senegal,speaking on behalf of the African Group,statement,remote,French,10:47,7 min,7 min 20 s,20 s');
    expect(renderSpeakersCsv(debateDocument, { bom: true }).startsWith('\ufeffNo.,')).toBe(true);
  });
});

describe('press summary', () => {
  it('golden file: header, overview, speakers in order with their summaries', () => {
    const md = renderPressMarkdown(debateDocument);
    golden('press.md', md);
    expect(md).toContain('5 speakers'.replace('5', '8'));
    expect(md.indexOf('Mensah')).toBeLessThan(md.indexOf('王晓明'));
  });
});

describe('statistics', () => {
  const stats = speakingStats('pk-africa', debateDocument.interventions, debateDocument.items);
  it('golden files (CSV, JSON)', () => {
    golden('stats.csv', renderStatsCsv(stats));
    golden('stats.json', renderStatsJson(stats));
  });
  it('tiers by kind of delegation: a regional economic community is not counted as national', () => {
    expect(stats.rows.find((r) => r.dimension === 'tier' && r.key === 'regional-economic-community')).toMatchObject({ interventions: 1, netSeconds: 90 });
    expect(stats.rows.find((r) => r.dimension === 'group' && r.key === '(own capacity)')).toMatchObject({ interventions: 1 });
    expect(stats.rows.filter((r) => r.dimension === 'group').reduce((s, r) => s + r.interventions, 0)).toBe(8);
  });
  it('by agenda item, gender and language; share of women among speakers and of speaking time', () => {
    expect(stats.rows.find((r) => r.dimension === 'item' && r.key === '2. Women, Peace and Security')).toMatchObject({ interventions: 4, netSeconds: 540 });
    expect(stats.rows.find((r) => r.dimension === 'gender' && r.key === '(not recorded)')).toMatchObject({ interventions: 1 });
    // Women: Senegal (440 s), Kenya (180 s), Egypt (180 s): 3 of 7 speakers with a gender; 800 s of the 1,445 s those 7 spoke.
    expect(stats.women).toEqual({ speakers: 3, speakersWithGender: 7, shareOfSpeakers: 42.9, netSeconds: 800, shareOfSpeakingTime: 55.4 });
    expect(renderStatsCsv(stats, { bom: true }).startsWith('\ufeffdimension,')).toBe(true);
    expect(renderStatsCsv(stats)).toContain('women,speakers,3,,,,,,42.9');
  });
});
