import { catalogueIndex } from '../catalogue/catalogue';
import { activeCatalogue } from '../catalogue/catalogue-version';
import type { Catalogue } from '../catalogue/catalogue.types';
import type { FieldIssue } from '../shared/domain.errors';
import type { InitiativeForm } from './initiative.types';
import { cleanText } from '../shared/clean-text';
import { checkFormSkallkrav } from './skallkrav';
import { fieldsWithIdentityNumbers } from './personnummer';
import { phoneProblem } from './phone';

type TextField = {
  [K in keyof InitiativeForm]: InitiativeForm[K] extends string ? K : never;
}[keyof InitiativeForm];
type ListField = {
  [K in keyof InitiativeForm]: InitiativeForm[K] extends string[] ? K : never;
}[keyof InitiativeForm];

/**
 * Length limits per text field. Single-line fields stay within SharePoint's 255-character text
 * column; the long fields are sized so the whole template, filled to the limits and shown with its
 * errors, still fits in one Teams card (28 KB).
 */
export const FIELD_LIMITS: Readonly<Record<TextField, number>> = {
  title: 120,
  background: 1500,
  description: 1500,
  expectedEffect: 800,
  anchoringManagerName: 120,
  resources: 800,
  timePlan: 600,
  followUpPlan: 800,
  contactName: 120,
  contactEmail: 254,
  contactPhone: 40,
};

const TEXT_FIELDS = Object.keys(FIELD_LIMITS) as TextField[];

/** Fields that must be filled in before sending (a draft needs only a title). */
export const REQUIRED_ON_SUBMIT: readonly TextField[] = [
  'title',
  'background',
  'description',
  'expectedEffect',
  'anchoringManagerName',
  'timePlan',
  'followUpPlan',
  'contactName',
  'contactEmail',
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function listDomain(catalogue: Catalogue): Record<ListField, ReadonlySet<string>> {
  return {
    organisationIds: new Set(catalogue.organisations.map((o) => o.id)),
    targetGroupIds: new Set(catalogue.targetGroups.map((g) => g.id)),
    goalWordIds: new Set(catalogue.goalWords.map((g) => g.id)),
    factorIds: new Set(catalogue.factors.map((f) => f.id)),
    statementIds: new Set(catalogue.factors.flatMap((f) => f.statements.map((s) => s.id))),
    prerequisiteIds: new Set(catalogue.prerequisites.map((p) => p.id)),
    agreementIds: new Set(catalogue.agreements.map((a) => a.id)),
  };
}

/** Checks that apply to every write, draft or not: lengths, known catalogue ids, no identity numbers. */
export function validateBasics(form: InitiativeForm, catalogue: Catalogue): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of TEXT_FIELDS) {
    const max = FIELD_LIMITS[field];
    if (form[field].length > max) {
      issues.push({
        field,
        code: 'FIELD.TOO_LONG',
        message: {
          sv: `Högst ${max} tecken (nu ${form[field].length}).`,
          en: `At most ${max} characters (now ${form[field].length}).`,
        },
      });
    }
  }
  const domain = listDomain(catalogue);
  for (const field of Object.keys(domain) as ListField[]) {
    const unknown = form[field].filter((id) => !domain[field].has(id));
    if (unknown.length > 0) {
      issues.push({
        field,
        code: 'FIELD.UNKNOWN_CHOICE',
        message: {
          sv: 'Ett val finns inte längre i katalogen.',
          en: 'A choice is no longer in the catalogue.',
        },
      });
    }
  }
  const textFields: Record<string, string> = {};
  // The phone field is judged as a phone number (phone.ts), not as free text.
  for (const field of TEXT_FIELDS) if (field !== 'contactPhone') textFields[field] = form[field];
  const phone = phoneProblem(form.contactPhone);
  const withNumbers = fieldsWithIdentityNumbers(textFields);
  if (phone === 'identity_number') withNumbers.push('contactPhone');
  for (const field of withNumbers) {
    issues.push({
      field,
      code: 'FIELD.PERSONAL_IDENTITY_NUMBER',
      message: {
        sv: 'Fältet innehåller något som ser ut som ett personnummer eller samordningsnummer. Ta bort det – initiativ får aldrig innehålla uppgifter om patienter eller brukare.',
        en: 'The field contains what looks like a Swedish personal identity or coordination number. Remove it – initiatives must never contain patient or client data.',
      },
    });
  }
  if (phone === 'not_a_phone_number') {
    issues.push({
      field: 'contactPhone',
      code: 'FIELD.PHONE',
      message: {
        sv: 'Ange ett telefonnummer, till exempel 070-123 45 67 eller +46 70 123 45 67.',
        en: 'Enter a phone number, for example 070-123 45 67 or +46 70 123 45 67.',
      },
    });
  }
  if (form.contactEmail.trim() !== '' && !EMAIL.test(form.contactEmail.trim())) {
    issues.push({
      field: 'contactEmail',
      code: 'FIELD.EMAIL',
      message: { sv: 'Ange en giltig e-postadress.', en: 'Enter a valid e-mail address.' },
    });
  }
  return issues;
}

/** Validation for saving a draft: the basics plus a title, so the draft can be found again. */
export function validateDraft(form: InitiativeForm, catalogue: Catalogue): FieldIssue[] {
  const issues = validateBasics(form, catalogue);
  if (form.title.trim() === '') issues.unshift(required('title'));
  return issues;
}

/** Full validation for sending: basics, required fields, anchoring confirmed, skallkrav 1–3. */
export function validateForSubmit(form: InitiativeForm, catalogue: Catalogue): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of REQUIRED_ON_SUBMIT) {
    if (form[field].trim() === '') issues.push(required(field));
  }
  issues.push(...validateBasics(form, catalogue));
  if (!form.anchoringConfirmed) {
    issues.push({
      field: 'anchoringConfirmed',
      code: 'FIELD.ANCHORING_NOT_CONFIRMED',
      message: {
        sv: 'Bekräfta att initiativet är förankrat hos din chef i den egna organisationen.',
        en: 'Confirm that the initiative is anchored with your manager in your own organisation.',
      },
    });
  }
  for (const s of checkFormSkallkrav(form, catalogue)) {
    issues.push({ field: s.field, code: s.code, message: s.message });
  }
  return issues;
}

function required(field: string): FieldIssue {
  return { field, code: 'FIELD.REQUIRED', message: { sv: 'Obligatoriskt fält.', en: 'Required field.' } };
}

/** Trims text fields and removes duplicate choices, so stored data is tidy whatever the client sent. */
export function normaliseForm(form: InitiativeForm): InitiativeForm {
  const out = { ...form };
  for (const field of TEXT_FIELDS) out[field] = cleanText(form[field]).trim();
  for (const field of Object.keys(listDomainKeys) as ListField[]) out[field] = [...new Set(form[field])];
  return out;
}

const listDomainKeys: Record<ListField, true> = {
  organisationIds: true,
  targetGroupIds: true,
  goalWordIds: true,
  factorIds: true,
  statementIds: true,
  prerequisiteIds: true,
  agreementIds: true,
};

/**
 * Choices of retired catalogue entries that the initiative did not already have: a retired entry is
 * not offered for new initiatives, but one that already chose it keeps it through edits.
 */
export function retiredChoices(
  form: InitiativeForm,
  catalogue: Catalogue,
  had: InitiativeForm | null,
): FieldIssue[] {
  // Retired: what the catalogue has but the form no longer offers (one rule: activeCatalogue).
  const offered = catalogueIndex(activeCatalogue(catalogue));
  const retired = new Set([...catalogueIndex(catalogue).keys()].filter((id) => !offered.has(id)));
  const issues: FieldIssue[] = [];
  for (const field of Object.keys(listDomain(catalogue)) as ListField[]) {
    const before = new Set(had ? had[field] : []);
    if (form[field].some((id) => retired.has(id) && !before.has(id))) {
      issues.push({
        field,
        code: 'FIELD.RETIRED_CHOICE',
        message: {
          sv: 'Ett val har gått ut ur katalogen och kan inte väljas för nya initiativ. Välj det som ersätter det.',
          en: 'A choice has been retired from the catalogue and cannot be chosen for new initiatives. Choose what replaces it.',
        },
      });
    }
  }
  return issues;
}
