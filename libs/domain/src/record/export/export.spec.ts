import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { debateDocument } from './__fixtures__/debate.fixture';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderPdf } from './pdf';
import { renderStatsCsv, renderStatsJson, speakingStats } from './stats';

/** Golden files: UPDATE_GOLDEN=1 rewrites them; otherwise the output must match byte for byte. */
const golden = (name: string, actual: string) => {
  const dir = join(__dirname, '__golden__');
  const file = join(dir, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
};

/** Text drawn in a pdfkit PDF: hex strings inside TJ arrays of its (possibly deflated) content streams. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const streamRe = /<<([^]*?)>>\s*stream\r?\n([^]*?)\r?\nendstream/g;
  for (const m of raw.matchAll(streamRe)) {
    let body = Buffer.from(m[2], 'latin1');
    if (/FlateDecode/.test(m[1])) { try { body = inflateSync(body); } catch { continue; } }
    for (const tj of body.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      out.push([...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''));
    }
  }
  return out.join('\n');
}

describe('record exports', () => {
  it('R44 Markdown summary record matches the golden file', () => golden('debate.md', renderMarkdown(debateDocument)));
  it('R44 HTML summary record matches the golden file and escapes names', () => {
    const html = renderHtml(debateDocument);
    golden('debate.html', html);
    expect(html).toContain('Amina &amp; &lt;Co&gt;');
    expect(html).not.toContain('<Co>');
  });
  it('JSON export keeps every version of a corrected entry (R43)', () => {
    const json = renderJson(debateDocument);
    golden('debate.json', json);
    const parsed = JSON.parse(json);
    const ghana = parsed.entries.find((e: { interventionId?: string }) => e.interventionId === 'i1');
    expect(ghana.version).toBe(3);
    expect(ghana.history.map((h: { version: number }) => h.version)).toEqual([1, 2, 3]);
    expect(parsed.interventions).toHaveLength(4);
  });
  it('speaking-time statistics by delegation, group, tier, mode and type', () => {
    const stats = speakingStats('pk-africa', debateDocument.interventions);
    golden('stats.csv', renderStatsCsv(stats));
    golden('stats.json', renderStatsJson(stats));
    expect(stats.totals).toMatchObject({ interventions: 4, netSeconds: 285 + 440 + 12 + 180, overruns: 1, overrunSeconds: 20 });
    const remote = stats.rows.find((r) => r.dimension === 'mode' && r.key === 'remote');
    expect(remote).toMatchObject({ interventions: 1, netSeconds: 440 });
    expect(stats.overruns).toEqual([{ number: 2, delegation: 'Senegal', type: 'statement', overrunSeconds: 20 }]);
  });
  it('the PDF opens and carries the entries and the R44 annex', async () => {
    for (const compress of [false, true]) {
      const pdf = await renderPdf(debateDocument, { compress });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.subarray(-6).toString()).toContain('%%EOF');
      const text = pdfText(pdf);
      expect(text).toContain('Summary record');
      expect(text).toContain('Kwame A. Mensah');
      expect(text).toContain('African Group');
      expect(text).toContain('Interventions');
    }
  });
});
