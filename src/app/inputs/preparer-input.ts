import type { PreparerInput } from '../../contracts/actions';
import { ValidationError } from '../../domain/shared/domain.errors';
import { optional, type Raw } from './fields';

// An Entra object id: what the channel rosters give and the picker sends back.
const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The preparer to assign: nothing (the bot's "Jag tar beredningen", the tab's button) means the
 * person asking; otherwise an object id, which the use case checks against the directory.
 */
export function parsePreparer(raw: Raw): PreparerInput {
  const preparerId = optional(raw, 'preparerId')?.trim();
  if (preparerId === undefined) return {};
  if (!OBJECT_ID.test(preparerId)) {
    throw new ValidationError([
      {
        field: 'preparerId',
        code: 'PREPARATION.PERSON_REQUIRED',
        message: { sv: 'Välj en person i listan.', en: 'Choose a person from the list.' },
      },
    ]);
  }
  return { preparerId };
}
