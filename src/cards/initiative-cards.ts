import { type CardTone, TONE_COLOR } from './tone';
import { tally, type Stance } from '../domain/approval/approval';
import { offeredCatalogue, optionText } from '../domain/catalogue/catalogue-version';
import type { Catalogue } from '../domain/catalogue/catalogue.types';
import type { Initiative, InitiativeForm } from '../domain/initiative/initiative.types';
import { may, type Viewer } from '../domain/policy/policy';
import {
  SKALLKRAV_STATE_LABELS,
  SKALLKRAV_TEXT,
  skallkravStates,
  type SkallkravRule,
} from '../domain/initiative/skallkrav';
import type { FieldIssue } from '../domain/shared/domain.errors';
import { FIELD_LIMITS } from '../domain/initiative/validation';
import { type Locale, text } from '../domain/shared/label';
import { fill } from '../i18n/fill';
import { strings } from '../i18n/strings';
import { type AdaptiveCardJson, renderCard } from './templates';
import { commands, type LinkFor, summary } from './view-models';

/** Greeting with the process explained and the three main buttons. */
/**
 * The welcome and help card. `example` is a reference as this organisation writes them (its prefix
 * in force), so the hint to type `status …` shows one that looks like theirs.
 */
export function welcomeCard(locale: Locale, example = 'OH-2026-0007'): AdaptiveCardJson {
  const t = strings(locale);
  return renderCard('welcome', {
    t: { ...t, helpCommands: fill(t.helpCommands, { example }) },
    commands: commands(locale),
  });
}

/** A short message with the navigation buttons, so no answer is a dead end. */
export function messageCard(locale: Locale, body: string, opts: { title?: string; tone?: CardTone } = {}) {
  return renderCard('message', {
    t: strings(locale),
    commands: commands(locale),
    title: opts.title ?? '',
    text: body,
    color: TONE_COLOR[opts.tone ?? 'default'],
  });
}

export interface FormCardInput {
  readonly form: InitiativeForm;
  readonly clientKey: string;
  readonly initiativeId?: string | null;
  readonly issues?: readonly FieldIssue[];
  /** Set when the server refused a draft rather than a submission. */
  readonly draft?: boolean;
  readonly similar?: readonly Initiative[];
  readonly editing?: boolean;
  /** The preparation group's question, when the initiator is completing the initiative. */
  readonly question?: string;
  /** Only drafts can be saved as drafts; a sent initiative is changed with Skicka (full validation). */
  readonly allowDraft?: boolean;
}

const FIELD_KEYS = [
  'title',
  'background',
  'description',
  'expectedEffect',
  'organisationIds',
  'targetGroupIds',
  'malbild',
  'anchoringManagerName',
  'anchoringConfirmed',
  'resources',
  'timePlan',
  'followUpPlan',
  'contactName',
  'contactEmail',
  'contactPhone',
] as const;

/** Which UI string names a field in the error summary (list fields are stored as ids). */
const LABEL_KEY: Readonly<Record<string, string>> = {
  organisationIds: 'organisationsShort',
  targetGroupIds: 'targetGroupsShort',
  goalWordIds: 'malbildHelpShort',
  factorIds: 'malbildHelpShort',
  statementIds: 'malbildHelpShort',
  malbild: 'malbildHelpShort',
  prerequisiteIds: 'prerequisites',
  agreementIds: 'agreements',
};

/** The common template as a card, with the user's values kept and each message next to its field. */
export function formCard(
  locale: Locale,
  catalogue: Catalogue,
  input: FormCardInput,
  linkFor: LinkFor,
): AdaptiveCardJson {
  const t = strings(locale);
  const f = input.form;
  const issues = input.issues ?? [];
  const errors: Record<string, string> = Object.fromEntries(FIELD_KEYS.map((k) => [k, '']));
  for (const issue of issues) {
    const key =
      issue.field === 'goalWordIds' || issue.field === 'factorIds' || issue.field === 'statementIds'
        ? 'malbild'
        : issue.field;
    errors[key] = [errors[key], text(issue.message, locale)].filter(Boolean).join(' ');
  }
  const labelFor = (field: string) => (t as Record<string, string>)[LABEL_KEY[field] ?? field] ?? field;
  // Retired entries are offered only where the form already holds them, and say so.
  const held = new Set([
    ...f.organisationIds,
    ...f.targetGroupIds,
    ...f.goalWordIds,
    ...f.factorIds,
    ...f.statementIds,
    ...f.prerequisiteIds,
    ...f.agreementIds,
  ]);
  const offered = offeredCatalogue(catalogue, held);
  const opt = (e: { id: string; label: { sv: string; en: string }; retiredIn?: string }) => ({
    id: e.id,
    label: optionText(e, locale, t.retired),
  });
  const similar = (input.similar ?? []).map((s) => ({
    ...summary(s, catalogue, locale, linkFor),
    initiator: s.initiator.name,
  }));
  return renderCard('initiative-form', {
    t,
    heading: input.editing ? t.formTitleEdit : t.formTitle,
    question: input.question ? `${t.completionQuestion}: ${input.question}` : '',
    hasErrors: issues.length > 0,
    errorsHeading: input.draft ? t.draftErrorsSummary : t.errorsSummary,
    errorList: issues.map((i) => ({
      text: i.field === 'form' ? text(i.message, locale) : `${labelFor(i.field)}: ${text(i.message, locale)}`,
    })),
    hasSimilar: similar.length > 0,
    similar,
    showStatements: f.statementIds.length > 0,
    errors,
    v: {
      ...f,
      organisationIds: f.organisationIds.join(','),
      targetGroupIds: f.targetGroupIds.join(','),
      goalWordIds: f.goalWordIds.join(','),
      factorIds: f.factorIds.join(','),
      prerequisiteIds: f.prerequisiteIds.join(','),
      agreementIds: f.agreementIds.join(','),
      anchoringConfirmed: f.anchoringConfirmed ? 'true' : 'false',
    },
    catalogue: {
      organisations: offered.organisations.map(opt),
      targetGroups: offered.targetGroups.map(opt),
      goalWords: offered.goalWords.map(opt),
      factors: offered.factors.map((x) => ({
        ...opt(x),
        value: x.statements
          .filter((s) => f.statementIds.includes(s.id))
          .map((s) => s.id)
          .join(','),
        statements: x.statements.map((s) => ({
          id: s.id,
          label: optionText({ ...s, label: s.text }, locale, t.retired),
        })),
      })),
      prerequisites: offered.prerequisites.map(opt),
      agreements: offered.agreements.map(opt),
    },
    submitTitle: similar.length > 0 ? t.submitAnyway : t.submit,
    allowDraft: input.allowDraft ?? true,
    max: FIELD_LIMITS,
    action: {
      clientKey: input.clientKey,
      initiativeId: input.initiativeId ?? '',
      similarChecked: similar.length > 0 ? 'true' : 'false',
    },
  });
}

/** Skallkrav 1–4 as rows with a state, for confirmation and review cards. */
export function skallkravRows(
  initiative: Initiative,
  stances: readonly Stance[],
  catalogue: Catalogue,
  locale: Locale,
) {
  const states = skallkravStates(initiative, catalogue, tally(stances).approve);
  return ([1, 2, 3, 4] as SkallkravRule[]).map((rule) => ({
    rule: String(rule),
    text: text(SKALLKRAV_TEXT[rule], locale),
    icon: states[rule - 1] === 'met' ? '✓' : '○',
    state: text(SKALLKRAV_STATE_LABELS[states[rule - 1]!], locale),
  }));
}

/** Replaces the form after a successful submission (or a saved change to a sent initiative). */
export function confirmationCard(
  locale: Locale,
  catalogue: Catalogue,
  initiative: Initiative,
  linkFor: LinkFor,
  opts: { changed?: boolean; stances?: readonly Stance[] } = {},
) {
  const t = strings(locale);
  return renderCard('confirmation', {
    t,
    heading: opts.changed ? t.changesSavedTitle : t.confirmationTitle,
    nextStep: initiative.status === 'submitted' ? t.nextStep : '',
    i: summary(initiative, catalogue, locale, linkFor),
    skallkrav: skallkravRows(initiative, opts.stances ?? [], catalogue, locale),
  });
}

/** The person's initiatives with what they may do next: continue a draft, edit or withdraw before approval. */
export function listCard(
  locale: Locale,
  catalogue: Catalogue,
  heading: string,
  initiatives: readonly Initiative[],
  linkFor: LinkFor,
  /** Whose list it is: the buttons are what the policy lets this person do. */
  viewer: Viewer,
) {
  const t = strings(locale);
  return renderCard('initiative-list', {
    t,
    commands: commands(locale),
    heading,
    empty: initiatives.length === 0,
    items: initiatives.slice(0, 10).map((i) => {
      const s = summary(i, catalogue, locale, linkFor);
      return {
        ...s,
        canEdit: may('edit', i, viewer) || may('complete', i, viewer),
        canWithdraw: may('withdraw', i, viewer),
        hasLink: s.link !== '',
        editTitle: i.status === 'draft' ? t.continueDraft : t.edit,
        withdrawTitle: t.withdraw,
        openTitle: t.openInTab,
      };
    }),
  });
}

/** A proactive message to the initiator about a status change. */
export function notificationCard(
  locale: Locale,
  catalogue: Catalogue,
  initiative: Initiative,
  body: string,
  linkFor: LinkFor,
) {
  const t = strings(locale);
  return renderCard('notification', {
    t,
    heading: t.notificationTitle,
    body,
    i: summary(initiative, catalogue, locale, linkFor),
    canComplete: initiative.status === 'awaiting_completion',
  });
}
