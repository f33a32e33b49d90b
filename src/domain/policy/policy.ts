import type { Role } from '../initiative/actors';
import type { Status } from '../initiative/status';
import { STATUS_LABELS } from '../initiative/status';
import { ACTIVITY_LABELS } from './activity-labels';
import { NotAllowedError, StateConflictError } from '../shared/domain.errors';
import { ACTIVITIES, type Activity, type Actor, type Exclusion, POLICY, type Refusal } from './policy.table';

export { ACTIVITIES, POLICY, type Activity, type Actor, type Exclusion } from './policy.table';

/** What the policy needs of an initiative: its status and who initiated and prepares it. */
export interface PolicySubject {
  readonly status: Status;
  readonly initiator: { readonly objectId: string };
  readonly preparer: { readonly objectId: string } | null;
}

/** The person asking: their roles, and whether they declared jäv on this initiative. */
export interface Viewer {
  readonly objectId: string;
  readonly roles: readonly Role[];
  readonly javDeclared?: boolean;
}

/** In which capacities the viewer acts on the subject (or in general, without one). */
export function actorsOf(viewer: Viewer, subject: PolicySubject | null): Actor[] {
  const actors = new Set<Actor>(['anyone']);
  for (const role of viewer.roles) actors.add(role);
  // The chair and secretary are RUG members too.
  if (actors.has('rug_chair') || actors.has('rug_secretary')) actors.add('rug_member');
  if (subject?.initiator.objectId === viewer.objectId) actors.add('initiator');
  if (subject?.preparer?.objectId === viewer.objectId) actors.add('preparer');
  return [...actors];
}

function excluded(exclusion: Exclusion, viewer: Viewer, subject: PolicySubject | null): boolean {
  if (exclusion === 'own') return subject?.initiator.objectId === viewer.objectId;
  return viewer.javDeclared === true;
}

/** True when the activity is open in the status, whoever asks: what a card shown to all offers. */
export function isOpen(activity: Activity, status: Status): boolean {
  const { when } = POLICY[activity];
  return when === 'any' || when.includes(status);
}

type Verdict = { ok: true } | { ok: false; why: 'who' | 'when' | Exclusion };

/** Who first (an outsider learns nothing of the state), then the exclusions, then the status. */
function judge(activity: Activity, subject: PolicySubject | null, viewer: Viewer): Verdict {
  const rule = POLICY[activity];
  const actors = actorsOf(viewer, subject);
  if (!rule.who.some((a) => actors.includes(a))) return { ok: false, why: 'who' };
  const hit = rule.unless?.find((x) => excluded(x, viewer, subject));
  if (hit) return { ok: false, why: hit };
  // Without a subject the question is about the role alone ("is this person ever allowed to …").
  if (subject && rule.when !== 'any' && !rule.when.includes(subject.status))
    return { ok: false, why: 'when' };
  return { ok: true };
}

/** May the viewer take the activity on the subject now? With no subject: does their role allow it at all? */
export function may(activity: Activity, subject: PolicySubject | null, viewer: Viewer): boolean {
  return judge(activity, subject, viewer).ok;
}

/** Everything the viewer may do on the subject now; drives the tab's buttons and per-user cards. */
export function allowedActivities(subject: PolicySubject | null, viewer: Viewer): Activity[] {
  return ACTIVITIES.filter((a) => may(a, subject, viewer));
}

const JAV: Refusal = {
  code: 'POLICY.JAV',
  message: {
    sv: 'Du har anmält jäv i ärendet och deltar inte i beslutet. En annan ordförande eller sekreterare behöver registrera det.',
    en: 'You declared a conflict of interest and take no part in the decision. Another chair or secretary needs to record it.',
  },
};

function refusal(activity: Activity, why: 'who' | 'when' | Exclusion, status: Status | null): Refusal {
  const own = POLICY[activity].refused?.[why === 'jav' ? 'who' : why];
  if (why === 'jav') return JAV;
  if (own) return own;
  const label = ACTIVITY_LABELS[activity];
  if (why === 'when') {
    const s = status ? STATUS_LABELS[status] : { sv: '–', en: '–' };
    return {
      code: 'INITIATIVE.INVALID_TRANSITION',
      message: {
        sv: `Det går inte att ${label.sv} när initiativet har status ”${s.sv}”.`,
        en: `You cannot ${label.en} while the initiative is “${s.en}”.`,
      },
    };
  }
  return {
    code: why === 'own' ? 'POLICY.OWN_INITIATIVE' : 'INITIATIVE.NOT_ALLOWED',
    message: {
      sv: `Du har inte behörighet att ${label.sv}${why === 'own' ? ' för ditt eget initiativ' : ''}.`,
      en: `You are not allowed to ${label.en}${why === 'own' ? ' on your own initiative' : ''}.`,
    },
  };
}

/**
 * Throws the activity's refusal when the viewer may not take it: a StateConflictError when the
 * status does not allow it, a NotAllowedError when the person may not (role, own initiative, jäv).
 */
export function assertMay(activity: Activity, subject: PolicySubject | null, viewer: Viewer): void {
  const verdict = judge(activity, subject, viewer);
  if (verdict.ok) return;
  const status = subject?.status ?? null;
  const { code, message } = refusal(activity, verdict.why, status);
  const details = { activity, ...(status ? { from: status } : {}) };
  if (verdict.why === 'when') throw new StateConflictError(code, message, details);
  throw new NotAllowedError(code, message, details);
}

/**
 * May the viewer see the initiative at all? Sent ones: everyone signed in. One never sent — a draft,
 * or a draft its initiator withdrew — stays private to its initiator, whatever its status says.
 */
export function mayView(
  subject: PolicySubject & { readonly submittedAt: string | null },
  viewer: Viewer,
): boolean {
  if (subject.submittedAt === null) return may('see_draft', { ...subject, status: 'draft' }, viewer);
  return may('view', subject, viewer) || may('see_draft', subject, viewer);
}
