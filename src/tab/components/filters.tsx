import { Button, Field, makeStyles, SearchBox, Select, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import type { Catalogue } from '../../domain/catalogue/catalogue.types';
import { STATUSES } from '../../domain/initiative/status';
import type { Locale } from '../../domain/shared/label';
import type { TabStrings } from '../i18n';
import { YearSelect } from './year-select';
import { optionLabel, statusLabel } from '../labels';

/** The list's filters; empty strings mean "any". */
export interface Filters {
  readonly status: string;
  readonly organisation: string;
  readonly targetGroup: string;
  readonly malbild: string;
  readonly year: string;
  readonly q: string;
  readonly sort: string;
}

export const NO_FILTERS: Filters = {
  status: '',
  organisation: '',
  targetGroup: '',
  malbild: '',
  year: '',
  q: '',
  sort: '-updated',
};

/** The query string the API takes for these filters. */
export function filterQuery(f: Filters): string {
  const p = new URLSearchParams();
  for (const key of ['status', 'organisation', 'targetGroup', 'malbild', 'year', 'q', 'sort'] as const) {
    if (f[key]) p.set(key, f[key]);
  }
  return p.toString();
}

export function hasFilters(f: Filters): boolean {
  return (['status', 'organisation', 'targetGroup', 'malbild', 'year', 'q'] as const).some(
    (k) => f[k] !== '',
  );
}

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    marginBlockEnd: tokens.spacingVerticalL,
  },
  search: { gridColumn: '1 / -1' },
});

/**
 * Filters for the list: free text (applied after a short pause in typing), status, organisation,
 * target group, goal word or success factor, year, and the sort order.
 */
export function FilterBar({
  value,
  onChange,
  catalogue,
  locale,
  t,
  years,
  showStatus = true,
}: {
  value: Filters;
  onChange: (f: Filters) => void;
  catalogue: Catalogue;
  locale: Locale;
  t: TabStrings;
  years: readonly number[];
  showStatus?: boolean;
}) {
  const s = useStyles();
  const [typed, setTyped] = useState(value.q);
  const headingId = useId();
  useEffect(() => setTyped(value.q), [value.q]);
  useEffect(() => {
    if (typed === value.q) return;
    const timer = setTimeout(() => onChange({ ...value, q: typed }), 300);
    return () => clearTimeout(timer);
  }, [typed, value, onChange]);
  const set = (key: keyof Filters) => (_: unknown, data: { value: string }) =>
    onChange({ ...value, [key]: data.value });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t.filters}
      </h2>
      <div className={s.form} role="search">
        <Field label={t.search} className={s.search}>
          <SearchBox
            value={typed}
            placeholder={t.searchPlaceholder}
            onChange={(_, d) => setTyped(d.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onChange({ ...value, q: typed });
            }}
          />
        </Field>
        {showStatus ? (
          <Field label={t.status}>
            <Select value={value.status} onChange={set('status')}>
              <option value="">{t.anyOption}</option>
              {STATUSES.filter((x) => x !== 'draft').map((x) => (
                <option key={x} value={x}>
                  {statusLabel(x, locale)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field label={t.organisation}>
          <Select value={value.organisation} onChange={set('organisation')}>
            <option value="">{t.anyOption}</option>
            {catalogue.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {optionLabel(o, locale, t.retired)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.targetGroup}>
          <Select value={value.targetGroup} onChange={set('targetGroup')}>
            <option value="">{t.anyOption}</option>
            {catalogue.targetGroups.map((g) => (
              <option key={g.id} value={g.id}>
                {optionLabel(g, locale, t.retired)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.malbild}>
          <Select value={value.malbild} onChange={set('malbild')}>
            <option value="">{t.anyOption}</option>
            <optgroup label={t.goalWords}>
              {catalogue.goalWords.map((g) => (
                <option key={g.id} value={g.id}>
                  {optionLabel(g, locale, t.retired)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t.factors}>
              {catalogue.factors.map((f) => (
                <option key={f.id} value={f.id}>
                  {optionLabel(f, locale, t.retired)}
                </option>
              ))}
            </optgroup>
          </Select>
        </Field>
        <YearSelect
          label={t.year}
          value={value.year}
          onChange={(year) => set('year')(null, { value: year })}
          anyLabel={t.anyOption}
          years={years}
        />
        <Field label={t.sortBy}>
          <Select value={value.sort} onChange={set('sort')}>
            <option value="-updated">{t.sortUpdatedDesc}</option>
            <option value="-submitted">{t.sortSubmittedDesc}</option>
            <option value="-ref">{t.sortRef}</option>
            <option value="title">{t.sortTitle}</option>
            <option value="status">{t.sortStatus}</option>
          </Select>
        </Field>
        <Button disabled={!hasFilters(value)} onClick={() => onChange({ ...NO_FILTERS, sort: value.sort })}>
          {t.clearFilters}
        </Button>
      </div>
    </section>
  );
}
