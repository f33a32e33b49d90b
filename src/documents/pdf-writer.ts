import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * A tagged, accessible PDF with real headings. The 14 standard PDF fonts only encode WinAnsi (so
 * å ä ö would survive, but they are not embedded, which PDF/UA requires, and their text extraction
 * depends on the reader): DejaVu Sans is embedded instead, so Swedish text and "§" render and
 * extract the same everywhere.
 */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(title: string) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 60, bottom: 60, left: 70, right: 70 },
      pdfVersion: '1.7',
      tagged: true,
      lang: 'sv-SE',
      displayTitle: true,
      info: { Title: title, Author: 'Omtanke Halland', Subject: title },
    });
    this.doc.registerFont('body', REGULAR);
    this.doc.registerFont('bold', BOLD);
    this.doc.font('body');
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  heading(level: 1 | 2 | 3, text: string): this {
    const size = level === 1 ? 16 : level === 2 ? 13 : 11;
    this.doc.moveDown(level === 1 ? 0.2 : 0.6);
    this.doc.addStructure(
      this.doc.struct(`H${level}`, {}, () => {
        this.doc.font('bold').fontSize(size).text(text);
      }),
    );
    this.doc.font('body').fontSize(10.5);
    return this;
  }

  paragraph(text: string, opts: { bold?: boolean } = {}): this {
    if (!text.trim()) return this;
    this.doc.addStructure(
      this.doc.struct('P', {}, () => {
        this.doc
          .font(opts.bold ? 'bold' : 'body')
          .fontSize(10.5)
          .text(text, { paragraphGap: 4 });
      }),
    );
    this.doc.font('body');
    return this;
  }

  list(items: readonly string[]): this {
    for (const item of items) this.paragraph(`• ${item}`);
    return this;
  }

  /** Label and value pairs, one per line: the minutes' header. */
  facts(rows: readonly (readonly [string, string])[]): this {
    for (const [label, value] of rows) this.paragraph(`${label}: ${value}`);
    return this;
  }

  /** The signature row of an extract, spread over the page width. */
  signatureLine(labels: readonly string[]): this {
    const { doc } = this;
    doc.moveDown(2);
    const y = doc.y;
    const width = (doc.page.width - doc.page.margins.left - doc.page.margins.right) / labels.length;
    doc.addStructure(
      doc.struct('P', {}, () => {
        labels.forEach((label, i) => {
          const x = doc.page.margins.left + i * width;
          doc
            .moveTo(x, y)
            .lineTo(x + width - 16, y)
            .stroke();
          doc.fontSize(9).text(label, x, y + 4, { width: width - 16, lineBreak: false });
        });
      }),
    );
    doc.x = doc.page.margins.left;
    doc.y = y + 24;
    doc.fontSize(10.5);
    return this;
  }

  finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}
