import { emptyForm, type InitiativeForm } from '../domain/initiative/initiative.types';
import { FIELD_LIMITS } from '../domain/initiative/validation';

type CardData = Readonly<Record<string, unknown>>;

/** The template's text fields: the ones with a length limit. */
const TEXT_KEYS = Object.keys(FIELD_LIMITS) as (keyof typeof FIELD_LIMITS)[];

const LIST_KEYS = [
  'organisationIds',
  'targetGroupIds',
  'goalWordIds',
  'factorIds',
  'prerequisiteIds',
  'agreementIds',
] as const;

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** Multi-select ChoiceSets send "a,b,c"; anything else becomes an empty list. */
function ids(value: unknown): string[] {
  return str(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Reads the template fields a user typed into the card. Only form values are taken; identity,
 * status and everything else come from the activity and the store, never from card data.
 */
export function formFromCardData(data: CardData): InitiativeForm {
  const form = emptyForm();
  // The card's maxLength keeps real clients within the limits; a crafted request is cut to them.
  for (const key of TEXT_KEYS) form[key] = str(data[key]).slice(0, FIELD_LIMITS[key]);
  for (const key of LIST_KEYS) form[key] = ids(data[key]);
  form.statementIds = Object.keys(data)
    .filter((k) => k.startsWith('statements_'))
    .flatMap((k) => ids(data[k]));
  form.anchoringConfirmed = str(data.anchoringConfirmed) === 'true' || data.anchoringConfirmed === true;
  return form;
}

/** A short opaque key from card data, e.g. the submission key; refuses anything odd. */
export function cardKey(value: unknown): string | null {
  const s = str(value);
  return /^[A-Za-z0-9_-]{8,64}$/.test(s) ? s : null;
}
