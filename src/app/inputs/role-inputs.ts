import type { EndRoleInput, GrantRoleInput } from '../../contracts/admin-api';
import { ASSIGNABLE_ROLES } from '../../domain/roles/role-assignment';
import { ValidationError } from '../../domain/shared/domain.errors';
import { oneOf, optional, type Raw, str } from './fields';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// An Entra object id: what Teams' people picker and the channel rosters give.
const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function day(raw: Raw, field: string): string | undefined {
  const v = optional(raw, field)?.trim();
  if (v === undefined) return undefined;
  if (DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))) return v;
  throw new ValidationError([
    {
      field,
      code: 'FIELD.DATE',
      message: { sv: 'Ange ett datum som ÅÅÅÅ-MM-DD.', en: 'Give a date as YYYY-MM-DD.' },
    },
  ]);
}

/** One parser for a grant, from the tab's JSON and the bot card's people picker alike. */
export function parseGrantRole(raw: Raw): GrantRoleInput {
  const holderId = str(raw, 'holderId').trim();
  if (!OBJECT_ID.test(holderId)) {
    throw new ValidationError([
      {
        field: 'holderId',
        code: 'ROLES.PERSON_REQUIRED',
        message: { sv: 'Välj en person.', en: 'Choose a person.' },
      },
    ]);
  }
  const from = day(raw, 'from');
  return { role: oneOf(raw, 'role', ASSIGNABLE_ROLES), holderId, ...(from ? { from } : {}) };
}

export function parseEndRole(raw: Raw): EndRoleInput {
  const assignmentId = str(raw, 'assignmentId').trim();
  if (!assignmentId) {
    throw new ValidationError([
      {
        field: 'assignmentId',
        code: 'FIELD.REQUIRED',
        message: { sv: 'Välj vilken roll som ska avslutas.', en: 'Choose the role to end.' },
      },
    ]);
  }
  const until = day(raw, 'until');
  return { assignmentId, ...(until ? { until } : {}) };
}
