import { type FieldIssue, ValidationError } from '../../../domain/shared/domain.errors';
import { requireText } from '../text-input';

/** What the secretary enters to call a meeting. */
export interface MeetingInput {
  readonly clientKey: string;
  readonly date: string;
  readonly time: string;
  readonly place: string;
  readonly onlineLink?: string;
}

export interface ParsedMeetingInput {
  readonly clientKey: string;
  readonly date: string;
  readonly year: number;
  readonly time: string;
  readonly place: string;
  readonly onlineLink: string | null;
}

const issue = (field: string, sv: string, en: string): FieldIssue => ({
  field,
  code: `FIELD.${field.toUpperCase()}`,
  message: { sv, en },
});

/** The one parser for a meeting's date, time, place and link: every issue reported at once. */
export function parseMeetingInput(input: MeetingInput): ParsedMeetingInput {
  const issues: FieldIssue[] = [];
  const date = String(input.date ?? '').trim();
  const validDate =
    /^\d{4}-\d{2}-\d{2}$/.test(date) &&
    !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) &&
    new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
  if (!validDate)
    issues.push(issue('date', 'Ange mötesdatum (ÅÅÅÅ-MM-DD).', 'Enter the meeting date (YYYY-MM-DD).'));
  const time = String(input.time ?? '').trim();
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
    issues.push(issue('time', 'Ange starttid (TT:MM).', 'Enter the start time (HH:MM).'));
  }
  const link = String(input.onlineLink ?? '').trim();
  if (link && !/^https:\/\/[^\s<>"]+$/.test(link)) {
    issues.push(issue('onlineLink', 'Länken ska börja med https://.', 'The link must start with https://.'));
  }
  const clientKey = String(input.clientKey ?? '').trim();
  if (!/^[\w-]{8,80}$/.test(clientKey)) {
    issues.push(issue('clientKey', 'Formuläret saknar nyckel; ladda om.', 'The form has no key; reload.'));
  }
  let place = '';
  try {
    place = requireText('place', String(input.place ?? ''), 200);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    issues.push(...err.issues);
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return { clientKey, date, year: Number(date.slice(0, 4)), time, place, onlineLink: link || null };
}
