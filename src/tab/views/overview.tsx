import { FunnelChart, HorizontalBarChart, HorizontalBarChartVariant } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Status } from '../../domain/initiative/status';
import { AFTER_ENDORSEMENT, STATUSES } from '../../domain/initiative/status';
import type { Count, Stats } from '../../contracts/tab-api';
import { ChartBlock } from '../components/chart-block';
import { YearSelect } from '../components/year-select';
import { Empty, ErrorState, Loading } from '../components/states';
import { useTab } from '../context';
import { fmt } from '../i18n';
import { labelOf } from '../labels';
import { useResource } from '../use-resource';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 26rem), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  figures: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXXL,
    listStyle: 'none',
    padding: 0,
  },
  figure: { display: 'flex', flexDirection: 'column' },
  big: {
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightHero700,
  },
});

/** Steps of the funnel: how many initiatives reached each step of the process (or went further). */
const FUNNEL: readonly {
  key: Status &
    ('submitted' | 'in_preparation' | 'proposal_ready' | 'approved' | 'in_implementation' | 'followed_up');
  reached: readonly Status[];
}[] = [
  {
    key: 'submitted',
    reached: STATUSES.filter((status) => status !== 'draft'),
  },
  {
    key: 'in_preparation',
    reached: AFTER_ENDORSEMENT,
  },
  {
    key: 'proposal_ready',
    reached: ['proposal_ready', 'approved', 'rejected', 'in_implementation', 'followed_up', 'closed'],
  },
  { key: 'approved', reached: ['approved', 'in_implementation', 'followed_up', 'closed'] },
  { key: 'in_implementation', reached: ['in_implementation', 'followed_up', 'closed'] },
  { key: 'followed_up', reached: ['followed_up', 'closed'] },
];

const PALETTE = ['#0F6CBD', '#107C10', '#8764B8', '#CA5010', '#038387', '#C239B3', '#986F0B'];

/** One bar per row with its label above it: long Swedish labels stay readable in a narrow frame. */
function Bars({ rows, locale }: { rows: readonly { label: string; value: number }[]; locale: string }) {
  // Headroom past the longest bar so its value label is not cut off.
  const max = Math.ceil(Math.max(1, ...rows.map((r) => r.value)) * 1.15);
  return (
    <HorizontalBarChart
      data={rows.map((r, n) => ({
        chartTitle: r.label,
        chartData: [
          {
            legend: r.label,
            horizontalBarChartdata: { x: r.value, total: max },
            color: PALETTE[n % PALETTE.length]!,
          },
        ],
      }))}
      variant={HorizontalBarChartVariant.AbsoluteScale}
      culture={locale === 'en' ? 'en-GB' : 'sv-SE'}
    />
  );
}

/** "Översikt": the process as a funnel, initiatives per target group, målbild, organisation and year. */
export function OverviewView() {
  const { api, t, locale, catalogue } = useTab();
  const s = useStyles();
  const [year, setYear] = useState('');
  const stats = useResource(`stats-${year}`, () =>
    api.get<Stats>(`/api/stats${year ? `?year=${year}` : ''}`),
  );
  // 52,5 dagar in Swedish, 52.5 days in English.
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 });
  const rows = (counts: readonly Count[]) =>
    counts.map((c) => ({ label: labelOf(catalogue, c.key, locale), value: c.count }));
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">{t.overview}</h1>
      <YearSelect
        label={t.year}
        value={year}
        onChange={setYear}
        anyLabel={t.allYears}
        style={{ maxWidth: '14rem', marginBlockEnd: '1rem' }}
      />
      {stats.state === 'loading' ? <Loading label={t.loading} /> : null}
      {stats.state === 'error' ? (
        <ErrorState error={stats.error} onRetry={stats.reload} t={t} locale={locale} />
      ) : null}
      {stats.state === 'ready' && stats.data.total === 0 ? <Empty>{t.emptyNone}</Empty> : null}
      {stats.state === 'ready' && stats.data.total > 0 ? (
        <>
          <p>{fmt(t.total, { n: stats.data.total })}</p>
          <section aria-labelledby="median-title">
            <h2 id="median-title">{t.medianTitle}</h2>
            <ul className={s.figures}>
              {stats.data.medianDays.map((m) => (
                <li key={m.step} className={s.figure}>
                  <span>{t[`step_${m.step}`]}</span>
                  <span className={s.big}>
                    {m.days === null ? t.noData : fmt(t.days, { n: number.format(m.days) })}
                  </span>
                  <span>{fmt(t.basedOn, { n: m.n })}</span>
                </li>
              ))}
            </ul>
          </section>
          <div className={s.grid}>
            {(() => {
              const byStatus = new Map(stats.data.byStatus.map((c) => [c.key, c.count]));
              const funnel = FUNNEL.map((step) => ({
                label: t[`funnel_${step.key}`],
                value: step.reached.reduce((sum, st) => sum + (byStatus.get(st) ?? 0), 0),
              }));
              return (
                <ChartBlock title={t.funnel} rows={funnel} t={t}>
                  <FunnelChart
                    data={funnel.map((f, n) => ({
                      stage: f.label,
                      value: f.value,
                      color: PALETTE[n % PALETTE.length]!,
                    }))}
                    height={300}
                    hideLegend
                    culture={locale === 'en' ? 'en-GB' : 'sv-SE'}
                  />
                </ChartBlock>
              );
            })()}
            {(
              [
                [t.perTargetGroup, rows(stats.data.byTargetGroup)],
                [t.perGoalWord, rows(stats.data.byGoalWord)],
                [t.perFactor, rows(stats.data.byFactor)],
                [t.perOrganisation, rows(stats.data.byOrganisation)],
                [t.perYear, stats.data.byYear.map((c) => ({ label: c.key, value: c.count }))],
              ] as const
            ).map(([title, data]) => (
              <ChartBlock key={title} title={title} rows={data} t={t}>
                <Bars rows={data} locale={locale} />
              </ChartBlock>
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
