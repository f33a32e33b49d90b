/**
 * One SharePoint list in memory: columns, items with eTags, unique columns. Every write is checked
 * completely before anything changes, so a refused write never leaves a half-created item.
 */
import { randomUUID } from 'node:crypto';
import { type FakeColumn, checkValue, newColumn, uniqueKey } from './fake-columns';
import { FakeHttpError } from './fake-errors';

export interface FakeItem {
  readonly id: number;
  readonly guid: string;
  version: number;
  readonly created: string;
  modified: string;
  fields: Record<string, unknown>;
  /** The list's change number at this item's last write (what delta tokens are compared with). */
  change: number;
}

/** SharePoint allows at most 20 indexed columns per list. */
export const MAX_INDEXES = 20;

export class FakeList {
  readonly id = randomUUID();
  readonly columns = new Map<string, FakeColumn>();
  /** In id order: SharePoint hands out ids increasing and never reuses one. */
  readonly items = new Map<number, FakeItem>();
  private nextId = 1;
  /** Counts every create, update and delete; a delta token is a point in this count. */
  changes = 0;
  /** Deleted items and the change that deleted them: delta reports them as `deleted`. */
  readonly tombstones = new Map<number, number>();
  /** Delta tokens carry the epoch they were issued in; older epochs get 410 Gone (resync). */
  deltaEpoch = 0;
  private readonly unique = new Map<string, Map<string, number>>();
  readonly created = new Date().toISOString();

  constructor(
    readonly displayName: string,
    readonly description: string,
    readonly template: string,
  ) {
    // Every generic list has a Title column.
    this.addColumn({ name: 'Title', text: { maxLength: 255 } });
  }

  eTag(item: FakeItem): string {
    return `"${item.guid},${item.version}"`;
  }

  addColumn(def: Record<string, unknown>): FakeColumn {
    const column = newColumn(def);
    if (this.columns.has(column.name)) {
      throw new FakeHttpError(409, 'nameAlreadyExists', `A column named '${column.name}' already exists.`);
    }
    this.checkIndexBudget(column.indexed ? 1 : 0);
    this.columns.set(column.name, column);
    if (column.enforceUniqueValues) this.unique.set(column.name, new Map());
    return column;
  }

  updateColumn(id: string, patch: Record<string, unknown>): FakeColumn {
    const column = [...this.columns.values()].find((c) => c.id === id);
    if (!column) throw new FakeHttpError(404, 'itemNotFound', 'The column does not exist.');
    const merged = { ...column.definition, ...patch, name: column.name, id: column.id };
    const next = newColumn(merged);
    if (next.kind !== column.kind)
      throw new FakeHttpError(400, 'invalidRequest', 'A column type cannot change.');
    this.checkIndexBudget(next.indexed && !column.indexed ? 1 : 0);
    if (next.enforceUniqueValues && !column.enforceUniqueValues) {
      const index = new Map<string, number>();
      for (const item of this.items.values()) {
        const key = uniqueKey(item.fields[column.name]);
        if (key === null) continue;
        if (index.has(key))
          throw new FakeHttpError(400, 'invalidRequest', 'The column has duplicate values.');
        index.set(key, item.id);
      }
      this.unique.set(column.name, index);
    }
    if (!next.enforceUniqueValues) this.unique.delete(column.name);
    column.indexed = next.indexed;
    column.enforceUniqueValues = next.enforceUniqueValues;
    column.definition = { ...next.definition, id: column.id };
    return column;
  }

  createItem(fields: Record<string, unknown>): FakeItem {
    const values = this.checkFields(fields, null);
    const now = new Date().toISOString();
    const item: FakeItem = {
      id: this.nextId++,
      guid: randomUUID(),
      version: 1,
      created: now,
      modified: now,
      fields: values,
      change: ++this.changes,
    };
    this.items.set(item.id, item);
    this.index(item, null);
    return item;
  }

  /** Sets fields; with `ifMatch` the item must still have that eTag (`*` matches any). */
  updateItem(id: number, ifMatch: string | undefined, fields: Record<string, unknown>): FakeItem {
    const item = this.getItem(id);
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== this.eTag(item)) {
      throw new FakeHttpError(
        412,
        'preconditionFailed',
        'ETag mismatch: the item was changed by someone else.',
      );
    }
    const values = this.checkFields(fields, item);
    const before = { ...item.fields };
    item.fields = { ...item.fields, ...values };
    item.version += 1;
    item.modified = new Date().toISOString();
    item.change = ++this.changes;
    this.index(item, before);
    return item;
  }

  deleteItem(id: number, ifMatch: string | undefined): void {
    const item = this.getItem(id);
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== this.eTag(item)) {
      throw new FakeHttpError(412, 'preconditionFailed', 'ETag mismatch.');
    }
    for (const [name, index] of this.unique) {
      const key = uniqueKey(item.fields[name]);
      if (key !== null) index.delete(key);
    }
    this.items.delete(id);
    this.tombstones.set(id, ++this.changes);
  }

  /** What SharePoint does when it can no longer tell the changes since old tokens: they get 410. */
  expireDeltaTokens(): void {
    this.deltaEpoch += 1;
  }

  getItem(id: number): FakeItem {
    const item = this.items.get(id);
    if (!item)
      throw new FakeHttpError(404, 'itemNotFound', 'The item does not exist. It may have been deleted.');
    return item;
  }

  private checkIndexBudget(adding: number): void {
    const used = [...this.columns.values()].filter((c) => c.indexed).length;
    if (used + adding > MAX_INDEXES) {
      throw new FakeHttpError(
        400,
        'invalidRequest',
        `A list can have at most ${MAX_INDEXES} indexed columns.`,
      );
    }
  }

  /** Validates a write completely (names, types, choices, uniqueness) and returns the values to store. */
  private checkFields(fields: Record<string, unknown>, self: FakeItem | null): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      if (name.endsWith('@odata.type')) continue;
      const column = this.columns.get(name);
      if (!column) throw new FakeHttpError(400, 'invalidRequest', `Field '${name}' is not recognized`);
      checkValue(column, value, fields[`${name}@odata.type`] === 'Collection(Edm.String)');
      values[name] = value;
    }
    const duplicates: string[] = [];
    for (const [name, index] of this.unique) {
      if (!(name in values)) continue;
      const key = uniqueKey(values[name]);
      const holder = key === null ? undefined : index.get(key);
      if (holder !== undefined && holder !== self?.id) duplicates.push(name);
    }
    if (duplicates.length > 0) {
      // What Graph answers for SharePoint's SPDuplicateValuesFoundException.
      throw new FakeHttpError(
        409,
        'nameAlreadyExists',
        `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${duplicates.join(', ')}].`,
      );
    }
    return values;
  }

  private index(item: FakeItem, before: Record<string, unknown> | null): void {
    for (const [name, index] of this.unique) {
      const old = before ? uniqueKey(before[name]) : null;
      if (old !== null) index.delete(old);
      const key = uniqueKey(item.fields[name]);
      if (key !== null) index.set(key, item.id);
    }
  }
}
