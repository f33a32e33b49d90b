import {
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Link,
  makeStyles,
  tokens,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import type { Catalogue } from '../../domain/catalogue/catalogue.types';
import type { Locale } from '../../domain/shared/label';
import type { InitiativeRow } from '../../contracts/tab-api';
import type { TabStrings } from '../i18n';
import { day, labelsOf } from '../labels';
import { hrefOf } from '../router';
import { useNarrow } from '../use-narrow';
import { SkallkravMarks, StatusBadge } from './badges';

const useStyles = makeStyles({
  // Neutral, underlined link text: readable on the row's hover and focus backgrounds in every theme.
  link: { textDecorationLine: 'underline', fontWeight: tokens.fontWeightSemibold },
});

/** Link target of a row: the reference, or the id for a draft (which has none). */
export function rowHref(row: Pick<InitiativeRow, 'ref' | 'id'>): string {
  return hrefOf({ name: 'initiative', key: row.ref ?? row.id });
}

/**
 * Initiatives in a Fluent DataGrid: reference and title link to the initiative page; status,
 * organisations, skallkrav and date beside them (fewer columns in a narrow frame). Rows come one
 * server page at a time, so the grid stays small whatever the number of initiatives.
 */
export function InitiativeGrid({
  rows,
  t,
  locale,
  catalogue,
  label,
}: {
  rows: readonly InitiativeRow[];
  t: TabStrings;
  locale: Locale;
  catalogue: Catalogue;
  label: string;
}) {
  const narrow = useNarrow();
  const s = useStyles();
  const columns: TableColumnDefinition<InitiativeRow>[] = [
    createTableColumn<InitiativeRow>({
      columnId: 'title',
      renderHeaderCell: () => t.title,
      renderCell: (r) => (
        <div>
          <Link href={rowHref(r)} appearance="subtle" className={s.link}>
            {r.title || t.draft}
          </Link>
          <div style={{ fontSize: '0.85em' }}>{r.ref ?? t.draft}</div>
        </div>
      ),
    }),
    createTableColumn<InitiativeRow>({
      columnId: 'status',
      renderHeaderCell: () => t.status,
      renderCell: (r) => <StatusBadge status={r.status} locale={locale} />,
    }),
    ...(narrow
      ? []
      : [
          createTableColumn<InitiativeRow>({
            columnId: 'organisations',
            renderHeaderCell: () => t.organisations,
            renderCell: (r) => labelsOf(catalogue, r.organisationIds, locale),
          }),
          createTableColumn<InitiativeRow>({
            columnId: 'skallkrav',
            renderHeaderCell: () => t.skallkrav,
            renderCell: (r) => <SkallkravMarks states={r.skallkrav} t={t} locale={locale} />,
          }),
          createTableColumn<InitiativeRow>({
            columnId: 'updated',
            renderHeaderCell: () => t.updated,
            renderCell: (r) => day(r.updatedAt),
          }),
        ]),
  ];
  return (
    <DataGrid
      items={[...rows]}
      columns={columns}
      getRowId={(r: InitiativeRow) => r.id}
      aria-label={label}
      focusMode="none"
      resizableColumns={false}
    >
      <DataGridHeader>
        <DataGridRow>
          {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<InitiativeRow>>
        {({ item, rowId }) => (
          <DataGridRow<InitiativeRow> key={rowId}>
            {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
