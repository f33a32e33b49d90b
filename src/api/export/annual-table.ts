import { catalogueIndex } from '../../domain/catalogue/catalogue';
import { labelAt } from '../../domain/catalogue/catalogue-version';
import type { Catalogue } from '../../domain/catalogue/catalogue.types';
import { OUTCOME_LABELS } from '../../domain/initiative/labels';
import { STATUS_LABELS } from '../../domain/initiative/status';
import { type Label, type Locale, text } from '../../domain/shared/label';
import type { AnnualReport } from '../../contracts/tab-api';

const HEADERS: readonly Label[] = [
  { sv: 'Referens', en: 'Reference' },
  { sv: 'Rubrik', en: 'Title' },
  { sv: 'Status', en: 'Status' },
  { sv: 'Beslut', en: 'Decision' },
  { sv: 'Sammanträde', en: 'Meeting date' },
  { sv: 'Diarienummer', en: 'Case number' },
  { sv: 'Ansvarig', en: 'Responsible' },
  { sv: 'Organisationer', en: 'Organisations' },
  { sv: 'Målgrupper', en: 'Target groups' },
  { sv: 'Målbild', en: 'Målbild links' },
  { sv: 'Överenskommelser', en: 'Agreements' },
  { sv: 'Senaste uppföljning', en: 'Latest follow-up' },
  { sv: 'Uppföljningsdatum', en: 'Follow-up date' },
];

export interface Table {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The annual compilation as a table of display texts in one language (for XLSX and CSV). */
export function annualTable(report: AnnualReport, catalogue: Catalogue, locale: Locale): Table {
  const index = catalogueIndex(catalogue);
  const labels = (ids: readonly string[], version?: string) =>
    ids.map((id) => (index.has(id) ? text(labelAt(index.get(id)!, version), locale) : id)).join(', ');
  return {
    title:
      locale === 'en'
        ? `Annual compilation ${report.year} – Omtanke Halland`
        : `Årssammanställning ${report.year} – Omtanke Halland`,
    headers: HEADERS.map((h) => text(h, locale)),
    rows: report.rows.map((r) => [
      r.ref ?? '',
      r.title,
      text(STATUS_LABELS[r.status], locale),
      text(OUTCOME_LABELS[r.outcome], locale),
      r.paragraph ? `${r.meetingDate} § ${r.paragraph}` : r.meetingDate,
      r.diarienummer ?? '',
      r.responsibleId ? labels([r.responsibleId]) : '',
      labels(r.organisationIds, r.catalogueVersion),
      labels(r.targetGroupIds, r.catalogueVersion),
      labels([...r.goalWordIds, ...r.factorIds, ...r.statementIds], r.catalogueVersion),
      labels(r.agreementIds, r.catalogueVersion),
      r.latestFollowUp
        ? [r.latestFollowUp.whatWasDone, r.latestFollowUp.effects].filter(Boolean).join(' – ')
        : '',
      r.latestFollowUp?.at.slice(0, 10) ?? '',
    ]),
  };
}
