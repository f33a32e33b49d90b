import {
  EJ_JUSTERAD,
  JUSTERAD,
  type Minutes,
  type MinutesParagraph,
  SIGNATURE_LINE,
} from '../domain/meeting/minutes';
import { paragraphLabel } from '../domain/meeting/paragraph';
import { PdfWriter } from './pdf-writer';

/** The sections of one paragraph, in the order of the region's extracts (see the seed extract). */
export function writeParagraph(pdf: PdfWriter, p: MinutesParagraph, level: 2 | 3): void {
  pdf.heading(level, `${paragraphLabel(p.number)} ${p.heading}`);
  if (p.diarienummer) pdf.paragraph(`Diarienummer: ${p.diarienummer}`);
  const sub = (level + 1) as 3 | 4;
  const h = (text: string) => pdf.heading(sub === 4 ? 3 : sub, text);
  h('Beslut');
  pdf.paragraph(p.beslut[0] ?? '');
  for (const line of p.beslut.slice(1)) pdf.paragraph(line);
  for (const line of p.jav) pdf.paragraph(line);
  h('Ärendet');
  for (const line of p.arendet) pdf.paragraph(line);
  h('Förslag till beslut');
  for (const line of p.forslag) pdf.paragraph(line);
  h('Beslutsunderlag');
  pdf.list(p.beslutsunderlag);
  h('Expedieras till');
  for (const line of p.expedierasTill) pdf.paragraph(line);
}

/** A protokollsutdrag: one paragraph of the minutes, with the signature line and its justering. */
export function extractPdf(minutes: Minutes, paragraph: MinutesParagraph): Promise<Buffer> {
  const pdf = new PdfWriter(`Protokollsutdrag ${paragraphLabel(paragraph.number)} ${minutes.date}`);
  pdf.paragraph(minutes.body, { bold: true });
  pdf.heading(1, 'Protokollsutdrag');
  pdf.facts([
    ['Sammanträdesdatum', minutes.date],
    ['Paragraf', paragraphLabel(paragraph.number)],
  ]);
  writeParagraph(pdf, paragraph, 2);
  pdf.signatureLine(SIGNATURE_LINE);
  pdf.paragraph(paragraph.justerad ? JUSTERAD : EJ_JUSTERAD, { bold: true });
  return pdf.finish();
}
