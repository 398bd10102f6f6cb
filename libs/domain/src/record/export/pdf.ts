import PDFDocument from 'pdfkit';
import { clockTime, timecode } from '../format';
import type { RecordDocument } from '../types';
import { INTERVENTION_COLUMNS, headerLine, interventionRow, revisions, sections } from './layout';

/**
 * The summary record as PDF (pdfkit, built-in Helvetica so no font files are needed).
 * `compress: false` is for tests that read the text back; production keeps compression.
 */
export function renderPdf(doc: RecordDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const tz = doc.meeting.timeZone ?? 'UTC';
  const pdf = new PDFDocument({
    size: 'A4', margin: 56, compress: options.compress ?? true,
    info: { Title: `Summary record: ${doc.meeting.title}`, Producer: 'Rostrum', CreationDate: new Date(0) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  // The standard fonts only know WinAnsi; typographic quotes and dashes map to plain ones.
  const t = (s: string) => s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

  if (doc.meeting.body) pdf.font('Helvetica').fontSize(10).text(t(doc.meeting.body), { align: 'center' });
  pdf.font('Helvetica-Bold').fontSize(15).text(t(`Summary record: ${doc.meeting.title}`), { align: 'center' });
  pdf.font('Helvetica').fontSize(10).text(t(headerLine(doc)), { align: 'center' }).moveDown();
  pdf.fontSize(8).fillColor('#555').text(t(`Meeting ${doc.meeting.meetingId}. Clock times are ${tz}; [h:mm:ss] is the offset in the webcast.`)).fillColor('#000').moveDown();

  let n = 0;
  for (const section of sections(doc)) {
    if (section.heading) pdf.moveDown(0.5).font('Helvetica-Bold').fontSize(12).text(t(section.heading)).moveDown(0.3);
    for (const e of section.entries) {
      const c = e.current;
      const tc = c.offsetSeconds === null ? '' : ` [${timecode(c.offsetSeconds)}]`;
      pdf.font('Helvetica').fontSize(10).text(t(`${++n}. ${clockTime(c.at, tz)}${tc} ${c.text}`), { paragraphGap: 3 });
      if (c.summary) pdf.font('Helvetica-Oblique').text(t(c.summary), { indent: 18, paragraphGap: 3 });
      for (const r of revisions(e)) {
        const what = r.revision?.change === 'correction' ? `Corrected${r.revision.reason ? ` (${r.revision.reason})` : ''}` : 'Summary added';
        pdf.font('Helvetica').fontSize(8).fillColor('#555').text(t(`v${r.version}: ${what}`), { indent: 18 }).fillColor('#000');
      }
    }
  }
  if (doc.interventions.length > 0) {
    pdf.addPage().font('Helvetica-Bold').fontSize(12).text('Interventions').moveDown(0.5);
    for (const i of [...doc.interventions].sort((a, b) => a.number - b.number)) {
      const row = interventionRow(doc, i);
      const fields = INTERVENTION_COLUMNS.map((col, k) => (row[k] ? `${col} ${row[k]}` : '')).filter(Boolean).join('; ');
      pdf.font('Helvetica').fontSize(8).text(t(fields), { paragraphGap: 4 });
    }
  }
  pdf.end();
  return done;
}
