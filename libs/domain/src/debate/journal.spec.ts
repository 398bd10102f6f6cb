import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { meetingSetup, operator, secretariat, TestMeeting } from '../floor/floor.fixtures';
import { provisionalList } from '../floor/provisional-list';
import { journalSections, renderListHtml, renderListJson, renderListPdf } from './journal';

const day = Date.UTC(2025, 8, 23, 9);
const MIN = 60_000;

function generalDebate() {
  const m = new TestMeeting();
  const sittings = [{ startsAt: new Date(day).toISOString(), endsAt: new Date(day + 30 * MIN).toISOString() }, { startsAt: new Date(day + 6 * 60 * MIN).toISOString(), endsAt: new Date(day + 6 * 60 * MIN + 30 * MIN).toISOString() }];
  m.ok('meeting.create', { ...meetingSetup('un-ga', { inscription: { opensAt: null, closesAt: null, slotSeconds: 900 } }), sittings }, operator);
  const levels: Record<string, string> = { GHA: 'head-of-state', NOR: 'minister', SEN: 'head-of-government', EGY: 'head-of-delegation' };
  // The secretariat inscribes each delegation with its speaker (a delegate's own level comes from its registration).
  for (const [d, level] of Object.entries(levels)) { m.ok('floor.request', { type: 'statement', itemId: 'item-1', delegationId: d, speaker: { name: `Speaker of ${d}`, level } }, secretariat); m.seconds(1); }
  return provisionalList(m.state, 'item-1')!;
}
const header = { meetingId: 'ga80', title: 'General Assembly, eightieth session', body: 'General Assembly', timeZone: 'UTC' };

describe('the published list of speakers (UN Journal style)', () => {
  it('R47 sections per provisional meeting, speakers numbered by place with their estimated time', () => {
    const list = generalDebate();
    expect(journalSections(list).map((s) => [s.heading, s.speakers.map((x) => x.delegationId)])).toEqual([
      ['1st meeting, Tuesday, 23 September 2025 at 09:00', ['GHA', 'SEN']],
      ['2nd meeting, Tuesday, 23 September 2025 at 15:00', ['NOR', 'EGY']],
    ]);
    const html = renderListHtml(header, list, { refreshSeconds: 15 });
    expect(html).toContain('<meta http-equiv="refresh" content="15">');
    expect(html).toContain('<h1>List of speakers: Partnerships</h1>');
    expect(html).toContain('<a href="../../record.html">summary record</a>');                 // R45: the list refers to the record
    expect(html).toMatch(/<ol start="3">\n<li id="e2"><span class="t">15:00<\/span><strong>Norway<\/strong> — Minister Speaker of NOR<\/li>/);
    const json = JSON.parse(renderListJson(header, list)) as { speakers: Array<{ place: number; estimatedAt: string }> };
    expect(json.speakers.map((s) => [s.place, s.estimatedAt])).toEqual([
      [1, '2025-09-23T09:00:00.000Z'], [2, '2025-09-23T09:15:00.000Z'], [3, '2025-09-23T15:00:00.000Z'], [4, '2025-09-23T15:15:00.000Z'],
    ]);
  });

  it('R47 the PDF is a complete document (its lines are the sections above)', async () => {
    const pdf = await renderListPdf(header, generalDebate(), { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    expect(pdf.toString('latin1')).toContain('/Type /Page');
  });

  it('every script in the published list: Arabic, Chinese and Russian names survive the PDF, in logical order', async () => {
    const base = generalDebate();
    const names = ['المملكة العربية السعودية', '中国', 'Российская Федерация'];
    const list = { ...base, speakers: base.speakers.map((s, k) => (k < names.length ? { ...s, capacityLabel: names[k]! } : s)) };
    const dir = mkdtempSync(join(tmpdir(), 'rostrum-journal-'));
    writeFileSync(join(dir, 'l.pdf'), await renderListPdf(header, list));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'l.pdf'), '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e\u200e\u200f]/g, '');
    for (const name of names) expect(text).toContain(name);
  });
});
