import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Minutes, MinutesParagraph } from '../domain/meeting/minutes';
import { paragraphLabel } from '../domain/meeting/paragraph';
import { headerRows, justeringText } from './minutes-pdf';

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level });
const body = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });

function section(p: MinutesParagraph): Paragraph[] {
  const h3 = (text: string) => heading(text, HeadingLevel.HEADING_3);
  return [
    heading(`${paragraphLabel(p.number)} ${p.heading}`, HeadingLevel.HEADING_2),
    ...(p.diarienummer ? [body(`Diarienummer: ${p.diarienummer}`)] : []),
    h3('Beslut'),
    ...p.beslut.map((l) => body(l)),
    ...p.jav.map((l) => body(l)),
    h3('Ärendet'),
    ...p.arendet.map((l) => body(l)),
    h3('Förslag till beslut'),
    ...p.forslag.map((l) => body(l)),
    h3('Beslutsunderlag'),
    ...p.beslutsunderlag.map(bullet),
    h3('Expedieras till'),
    ...p.expedierasTill.map((l) => body(l)),
  ];
}

/**
 * The minutes as DOCX for the secretary's own editing and archiving: built-in Heading styles (so
 * screen readers and Word's navigation see the structure), Swedish as the document language.
 */
export function minutesDocx(minutes: Minutes): Promise<Buffer> {
  const doc = new Document({
    creator: 'Omtanke Halland',
    title: `Protokoll ${minutes.body} ${minutes.date}`,
    description: 'Protokoll från RUG',
    styles: { default: { document: { run: { language: { value: 'sv-SE' } } } } },
    sections: [
      {
        children: [
          body(minutes.body, true),
          heading(`Protokoll ${minutes.date}`, HeadingLevel.HEADING_1),
          ...headerRows(minutes).map(([label, value]) => body(`${label}: ${value}`)),
          ...minutes.paragraphs.flatMap(section),
          heading('Justering', HeadingLevel.HEADING_2),
          body(`Ordförande: ${minutes.chair}`),
          body(`Justerare: ${minutes.adjuster}`),
          body(justeringText(minutes), true),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
