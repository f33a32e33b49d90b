import type { AttendanceInput } from '../use-cases/meetings/attendance';
import type { ItemDecisionInput } from '../use-cases/meetings/decide-item';
import type { MeetingInput } from '../use-cases/meetings/meeting-input';
import { ValidationError } from '../../domain/shared/domain.errors';
import { parseDecision } from './action-inputs';
import { ids, optional, type Raw, str } from './fields';

/** The meeting use cases' inputs: one parser each, whichever surface sends them. */

export function parseMeetingCreate(raw: Raw): MeetingInput {
  const onlineLink = optional(raw, 'onlineLink');
  return {
    clientKey: str(raw, 'clientKey'),
    date: str(raw, 'date'),
    time: str(raw, 'time'),
    place: str(raw, 'place'),
    ...(onlineLink ? { onlineLink } : {}),
  };
}

export function parseAttendance(raw: Raw): AttendanceInput {
  const presentIds = ids(raw, 'presentIds');
  if (presentIds.length > 60) {
    throw new ValidationError([
      {
        field: 'presentIds',
        code: 'FIELD.TOO_MANY',
        message: { sv: 'Högst 60 personer.', en: 'At most 60 people.' },
      },
    ]);
  }
  return {
    presentIds,
    chairId: optional(raw, 'chairId') ?? null,
    secretaryId: optional(raw, 'secretaryId') ?? null,
    adjusterId: optional(raw, 'adjusterId') ?? null,
  };
}

/** A decision on an agenda item: the decision's own parser; the meeting gives the date. */
export function parseItemDecision(raw: Raw): ItemDecisionInput {
  const { meetingDate: _date, ...input } = parseDecision(raw);
  return input;
}

/** A new position on the agenda (0-based). */
export function parsePosition(raw: Raw): number {
  const v = raw.to;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1000) return v;
  throw new ValidationError([
    { field: 'to', code: 'FIELD.INVALID', message: { sv: 'Ogiltig position.', en: 'Invalid position.' } },
  ]);
}
