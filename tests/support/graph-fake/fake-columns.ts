/**
 * Column definitions and field-value checks as SharePoint applies them when Graph writes an item.
 * Only the column types the app uses are modelled; anything else is refused so a gap shows up.
 */
import { randomUUID } from 'node:crypto';
import { FakeHttpError } from './fake-errors';

export type FakeColumnKind = 'text' | 'note' | 'number' | 'choice' | 'multiChoice' | 'dateTime' | 'boolean';

export interface FakeColumn {
  readonly id: string;
  readonly name: string;
  readonly kind: FakeColumnKind;
  indexed: boolean;
  enforceUniqueValues: boolean;
  readonly readOnly: boolean;
  /** The columnDefinition as Graph returns it (type facet included). */
  definition: Record<string, unknown>;
}

const TYPE_FACETS = ['text', 'number', 'choice', 'dateTime', 'boolean'] as const;
/** SharePoint's limit for multi-line text in a list item. */
export const NOTE_MAX = 63_999;

function kindOf(def: Record<string, unknown>): FakeColumnKind {
  const facet = TYPE_FACETS.find((f) => typeof def[f] === 'object' && def[f] !== null);
  if (!facet)
    throw new FakeHttpError(400, 'invalidRequest', 'A column needs exactly one supported type facet.');
  const body = def[facet] as Record<string, unknown>;
  if (facet === 'text') return body.allowMultipleLines === true ? 'note' : 'text';
  if (facet === 'choice') return body.displayAs === 'checkBoxes' ? 'multiChoice' : 'choice';
  return facet;
}

export function newColumn(def: Record<string, unknown>, readOnly = false): FakeColumn {
  const name = def.name;
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new FakeHttpError(400, 'invalidRequest', 'A column needs a valid name.');
  }
  const kind = kindOf(def);
  const indexed = def.indexed === true;
  const unique = def.enforceUniqueValues === true;
  if (unique && !indexed) {
    throw new FakeHttpError(400, 'invalidRequest', 'A column that enforces unique values must be indexed.');
  }
  if ((indexed || unique) && (kind === 'note' || kind === 'multiChoice' || kind === 'boolean')) {
    throw new FakeHttpError(400, 'invalidRequest', `A ${kind} column cannot be indexed.`);
  }
  const id = randomUUID();
  return {
    id,
    name,
    kind,
    indexed,
    enforceUniqueValues: unique,
    readOnly,
    definition: { displayName: name, ...def, id, indexed, enforceUniqueValues: unique },
  };
}

/** SharePoint's fill-in choices: `allowTextEntry` lets a value outside the choices be stored. */
function allowsAny(c: FakeColumn): boolean {
  return (c.definition.choice as { allowTextEntry?: unknown } | undefined)?.allowTextEntry === true;
}

export function choicesOf(c: FakeColumn): string[] {
  const choice = c.definition.choice as { choices?: unknown } | undefined;
  return Array.isArray(choice?.choices) ? choice.choices.map(String) : [];
}

const bad = (msg: string) => new FakeHttpError(400, 'invalidRequest', msg);

/** Checks one value against its column, the way SharePoint refuses a wrong type or an unknown choice. */
export function checkValue(c: FakeColumn, value: unknown, annotated: boolean): void {
  if (c.readOnly) throw bad(`Field '${c.name}' is read-only.`);
  if (value === null) return;
  switch (c.kind) {
    case 'text':
    case 'note': {
      if (typeof value !== 'string') throw bad(`Field '${c.name}' needs a string.`);
      const text = c.definition.text as { maxLength?: number } | undefined;
      const max = c.kind === 'note' ? NOTE_MAX : (text?.maxLength ?? 255);
      if (value.length > max) throw bad(`Field '${c.name}' is longer than ${max} characters.`);
      return;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw bad(`Field '${c.name}' needs a number.`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw bad(`Field '${c.name}' needs a boolean.`);
      return;
    case 'dateTime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
        throw bad(`Field '${c.name}' needs a date.`);
      return;
    case 'choice':
      if (typeof value !== 'string' || (!allowsAny(c) && !choicesOf(c).includes(value))) {
        throw bad(`Field '${c.name}': '${String(value)}' is not one of its choices.`);
      }
      return;
    case 'multiChoice':
      // Graph cannot tell a collection's type without the annotation and refuses the write.
      if (!annotated)
        throw bad(`A value without a type name was found for '${c.name}'; add '${c.name}@odata.type'.`);
      if (
        !Array.isArray(value) ||
        value.some((v) => typeof v !== 'string' || (!allowsAny(c) && !choicesOf(c).includes(v)))
      ) {
        throw bad(`Field '${c.name}' needs a collection of its choices.`);
      }
      return;
  }
}

/** The key a unique column compares on: SharePoint compares case-insensitively. */
export function uniqueKey(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return String(value).toLowerCase();
}
