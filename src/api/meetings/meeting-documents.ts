import type { Response } from 'express';
import type { AppDeps } from '../../app/deps';
import { minutesOf } from '../../app/use-cases/meetings/minutes-query';
import { extractPdf } from '../../documents/extract-pdf';
import { minutesDocx } from '../../documents/minutes-docx';
import { minutesPdf } from '../../documents/minutes-pdf';
import { meetingErrors } from '../../domain/meeting/meeting.errors';

export type MeetingDocument = 'minutes.pdf' | 'minutes.docx' | 'extract.pdf';

const TYPES: Readonly<Record<MeetingDocument, string>> = {
  'minutes.pdf': 'application/pdf',
  'extract.pdf': 'application/pdf',
  'minutes.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Renders a document from the records on request. Justered minutes never change, so the same
 * request always gives the same content; a draft says "Ej justerat" on every page that matters.
 */
export async function sendMeetingDocument(
  deps: AppDeps,
  res: Response,
  meetingId: string,
  kind: MeetingDocument,
  paragraph?: number,
): Promise<void> {
  const { meeting, minutes } = await minutesOf(deps, meetingId);
  let body: Buffer;
  let name = `protokoll-rug-${meeting.date}`;
  if (kind === 'extract.pdf') {
    const p = minutes.paragraphs.find((x) => x.number === paragraph);
    if (!p) throw meetingErrors.itemNotFound();
    body = await extractPdf(minutes, p);
    name = `protokollsutdrag-rug-${meeting.date}-paragraf-${p.number}`;
  } else {
    body = kind === 'minutes.pdf' ? await minutesPdf(minutes) : await minutesDocx(minutes);
  }
  const ext = kind.endsWith('docx') ? 'docx' : 'pdf';
  res.setHeader('content-type', TYPES[kind]);
  res.setHeader('content-disposition', `attachment; filename="${name}.${ext}"`);
  res.setHeader('cache-control', 'private, no-store');
  res.send(body);
}
