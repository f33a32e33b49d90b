import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { InitiativePage } from '../../contracts/tab-api';
import { Empty, ErrorState, Loading } from '../components/states';
import { FilterBar, filterQuery, hasFilters, NO_FILTERS, type Filters } from '../components/filters';
import { InitiativeGrid } from '../components/initiative-grid';
import { useTab } from '../context';
import { fmt } from '../i18n';
import { useResource } from '../use-resource';

const useStyles = makeStyles({
  pager: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    marginBlockStart: tokens.spacingVerticalM,
  },
});

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: thisYear - 2022 }, (_, n) => thisYear - n);

/**
 * A filterable, sortable, paged list of initiatives: "Alla initiativ" (scope all) and "Mina
 * initiativ" (scope mine, drafts included). Pages come from the server by cursor.
 */
export function InitiativeList({ scope, title }: { scope: 'all' | 'mine'; title: string }) {
  const { api, t, locale, catalogue } = useTab();
  const s = useStyles();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // Cursors of the pages before the current one, for "previous".
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const query = `${filterQuery(filters)}&scope=${scope}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  const page = useResource(query, () => api.get<InitiativePage>(`/api/initiatives?${query}`));
  const onFilters = useCallback((f: Filters) => {
    setFilters(f);
    setCursors([null]);
  }, []);
  const from = (cursors.length - 1) * 50;
  return (
    <section aria-labelledby="list-title">
      <h1 id="list-title">{title}</h1>
      <FilterBar
        value={filters}
        onChange={onFilters}
        catalogue={catalogue}
        locale={locale}
        t={t}
        years={YEARS}
      />
      {page.state === 'loading' ? <Loading label={t.loading} /> : null}
      {page.state === 'error' ? (
        <ErrorState error={page.error} onRetry={page.reload} t={t} locale={locale} />
      ) : null}
      {page.state === 'ready' && page.data.items.length === 0 ? (
        <Empty>{hasFilters(filters) ? t.emptyAll : scope === 'mine' ? t.emptyMine : t.emptyNone}</Empty>
      ) : null}
      {page.state === 'ready' && page.data.items.length > 0 ? (
        <>
          <p role="status">
            {fmt(t.results, { from: from + 1, to: from + page.data.items.length, total: page.data.total })}
          </p>
          <InitiativeGrid rows={page.data.items} t={t} locale={locale} catalogue={catalogue} label={title} />
          <nav className={s.pager} aria-label={title}>
            <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t.previous}
            </Button>
            <Button
              disabled={!page.data.nextCursor}
              onClick={() => page.data.nextCursor && setCursors((c) => [...c, page.data.nextCursor])}
            >
              {t.next}
            </Button>
          </nav>
        </>
      ) : null}
    </section>
  );
}
