import { type FieldIssue, ValidationError } from '../shared/domain.errors';

/**
 * The process settings an organisation tunes in the Administration view. Seeded on first start
 * from the deployment's configuration (REMINDER_AFTER_DAYS, DIGEST_WEEKDAY) and the prefix `OH`.
 */
export interface ProcessSettings {
  /** A RUG member is reminded once when a review has waited this many days for their stance. */
  readonly reminderAfterDays: number;
  /** Day of the weekly digest in the RUG channel: 1 = Monday … 7 = Sunday. */
  readonly digestWeekday: number;
  /** The letters before the year in a reference number, e.g. OH in OH-2026-0007. */
  readonly referencePrefix: string;
}

export const DEFAULT_SETTINGS: ProcessSettings = {
  reminderAfterDays: 5,
  digestWeekday: 1,
  referencePrefix: 'OH',
};

/** What a reference prefix may be: 1–6 capital letters A–Z, so references stay easy to type. */
export const PREFIX = /^[A-Z]{1,6}$/;

const issue = (field: string, code: string, sv: string, en: string): FieldIssue => ({
  field,
  code,
  message: { sv, en },
});

/** Refuses settings the process cannot run with; every problem at once. */
export function checkSettings(s: ProcessSettings): ProcessSettings {
  const issues: FieldIssue[] = [];
  if (!Number.isInteger(s.reminderAfterDays) || s.reminderAfterDays < 1 || s.reminderAfterDays > 60) {
    issues.push(
      issue(
        'reminderAfterDays',
        'SETTINGS.REMINDER_DAYS',
        'Ange ett helt antal dagar, 1–60.',
        'Enter a whole number of days, 1–60.',
      ),
    );
  }
  if (!Number.isInteger(s.digestWeekday) || s.digestWeekday < 1 || s.digestWeekday > 7) {
    issues.push(issue('digestWeekday', 'SETTINGS.WEEKDAY', 'Välj en veckodag.', 'Choose a day of the week.'));
  }
  if (!PREFIX.test(s.referencePrefix)) {
    issues.push(
      issue(
        'referencePrefix',
        'SETTINGS.PREFIX',
        'Prefixet ska vara 1–6 versaler A–Z, till exempel OH.',
        'The prefix must be 1–6 capital letters A–Z, for example OH.',
      ),
    );
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return s;
}
