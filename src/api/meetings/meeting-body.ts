import { ValidationError } from '../../domain/shared/domain.errors';

export type Body = Readonly<Record<string, unknown>>;

function invalid(field: string): ValidationError {
  return new ValidationError([
    { field, code: 'FIELD.INVALID', message: { sv: 'Ogiltigt värde.', en: 'Invalid value.' } },
  ]);
}

/** A string field; absent means empty (the use case decides what is required). */
export function str(body: Body, field: string): string {
  const v = body[field];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw invalid(field);
  return v;
}

export function optionalStr(body: Body, field: string): string | undefined {
  const v = str(body, field).trim();
  return v ? v : undefined;
}

export function nullableId(body: Body, field: string): string | null {
  return optionalStr(body, field) ?? null;
}

export function ids(body: Body, field: string): string[] {
  const v = body[field];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string') || v.length > 60) throw invalid(field);
  return v as string[];
}

export function int(body: Body, field: string): number {
  const v = body[field];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1000) throw invalid(field);
  return v;
}

export function oneOf<T extends string>(body: Body, field: string, allowed: readonly T[]): T {
  const v = body[field];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw invalid(field);
  return v as T;
}

export const bodyOf = (raw: unknown): Body => (typeof raw === 'object' && raw !== null ? (raw as Body) : {});
