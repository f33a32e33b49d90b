import { type CardTone, TONE_COLOR } from './tone';
import { STANCE_LABELS, type Stance, tally } from '../domain/approval/approval';
import { isActive } from '../domain/catalogue/catalogue-version';
import type { Catalogue } from '../domain/catalogue/catalogue.types';
import type { Decision, Initiative } from '../domain/initiative/initiative.types';
import { shownVersion } from '../domain/initiative/shown-version';
import { STATUS_LABELS } from '../domain/initiative/status';
import { isOpen } from '../domain/policy/policy';
import { type Locale, text } from '../domain/shared/label';
import { fill, strings } from '../i18n/strings';
import { skallkravRows } from './initiative-cards';
import { type AdaptiveCardJson, renderCard } from './templates';
import { clip, type LinkFor, summary, valueLabels } from './view-models';

export interface CardNotice {
  readonly text: string;
  readonly tone?: CardTone;
}

/** Values typed into a card's inputs, sent back so a refused action loses nothing. */
export type TypedValues = Readonly<Record<string, string>>;

function valuesOf(defaults: Record<string, string>, typed: TypedValues | undefined): Record<string, string> {
  const out = { ...defaults };
  for (const key of Object.keys(defaults)) if (typeof typed?.[key] === 'string') out[key] = typed[key]!;
  return out;
}

function noticeOf(n: CardNotice | undefined) {
  return { notice: n?.text ?? '', noticeColor: TONE_COLOR[n?.tone ?? 'good'] };
}

/** Labels for responsible parties: the organisations and the networks. */
function responsibles(catalogue: Catalogue, locale: Locale) {
  // Retired organisations and networks are not offered as responsible for a new decision.
  return [...catalogue.organisations, ...catalogue.networks].filter(isActive).map((x) => ({
    id: x.id,
    label: text(x.label, locale),
  }));
}

function responsibleLabel(catalogue: Catalogue, locale: Locale, id: string | undefined): string {
  const hit = [...catalogue.organisations, ...catalogue.networks].find((x) => x.id === id);
  return hit ? text(hit.label, locale) : '–';
}

export interface ReviewCardOptions {
  /** Render for one member: shows their own stance (the refresh view). */
  readonly viewerId?: string;
  /** Teams user ids (29:…) of RUG members for per-user refresh (at most 60 are allowed). */
  readonly refreshUserIds?: readonly string[];
  readonly reminder?: boolean;
  readonly notice?: CardNotice;
  readonly values?: TypedValues;
}

/** The review card in the RUG channel: skallkrav, tally and the Godkänn/Avböj/Jäv actions. */
export function reviewCard(
  locale: Locale,
  catalogue: Catalogue,
  initiative: Initiative,
  stances: readonly Stance[],
  linkFor: LinkFor,
  opts: ReviewCardOptions = {},
): AdaptiveCardJson {
  const t = strings(locale);
  const tl = tally(stances);
  // A card in the channel is shown to everyone: it offers what the status opens; pressing asks who.
  const open = isOpen('approve', initiative.status);
  const mine = opts.viewerId ? stances.find((s) => s.memberId === opts.viewerId) : undefined;
  const userIds = (opts.refreshUserIds ?? []).slice(0, 60);
  return renderCard('review', {
    t,
    i: summary(initiative, catalogue, locale, linkFor),
    shown: shownVersion(initiative, 'review'),
    heading: opts.reminder ? t.reminderHeading : open ? t.reviewHeading : t.reviewDecidedHeading,
    initiator: initiative.initiator.name,
    background: clip(initiative.form.background, 600),
    skallkrav: skallkravRows(initiative, stances, catalogue, locale),
    tallyText: fill(t.tally, {
      approve: String(tl.approve),
      decline: String(tl.decline),
      jav: String(tl.jav),
    }),
    approvedBy: tl.approvedBy.length > 0 ? fill(t.approvedByList, { names: tl.approvedBy.join(', ') }) : '',
    myStance: mine ? fill(t.myStance, { stance: text(STANCE_LABELS[mine.stance], locale) }) : '',
    open,
    hasRefresh: open && userIds.length > 0,
    refreshUserIds: userIds,
    v: valuesOf({ comment: '' }, opts.values),
    ...noticeOf(opts.notice),
  });
}

/** The card in Beredningsgruppen's channel: preparer, completion question, proposal actions. */
export function preparationCard(
  locale: Locale,
  catalogue: Catalogue,
  initiative: Initiative,
  stances: readonly Stance[],
  linkFor: LinkFor,
  notice?: CardNotice,
  values?: TypedValues,
): AdaptiveCardJson {
  const t = strings(locale);
  const p = initiative.proposal;
  return renderCard('preparation', {
    t,
    l: valueLabels(locale),
    i: summary(initiative, catalogue, locale, linkFor),
    initiator: initiative.initiator.name,
    preparer: initiative.preparer?.name ?? t.nobodyYet,
    approvedBy: tally(stances).approvedBy.join(', ') || '–',
    question:
      initiative.status === 'awaiting_completion' ? clip(initiative.completionRequest ?? '', 600) : '',
    proposal: p ? proposalText(locale, catalogue, initiative) : '',
    canAssign: isOpen('assign_preparer', initiative.status) && !initiative.preparer,
    canPrepare: isOpen('propose', initiative.status),
    canReturn: isOpen('return_for_completion', initiative.status),
    canRevise: isOpen('revise_proposal', initiative.status),
    responsibles: responsibles(catalogue, locale),
    v: valuesOf({ question: '', recommendation: 'bifall', rationale: '', responsibleId: '' }, values),
    ...noticeOf(notice),
  });
}

function proposalText(locale: Locale, catalogue: Catalogue, initiative: Initiative): string {
  const t = strings(locale);
  const p = initiative.proposal;
  if (!p) return '';
  const rec = valueLabels(locale).outcome[p.recommendation];
  const base = fill(t.proposalText, { recommendation: rec, rationale: clip(p.rationale, 800) });
  return p.responsibleId
    ? `${base}\n\n${fill(t.proposalResponsible, { responsible: responsibleLabel(catalogue, locale, p.responsibleId) })}`
    : base;
}

function outcomeLabel(locale: Locale, outcome: Decision['outcome']): string {
  return valueLabels(locale).outcome[outcome];
}

/** The decision card in the RUG channel: the proposal, every decision (latest first) and the actions. */
export function decisionCard(
  locale: Locale,
  catalogue: Catalogue,
  initiative: Initiative,
  stances: readonly Stance[],
  linkFor: LinkFor,
  today: string,
  notice?: CardNotice,
  values?: TypedValues,
): AdaptiveCardJson {
  const t = strings(locale);
  const decided = initiative.status === 'approved' || initiative.status === 'rejected';
  const superseded = new Set(initiative.decisions.flatMap((d) => (d.supersedesId ? [d.supersedesId] : [])));
  const latest = initiative.decisions[initiative.decisions.length - 1];
  // The latest three decisions; older ones (and full texts) are in the tab.
  const decisions = [...initiative.decisions]
    .reverse()
    .slice(0, 3)
    .map((d, n) => ({
      title: fill(superseded.has(d.id) ? t.decisionSupersededTitle : t.decisionTitle, {
        date: d.meetingDate,
        outcome: outcomeLabel(locale, d.outcome),
      }),
      color: n === 0 ? (d.outcome === 'avslag' ? 'Attention' : 'Good') : 'Default',
      details: [
        fill(t.decisionDetails, {
          rationale: clip(d.rationale, 600),
          responsible: responsibleLabel(catalogue, locale, d.responsibleId),
          diarienummer: d.diarienummer ?? '–',
          by: d.decidedBy.name,
        }),
        d.supersedeReason ? fill(t.supersedeNote, { reason: clip(d.supersedeReason, 300) }) : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    }));
  const lastFollowUp = initiative.followUps[initiative.followUps.length - 1];
  const stateLabel = valueLabels(locale).state;
  return renderCard('decision', {
    t,
    l: valueLabels(locale),
    i: summary(initiative, catalogue, locale, linkFor),
    shown: shownVersion(initiative, 'decision'),
    heading: decided ? t.decidedHeading : t.decisionHeading,
    initiator: initiative.initiator.name,
    preparer: initiative.preparer?.name ?? '–',
    approvedBy: tally(stances).approvedBy.join(', ') || '–',
    proposal: proposalText(locale, catalogue, initiative) || '–',
    decisions,
    followUps: lastFollowUp
      ? fill(t.followUpsSummary, {
          count: String(initiative.followUps.length),
          date: lastFollowUp.at.slice(0, 10),
          state: stateLabel[lastFollowUp.state],
          text: clip(lastFollowUp.whatWasDone, 300),
        })
      : '',
    canDecide: isOpen('decide_approve', initiative.status),
    decideTitle: decided ? t.newDecision : t.decide,
    supersedes: decided,
    responsibles: responsibles(catalogue, locale),
    v: valuesOf(
      {
        outcome: latest?.outcome ?? initiative.proposal?.recommendation ?? 'bifall',
        meetingDate: today,
        rationale: '',
        diarienummer: '',
        responsibleId: latest?.responsibleId ?? initiative.proposal?.responsibleId ?? '',
        supersedeReason: '',
        state: 'on_track',
        whatWasDone: '',
        effects: '',
        final: 'false',
        shareAsStory: 'false',
      },
      values,
    ),
    canFollowUp: isOpen('add_follow_up', initiative.status),
    canClose: isOpen('close', initiative.status),
    ...noticeOf(notice),
  });
}

/** A plain channel message: registration confirmations, success stories, the weekly digest. */
export function channelNotice(
  locale: Locale,
  heading: string,
  lines: readonly string[],
  opts: { subheading?: string; link?: string } = {},
): AdaptiveCardJson {
  return renderCard('channel-notice', {
    t: strings(locale),
    heading,
    subheading: opts.subheading ?? '',
    lines: lines.map((l) => ({ text: l })),
    link: opts.link ?? '',
  });
}

/** The status label of an initiative, for digests. */
export function statusLabel(initiative: Initiative, locale: Locale): string {
  return text(STATUS_LABELS[initiative.status], locale);
}
