import { isActive } from '../catalogue/catalogue-version';
import type { Catalogue } from '../catalogue/catalogue.types';
import type { Label } from '../shared/label';
import type { Tally } from '../approval/approval';
import type { InitiativeForm } from './initiative.types';
import { AFTER_ENDORSEMENT, type Status } from './status';

export type SkallkravRule = 1 | 2 | 3 | 4;

/** An unmet must-requirement, with the form field it concerns and a message in both languages. */
export interface UnmetSkallkrav {
  readonly rule: SkallkravRule;
  readonly code: string;
  readonly field: string;
  readonly message: Label;
}

export const SKALLKRAV_TEXT: Readonly<Record<SkallkravRule, Label>> = {
  1: { sv: 'Berör både kommun och region', en: 'Concerns both municipality and region' },
  2: { sv: 'Kopplar till minst en målgrupp', en: 'Links to at least one target group' },
  3: { sv: 'Kopplar till minst en parameter i målbilden', en: 'Links to at least one målbild parameter' },
  4: { sv: 'Godkänt av minst en deltagare i RUG', en: 'Approved by at least one RUG participant' },
};

function regionName(catalogue: Catalogue, locale: 'sv' | 'en'): string {
  const region = catalogue.organisations.find((o) => o.kind === 'region' && isActive(o));
  return region ? region.label[locale] : locale === 'sv' ? 'regionen' : 'the region';
}

/** Skallkrav 1–3, checked on the form. Returns every unmet rule; an empty list means all are met. */
export function checkFormSkallkrav(form: InitiativeForm, catalogue: Catalogue): UnmetSkallkrav[] {
  const unmet: UnmetSkallkrav[] = [];
  const orgs = catalogue.organisations.filter((o) => form.organisationIds.includes(o.id));
  if (!orgs.some((o) => o.kind === 'municipality') || !orgs.some((o) => o.kind === 'region')) {
    unmet.push({
      rule: 1,
      code: 'SKALLKRAV.MUNICIPALITY_AND_REGION',
      field: 'organisationIds',
      // The region by its name in the catalogue in force (another region imports its own).
      message: {
        sv: `Initiativet måste beröra både ${regionName(catalogue, 'sv')} och minst en kommun.`,
        en: `The initiative must involve both ${regionName(catalogue, 'en')} and at least one municipality.`,
      },
    });
  }
  if (!catalogue.targetGroups.some((g) => form.targetGroupIds.includes(g.id))) {
    unmet.push({
      rule: 2,
      code: 'SKALLKRAV.TARGET_GROUP',
      field: 'targetGroupIds',
      message: {
        sv: 'Välj minst en av de definierade målgrupperna.',
        en: 'Choose at least one of the defined target groups.',
      },
    });
  }
  const linksGoal = catalogue.goalWords.some((g) => form.goalWordIds.includes(g.id));
  const linksFactor = catalogue.factors.some((f) => form.factorIds.includes(f.id));
  const linksStatement = catalogue.factors.some((f) =>
    f.statements.some((s) => form.statementIds.includes(s.id)),
  );
  if (!linksGoal && !linksFactor && !linksStatement) {
    unmet.push({
      rule: 3,
      code: 'SKALLKRAV.MALBILD_LINK',
      field: 'malbild',
      message: {
        sv: 'Koppla initiativet till minst en parameter i målbilden: ett målord, en framgångsfaktor eller ett av dess påståenden.',
        en: 'Link the initiative to at least one målbild parameter: a goal word, a success factor or one of its statements.',
      },
    });
  }
  return unmet;
}

/** Skallkrav 4, from the RUG tally: at least one approval (jäv is never counted). */
export function checkApprovalSkallkrav(t: Tally): UnmetSkallkrav[] {
  if (t.approve > 0) return [];
  return [
    {
      rule: 4,
      code: 'SKALLKRAV.RUG_APPROVAL',
      field: 'approvals',
      message: {
        sv: 'Minst en deltagare i RUG behöver godkänna initiativet.',
        en: 'At least one RUG participant needs to approve the initiative.',
      },
    },
  ];
}

/** All four rules; an initiative may be prepared and decided only when this is empty. */
export function checkSkallkrav(form: InitiativeForm, t: Tally, catalogue: Catalogue): UnmetSkallkrav[] {
  return [...checkFormSkallkrav(form, catalogue), ...checkApprovalSkallkrav(t)];
}

/** Where an initiative stands on one rule: met, unmet, or still open (a draft's form, an awaited approval). */
export type SkallkravState = 'met' | 'unmet' | 'pending';

export const SKALLKRAV_STATE_LABELS: Readonly<Record<SkallkravState, Label>> = {
  met: { sv: 'uppfyllt', en: 'met' },
  unmet: { sv: 'ej uppfyllt', en: 'not met' },
  pending: { sv: 'väntar', en: 'pending' },
};

/**
 * Skallkrav 1–4 for an initiative, the one computation every surface shows. Rules 1–3 come from the
 * form (still pending while it is a draft). Rule 4 comes from the count of RUG approvals when it is
 * known; where it is not read (list rows), a status reached only through an approval says met.
 */
export function skallkravStates(
  initiative: { readonly status: Status; readonly form: InitiativeForm },
  catalogue: Catalogue,
  approvals?: number,
): readonly [SkallkravState, SkallkravState, SkallkravState, SkallkravState] {
  const unmet = new Set(checkFormSkallkrav(initiative.form, catalogue).map((u) => u.rule));
  const draft = initiative.status === 'draft';
  const form = (rule: 1 | 2 | 3): SkallkravState => (!unmet.has(rule) ? 'met' : draft ? 'pending' : 'unmet');
  const fourth: SkallkravState =
    approvals !== undefined
      ? approvals > 0
        ? 'met'
        : 'pending'
      : AFTER_ENDORSEMENT.includes(initiative.status)
        ? 'met'
        : 'pending';
  return [form(1), form(2), form(3), fourth];
}
