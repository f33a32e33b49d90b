import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { ConfigurationChangeView } from '../../../contracts/admin-api';
import { type Label, text } from '../../../domain/shared/label';
import { useTab } from '../../context';
import { catalogueStrings } from './catalogue.strings';

type Ops = ReturnType<typeof catalogueStrings>['ops'];

/** What one audited change did, in words: "Retired: Överenskommelse om … (2026.1)". */
function describe(c: ConfigurationChangeView, ops: Ops, locale: 'sv' | 'en'): string {
  const after = c.after ?? {};
  const version = typeof after.version === 'string' ? ` (${after.version})` : '';
  if (c.kind === 'catalogue_imported') return `${ops.import}${version}`;
  const op = after.op as keyof Ops | undefined;
  const entry = after.entry as { label?: Label } | undefined;
  const before = (c.before?.entry as { label?: Label } | undefined)?.label;
  const label = entry?.label ? text(entry.label, locale) : '';
  const what = op && op in ops ? ops[op] : '';
  if (op === 'reword' && before) return `${what}: ${text(before, locale)} → ${label}${version}`;
  return `${what}: ${label}${version}`;
}

/** The catalogue's audited changes, newest first: when, who, what. */
export function CatalogueHistory({ history }: { history: readonly ConfigurationChangeView[] }) {
  const { locale } = useTab();
  const a = catalogueStrings(locale);
  return (
    <section aria-labelledby="admin-catalogue-history">
      <h3 id="admin-catalogue-history">{a.historyHeading}</h3>
      {history.length === 0 ? (
        <p>{a.noChanges}</p>
      ) : (
        <Table aria-labelledby="admin-catalogue-history">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{a.when}</TableHeaderCell>
              <TableHeaderCell>{a.who}</TableHeaderCell>
              <TableHeaderCell>{a.what}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {history.map((c) => (
              <TableRow key={`${c.kind}-${c.revision}`}>
                <TableCell>
                  <time dateTime={c.at}>{c.at.slice(0, 16).replace('T', ' ')}</time>
                </TableCell>
                <TableCell>{c.by.name}</TableCell>
                <TableCell>{describe(c, a.ops, locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
