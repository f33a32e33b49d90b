import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type ReactNode } from 'react';
import type { TabStrings } from '../i18n';
import { useNarrow } from '../use-narrow';

const useStyles = makeStyles({
  block: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
  },
  head: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    gap: '8px',
  },
  chart: { width: '100%', overflowX: 'auto' },
});

/**
 * A chart with its data table behind it: the table is one button away for anyone; the chart itself
 * is hidden from screen readers and the tab order (inert), which get the table instead.
 */
export function ChartBlock({
  title,
  rows,
  t,
  children,
}: {
  title: string;
  rows: readonly { label: string; value: string | number }[];
  t: TabStrings;
  children: ReactNode;
}) {
  const s = useStyles();
  // In a narrow frame (Teams mobile) the table is the better view; the chart is one button away.
  const narrow = useNarrow();
  const [table, setTable] = useState(narrow);
  const id = useId();
  return (
    <section className={s.block} aria-labelledby={`${id}-title`}>
      <div className={s.head}>
        <h2 id={`${id}-title`}>{title}</h2>
        <Button
          appearance="subtle"
          aria-expanded={table}
          aria-controls={`${id}-table`}
          onClick={() => setTable(!table)}
        >
          {table ? t.hideTable : t.showTable}
        </Button>
      </div>
      {table ? (
        <Table id={`${id}-table`} size="small" aria-labelledby={`${id}-title`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{title}</TableHeaderCell>
              <TableHeaderCell>{t.count}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.label}>
                <TableCell>{r.label}</TableCell>
                <TableCell>{r.value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        // inert: the chart's own focusable marks leave the tab order; the table is the accessible form.
        <div className={s.chart} aria-hidden="true" inert>
          {children}
        </div>
      )}
    </section>
  );
}
