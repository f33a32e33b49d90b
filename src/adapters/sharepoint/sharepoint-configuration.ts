import type {
  ConfigurationKind,
  ConfigurationRepository,
  ConfigurationRevision,
} from '../../app/ports/configuration.port';
import { ConflictError } from '../../app/ports/store.errors';
import { MAX_STORED_CHARS, packRevision, unpackRevision } from './revision-codec';
import type { GraphList, ListItem } from './graph-list';
import { isDuplicate, mapGraph } from './http/graph-errors';

export const CONFIGURATION_READ = ['ConfigKey', 'Data'] as const;

const keyOf = (kind: ConfigurationKind, revision: number) => `${kind}:${revision}`;
const toRevision = (item: ListItem) =>
  JSON.parse(unpackRevision(String(item.fields.Data))) as ConfigurationRevision;

/**
 * Revisions in their own list, one item each, keyed `<kind>:<revision>` (unique, so a second
 * revision n is refused with 409). A start reads a kind's revisions once; after that an instance
 * asks only whether the next revision exists — one small request per poll, whatever the history.
 */
export class SharePointConfiguration implements ConfigurationRepository {
  constructor(
    private readonly sp: GraphList,
    /** The same list read for its keys only: which revisions exist, without their data. */
    private readonly keys: GraphList,
  ) {}

  fits(r: ConfigurationRevision): boolean {
    return packRevision(JSON.stringify(r)).length <= MAX_STORED_CHARS;
  }

  append(r: ConfigurationRevision): Promise<void> {
    return mapGraph('save configuration', async () => {
      const key = keyOf(r.kind, r.revision);
      try {
        await this.sp.create(
          {
            Title: key,
            ConfigKey: key,
            Kind: r.kind,
            Revision: r.revision,
            Data: packRevision(JSON.stringify(r)),
          },
          'configuration.append',
          key,
        );
      } catch (err) {
        // Taken: by another change, or by this one whose answer was lost (the caller compares changeId).
        if (isDuplicate(err)) throw new ConflictError('save configuration: revision taken', 'duplicate');
        throw err;
      }
    });
  }

  /** The keys of every revision of the kind (small), then only the latest few items whole. */
  latest(kind: ConfigurationKind, count: number): Promise<ConfigurationRevision[]> {
    return mapGraph('read configuration', async () => {
      const prefix = `${kind}:`;
      const numbers = (
        await this.keys.findAll({ column: 'Kind', value: kind }, 'configuration.keys', () => true)
      )
        .map((i) => String(i.fields.ConfigKey))
        .filter((k) => k.startsWith(prefix))
        .map((k) => Number(k.slice(prefix.length)))
        .filter(Number.isInteger)
        .sort((a, b) => a - b)
        .slice(-count);
      const out: ConfigurationRevision[] = [];
      for (const n of numbers) {
        const key = keyOf(kind, n);
        const item = await this.sp.findOne(
          { column: 'ConfigKey', value: key },
          'configuration.latest',
          (i) => i.fields.ConfigKey === key,
        );
        if (item) out.push(toRevision(item));
      }
      return out;
    });
  }

  after(kind: ConfigurationKind, revision: number): Promise<ConfigurationRevision[]> {
    return mapGraph('read configuration', async () => {
      if (revision === 0) {
        const all = await this.sp.findAll({ column: 'Kind', value: kind }, 'configuration.all', () => true);
        return all
          .map(toRevision)
          .filter((r) => r.kind === kind)
          .sort((a, b) => a.revision - b.revision);
      }
      const out: ConfigurationRevision[] = [];
      for (let n = revision + 1; ; n++) {
        const key = keyOf(kind, n);
        const item = await this.sp.findOne(
          { column: 'ConfigKey', value: key },
          'configuration.next',
          (i) => i.fields.ConfigKey === key,
        );
        if (!item) return out;
        out.push(toRevision(item));
      }
    });
  }
}
