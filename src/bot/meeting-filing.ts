import type { AppDeps } from '../app/deps';
import type { ArchivedDocument } from '../app/ports/document-archive.port';
import { extractPdf } from '../documents/extract-pdf';
import { minutesDocx } from '../documents/minutes-docx';
import { minutesPdf } from '../documents/minutes-pdf';
import type { Minutes } from '../domain/meeting/minutes';
import type { Meeting } from '../domain/meeting/meeting.types';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Where a meeting's documents are filed: one folder per meeting, under its year. */
export function meetingFolder(meeting: Pick<Meeting, 'id' | 'date' | 'year'>): string {
  return `rug-${meeting.year}/${meeting.date}-${meeting.id.slice(0, 8)}`;
}

/** The documents of justered minutes: the minutes as PDF and DOCX, one extract per paragraph. */
export function justeredDocuments(
  meeting: Meeting,
  minutes: Minutes,
): { path: string; make(): Promise<ArchivedDocument> }[] {
  const folder = meetingFolder(meeting);
  const doc = (name: string, contentType: string, render: () => Promise<Buffer>) => ({
    path: `${folder}/${name}`,
    make: async () => ({ path: `${folder}/${name}`, contentType, bytes: await render() }),
  });
  return [
    doc(`protokoll-${meeting.date}.pdf`, PDF, () => minutesPdf(minutes)),
    doc(`protokoll-${meeting.date}.docx`, DOCX, () => minutesDocx(minutes)),
    ...minutes.paragraphs.map((p) =>
      doc(`protokollsutdrag-paragraf-${p.number}.pdf`, PDF, () => extractPdf(minutes, p)),
    ),
  ];
}

/**
 * Files the justered minutes and extracts with the records. Run from the outbox, so a failure is
 * retried; what is already filed is skipped, and a path is never filed twice.
 */
export async function fileJusteredMinutes(
  deps: AppDeps,
  meeting: Meeting,
  minutes: Minutes,
): Promise<number> {
  if (meeting.status !== 'justered') return 0;
  let filed = 0;
  for (const d of justeredDocuments(meeting, minutes)) {
    if (await deps.store.documents.has(d.path)) continue;
    await deps.store.documents.file(await d.make());
    filed += 1;
  }
  return filed;
}
