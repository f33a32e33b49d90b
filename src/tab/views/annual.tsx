import {
  Button,
  Field,
  Link,
  Select,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AnnualReport } from '../../contracts/tab-api';
import { Empty, ErrorState, Loading, errorMessage } from '../components/states';
import { StatusBadge } from '../components/badges';
import { rowHref } from '../components/initiative-grid';
import { YearSelect } from '../components/year-select';
import { useTab } from '../context';
import { fmt } from '../i18n';
import { day, followUpStateLabel, labelOf, labelsOf, outcomeLabel } from '../labels';
import { meetingTabStrings } from '../meeting-i18n';
import { useResource } from '../use-resource';

const useStyles = makeStyles({
  tools: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    marginBlockEnd: tokens.spacingVerticalL,
    '@media print': { display: 'none' },
  },
  wrap: { overflowX: 'auto' },
  cell: { verticalAlign: 'top', overflowWrap: 'anywhere' },
});

/**
 * "Årssammanställning": the initiatives RUG decided on in a year, as a printable page and as XLSX
 * and CSV downloads made by the server.
 */
export function AnnualView() {
  const { api, t, locale, catalogue } = useTab();
  const s = useStyles();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [order, setOrder] = useState<'ref' | 'meeting'>('ref');
  const report = useResource(`annual-${year}-${order}`, () =>
    api.get<AnnualReport>(`/api/reports/annual?year=${year}&order=${order}`),
  );
  const m = meetingTabStrings(locale);
  const download = (format: 'xlsx' | 'csv') => {
    setDownloadError(null);
    const name = `${locale === 'en' ? 'annual-compilation' : 'arssammanstallning'}-${year}.${format}`;
    api
      .download(`/api/reports/annual.${format}?year=${year}&locale=${locale}&order=${order}`, name)
      .catch(setDownloadError);
  };
  return (
    <section aria-labelledby="annual-title">
      <h1 id="annual-title">{fmt(t.annualTitle, { year })}</h1>
      <p>{t.annualIntro}</p>
      <div className={s.tools}>
        <YearSelect label={t.year} value={year} onChange={setYear} />
        <Field label={m.annualOrder}>
          <Select value={order} onChange={(_, d) => setOrder(d.value === 'meeting' ? 'meeting' : 'ref')}>
            <option value="ref">{m.annualByRef}</option>
            <option value="meeting">{m.annualByMeeting}</option>
          </Select>
        </Field>
        <Button appearance="primary" onClick={() => download('xlsx')}>
          {t.downloadXlsx}
        </Button>
        <Button onClick={() => download('csv')}>{t.downloadCsv}</Button>
        <Button onClick={() => window.print()}>{t.print}</Button>
      </div>
      {downloadError ? <p role="alert">{errorMessage(downloadError, t, locale)}</p> : null}
      {report.state === 'loading' ? <Loading label={t.loading} /> : null}
      {report.state === 'error' ? (
        <ErrorState error={report.error} onRetry={report.reload} t={t} locale={locale} />
      ) : null}
      {report.state === 'ready' && report.data.rows.length === 0 ? (
        <Empty>{fmt(t.emptyAnnual, { year })}</Empty>
      ) : null}
      {report.state === 'ready' && report.data.rows.length > 0 ? (
        <div className={s.wrap}>
          <Table aria-labelledby="annual-title" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.ref}</TableHeaderCell>
                <TableHeaderCell>{t.title}</TableHeaderCell>
                <TableHeaderCell>{t.status}</TableHeaderCell>
                <TableHeaderCell>{t.outcome}</TableHeaderCell>
                <TableHeaderCell>{t.responsible}</TableHeaderCell>
                <TableHeaderCell>{t.malbild}</TableHeaderCell>
                <TableHeaderCell>{t.agreements}</TableHeaderCell>
                <TableHeaderCell>{t.latestFollowUp}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.data.rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className={s.cell}>
                    <Link href={rowHref(r)}>{r.ref}</Link>
                  </TableCell>
                  <TableCell className={s.cell}>{r.title}</TableCell>
                  <TableCell className={s.cell}>
                    <StatusBadge status={r.status} locale={locale} />
                  </TableCell>
                  <TableCell className={s.cell}>
                    {outcomeLabel(r.outcome, locale)} {r.meetingDate}
                    {r.paragraph ? ` § ${r.paragraph}` : ''}
                    {r.diarienummer ? ` (${r.diarienummer})` : ''}
                  </TableCell>
                  <TableCell className={s.cell}>
                    {r.responsibleId ? labelOf(catalogue, r.responsibleId, locale) : '–'}
                  </TableCell>
                  <TableCell className={s.cell}>
                    {labelsOf(catalogue, [...r.goalWordIds, ...r.factorIds], locale, r.catalogueVersion)}
                  </TableCell>
                  <TableCell className={s.cell}>
                    {labelsOf(catalogue, r.agreementIds, locale, r.catalogueVersion) || '–'}
                  </TableCell>
                  <TableCell className={s.cell}>
                    {r.latestFollowUp
                      ? `${day(r.latestFollowUp.at)} ${followUpStateLabel(r.latestFollowUp.state, locale)}: ${r.latestFollowUp.whatWasDone}`
                      : t.noFollowUps}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}
