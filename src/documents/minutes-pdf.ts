import { EJ_JUSTERAD, JUSTERAD, type Minutes } from '../domain/meeting/minutes';
import { writeParagraph } from './extract-pdf';
import { PdfWriter } from './pdf-writer';

/** The header rows every rendering of the minutes shows. */
export function headerRows(m: Minutes): [string, string][] {
  return [
    ['Datum', m.date],
    ['Tid', m.time],
    ['Plats', m.place],
    ['Närvarande', m.present.join(', ') || '–'],
    ['Ordförande', m.chair],
    ['Sekreterare', m.secretary],
    ['Justerare', m.adjuster],
  ];
}

/** The justering line at the end: who signed and when, or that the minutes are still a draft. */
export function justeringText(m: Minutes): string {
  return m.justered
    ? `Justerat ${m.justeredAt?.slice(0, 10) ?? ''}. ${JUSTERAD}.`
    : `${EJ_JUSTERAD} (utkast).`;
}

/** The minutes (protokoll) as a tagged PDF: header, one section per §, the justering. */
export function minutesPdf(minutes: Minutes): Promise<Buffer> {
  const pdf = new PdfWriter(`Protokoll ${minutes.body} ${minutes.date}`);
  pdf.paragraph(minutes.body, { bold: true });
  pdf.heading(1, `Protokoll ${minutes.date}`);
  pdf.facts(headerRows(minutes));
  for (const p of minutes.paragraphs) writeParagraph(pdf, p, 2);
  pdf.heading(2, 'Justering');
  pdf.facts([
    ['Ordförande', minutes.chair],
    ['Justerare', minutes.adjuster],
  ]);
  pdf.paragraph(justeringText(minutes), { bold: true });
  return pdf.finish();
}
