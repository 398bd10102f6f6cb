import PDFDocument from 'pdfkit';
import { FONT_SCRIPTS, FONT_WEIGHTS, fontData, fontName } from './fonts';
import { layoutParagraph, type Line, type Measurer, type TextRun } from './text';

/** Options of every PDF export: document language and title (PDF/UA), creation date, compression. */
export interface PdfOptions {
  /** Landscape pages (wide tables). */
  landscape?: boolean;
  /** BCP 47 language of the document (the record's phrases), e.g. 'en', 'fr'. */
  lang?: string;
  /** When the document was produced (ms); now when unset. Tests pass a fixed time. */
  createdAt?: number;
  /** false for tests that read content streams; production compresses. */
  compress?: boolean;
}

export interface ParagraphStyle { size?: number; weight?: 'regular' | 'bold' | 'italic'; indent?: number; align?: 'left' | 'center' | 'right'; gapAfter?: number; tag?: string; color?: string }
export interface TableColumn { header: string; width: number }

type Struct = ReturnType<PDFKit.PDFDocument['struct']>;
const MARGIN = 56;
/**
 * Noto Sans Arabic's 'ccmp' splits dotted letters into a dotless base and dot marks; the base
 * glyph is then shared by several letters and text extraction (copy, search, screen readers)
 * would read the wrong letter. Without it every letter keeps a glyph of its own.
 */
const featuresOf = (font: string) => (font.startsWith('arabic') ? { ccmp: false } : undefined);
const LEADING = 1.4;

/**
 * A tagged, paginated PDF built on pdfkit with our own line layout (text.ts): every structure
 * element (headings, paragraphs, lists, tables) is tagged for screen readers, pages carry
 * "x of y" as pagination artifacts, and a table row never splits across pages (the header row
 * repeats on the next page).
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly root: Struct;
  private y = MARGIN;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private readonly measurer: Measurer;

  constructor(title: string, private readonly options: PdfOptions & { runningHead?: string } = {}) {
    const created = new Date(options.createdAt ?? Date.now());
    this.doc = new PDFDocument({
      size: 'A4', layout: options.landscape ? 'landscape' : 'portrait', margin: MARGIN, compress: options.compress ?? true, bufferPages: true, autoFirstPage: true,
      pdfVersion: '1.7', tagged: true, lang: options.lang ?? 'en', displayTitle: true,
      info: { Title: title, Producer: 'Rostrum', Creator: 'Rostrum', CreationDate: created, ModDate: created },
    });
    for (const s of FONT_SCRIPTS) for (const w of FONT_WEIGHTS) this.doc.registerFont(fontName(s, w), fontData(s, w));
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    const doc = this.doc;
    this.measurer = {
      widthOf: (text, font, size) => doc.font(font).fontSize(size).widthOfString(text, { features: featuresOf(font) } as PDFKit.Mixins.TextOptions),
      hasGlyph: (font, ch) => (doc.font(font) as unknown as { _font: { font: { hasGlyphForCodePoint(c: number): boolean } } })._font.font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0),
    };
  }

  private get width(): number { return this.doc.page.width - 2 * MARGIN; }
  private get bottom(): number { return this.doc.page.height - MARGIN - 14; }

  /** Vertical space in points. */
  space(points: number): this { this.y += points; return this; }

  private newPage(): void {
    this.doc.addPage();
    this.y = MARGIN;
  }

  private drawLine(line: Line, x: number, width: number, size: number, align: ParagraphStyle['align'], color: string): void {
    const a = align ?? (line.rtl ? 'right' : 'left');
    let cx = a === 'right' ? x + width - line.width : a === 'center' ? x + (width - line.width) / 2 : x;
    const baseline = this.y + size * 1.1;
    for (const p of line.pieces) {
      this.doc.font(p.font).fontSize(size).fillColor(color).text(p.text, cx, baseline, { lineBreak: false, baseline: 'alphabetic', features: featuresOf(p.font) } as PDFKit.Mixins.TextOptions);
      cx += p.width;
    }
    this.y += size * LEADING;
  }

  /** A tagged block of text (P, H1, H2, …) wrapped to the page width; continues on the next page. */
  paragraph(runs: TextRun[] | string, style: ParagraphStyle = {}, parent: Struct = this.root): this {
    const size = style.size ?? 10;
    const indent = style.indent ?? 0;
    const list = typeof runs === 'string' ? [{ text: runs, weight: style.weight }] : runs;
    const lines = layoutParagraph(list, this.width - indent, size, this.measurer);
    if (lines.length === 0) return this;
    const el = this.doc.struct(style.tag ?? 'P');
    parent.add(el);
    if (this.y + size * LEADING > this.bottom) this.newPage();
    el.add(this.doc.markStructureContent(style.tag ?? 'P'));
    for (const line of lines) {
      if (this.y + size * LEADING > this.bottom) {
        this.doc.endMarkedContent();
        this.newPage();
        el.add(this.doc.markStructureContent(style.tag ?? 'P'));
      }
      this.drawLine(line, MARGIN + indent, this.width - indent, size, style.align, style.color ?? '#000');
    }
    this.doc.endMarkedContent();
    el.end();
    this.y += style.gapAfter ?? size * 0.5;
    return this;
  }

  /** A structure element to group paragraphs under (Sect, L, …). */
  group(tag: string, parent: Struct = this.root): Struct {
    const el = this.doc.struct(tag);
    parent.add(el);
    return el;
  }

  /**
   * A table with a header row, tagged Table/TR/TH/TD. Rows are laid out before drawing: a row
   * that does not fit goes whole to the next page, where the header row is drawn again.
   */
  table(columns: TableColumn[], rows: string[][], size = 7.5): this {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const table = this.doc.struct('Table');
    this.root.add(table);
    const pad = 2;
    const layoutRow = (cells: string[], weight: 'regular' | 'bold') =>
      cells.map((c, k) => layoutParagraph([{ text: c, weight }], widths[k] - 2 * pad, size, this.measurer));
    const heightOf = (cells: Line[][]) => Math.max(1, ...cells.map((l) => l.length)) * size * LEADING + 2 * pad;
    const header = layoutRow(columns.map((c) => c.header), 'bold');
    const drawRow = (cells: Line[][], tag: 'TH' | 'TD') => {
      const tr = this.doc.struct('TR');
      table.add(tr);
      const top = this.y;
      const h = heightOf(cells);
      let x = MARGIN;
      cells.forEach((lines, k) => {
        const cell = this.doc.struct(tag, tag === 'TH' ? { scope: 'Column' } as never : {});
        tr.add(cell);
        cell.add(this.doc.markStructureContent(tag));
        this.y = top + pad;
        for (const line of lines) this.drawLine(line, x + pad, widths[k] - 2 * pad, size, undefined, '#000');
        this.doc.endMarkedContent();
        cell.end();
        x += widths[k];
      });
      this.doc.markContent('Artifact', { type: 'Layout' });
      this.doc.lineWidth(0.4).strokeColor('#888');
      let bx = MARGIN;
      for (const w of widths) { this.doc.rect(bx, top, w, h).stroke(); bx += w; }
      this.doc.endMarkedContent();
      tr.end();
      this.y = top + h;
    };
    if (this.y + heightOf(header) * 2 > this.bottom) this.newPage();
    drawRow(header, 'TH');
    for (const r of rows) {
      const cells = layoutRow(r, 'regular');
      if (this.y + heightOf(cells) > this.bottom) { this.newPage(); drawRow(header, 'TH'); }
      drawRow(cells, 'TD');
    }
    table.end();
    this.y += size;
    return this;
  }

  /** Page numbers "x of y" (and the running head from page 2) as artifacts, then the file. */
  finish(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const margins = this.doc.page.margins;
      const savedBottom = margins.bottom;
      margins.bottom = 0;
      this.doc.markContent('Artifact', { type: 'Pagination' });
      const label = `${i + 1} of ${range.count}`;
      const footer = layoutParagraph([{ text: label }], this.width, 8, this.measurer);
      this.y = this.doc.page.height - MARGIN + 8;
      for (const line of footer) this.drawLine(line, MARGIN, this.width, 8, 'center', '#444');
      if (i > range.start && this.options.runningHead) {
        this.y = MARGIN - 30;
        for (const line of layoutParagraph([{ text: this.options.runningHead }], this.width, 8, this.measurer)) this.drawLine(line, MARGIN, this.width, 8, 'right', '#444');
      }
      this.doc.endMarkedContent();
      margins.bottom = savedBottom;
    }
    this.root.end();
    this.doc.end();
    return this.done;
  }
}
