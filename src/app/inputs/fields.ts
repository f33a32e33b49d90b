import { ValidationError } from '../../domain/shared/domain.errors';

/** Raw input from a card's Action.Execute data or a JSON request body. */
export type Raw = Readonly<Record<string, unknown>>;

const invalid = (field: string) =>
  new ValidationError([
    { field, code: 'FIELD.INVALID', message: { sv: 'Ogiltigt värde.', en: 'Invalid value.' } },
  ]);

/** Reads a raw body: anything but a plain object is an empty input (every field then missing). */
export function rawOf(body: unknown): Raw {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Raw) : {};
}

/** A text field; absent means empty (the use case decides what is required), another type is refused. */
export function str(raw: Raw, field: string): string {
  const v = raw[field];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw invalid(field);
  return v;
}

/** An optional text field: empty or blank is absent. */
export function optional(raw: Raw, field: string): string | undefined {
  const v = str(raw, field);
  return v.trim() ? v : undefined;
}

/** A toggle: cards send "true"/"false", JSON sends booleans; absent is false. */
export function bool(raw: Raw, field: string): boolean {
  const v = raw[field];
  if (v === undefined || v === null || v === '' || v === false || v === 'false') return false;
  if (v === true || v === 'true') return true;
  throw invalid(field);
}

/** A choice; missing or unknown is a field error, never a silent default. */
export function oneOf<T extends string>(raw: Raw, field: string, allowed: readonly T[]): T {
  const hit = allowed.find((a) => a === raw[field]);
  if (hit) return hit;
  throw new ValidationError([
    {
      field,
      code: 'FIELD.REQUIRED',
      message: { sv: 'Välj ett av alternativen.', en: 'Choose one of the options.' },
    },
  ]);
}

/** A list of ids: JSON sends an array, cards a comma-separated string. */
export function ids(raw: Raw, field: string): string[] {
  const v = raw[field];
  if (v === undefined || v === null || v === '') return [];
  if (typeof v === 'string')
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  throw invalid(field);
}
