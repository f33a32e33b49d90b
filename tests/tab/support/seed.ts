/**
 * Realistic seed data for the tab's API and end-to-end tests: initiatives over three years across
 * the whole process (stances, preparation, proposals, decisions, follow-ups) with an audit trail,
 * written through the store ports. Deterministic: the same seed gives the same data.
 */
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../../src/app/deps';
import type { NewInitiative } from '../../../src/app/ports/initiative-repository.port';
import type { AuditKind } from '../../../src/domain/audit/audit-event';
import { formatReference } from '../../../src/domain/initiative/reference';
import type { Decision, FollowUp, Person } from '../../../src/domain/initiative/initiative.types';
import { STATUSES, type Status } from '../../../src/domain/initiative/status';
import { newInitiative, validForm } from '../../support/fixtures';

const TENANT = '11111111-1111-1111-1111-111111111111';
const p = (n: number, name: string, email: string): Person => ({
  objectId: `a1a1a1a1-0000-4000-8000-00000000000${n}`,
  tenantId: TENANT,
  name,
  email,
});
/** The Agents Playground's mock users (.m365agentsplayground.yml), roles as in dev-roles.json. */
export const USERS = {
  anna: p(1, 'Anna Andersson', 'anna.andersson@varberg.se'),
  karin: p(2, 'Karin Lund', 'karin.lund@regionhalland.se'),
  per: p(3, 'Per Nilsson', 'per.nilsson@kungsbacka.se'),
  maria: p(4, 'Maria Ek', 'maria.ek@halmstad.se'),
  sara: p(5, 'Sara Holm', 'sara.holm@regionhalland.se'),
  johan: p(6, 'Johan Berg', 'johan.berg@regionhalland.se'),
};

const OTHERS = [
  'Lena Persson',
  'Ahmed Hassan',
  'Eva Sjöberg',
  'Mikael Ström',
  'Fatima Ali',
  'Oskar Lind',
].map((name, n) => ({
  objectId: `b2b2b2b2-0000-4000-8000-${String(n + 1).padStart(12, '0')}`,
  tenantId: TENANT,
  name,
  email: `${name.split(' ')[0]!.toLowerCase()}@example.se`,
}));

const TOPICS = [
  [
    'Trygg hemgång efter sjukhusvistelse',
    'Äldre som skrivs ut upplever att planeringen brister mellan region och kommun.',
  ],
  [
    'Gemensam mottagning för unga med beroende',
    'Unga vuxna faller mellan stolarna när missbruk och psykisk ohälsa sammanfaller.',
  ],
  [
    'Digitala vårdplaneringar i hemmet',
    'Resor till vårdplanering tar tid från både personal och den enskilde.',
  ],
  ['Elevhälsa och BUP i samverkan', 'Barn med psykisk ohälsa väntar länge och skickas mellan verksamheter.'],
  [
    'Mobilt team för personer med psykisk funktionsnedsättning',
    'Individer med SPU har svårt att nå vården på mottagningstid.',
  ],
  ['Hälsosamtal för personer med kronisk sjukdom', 'Förebyggande insatser når inte dem med störst behov.'],
  ['Läkemedelsgenomgångar i hemsjukvården', 'Felmedicinering leder till onödiga inläggningar.'],
  [
    'Suicidprevention i primärvård och socialtjänst',
    'Signaler fångas inte upp när kontakterna är splittrade.',
  ],
  ['Nutritionsstöd för äldre i ordinärt boende', 'Undernäring upptäcks sent hos äldre med hemtjänst.'],
  [
    'Gemensam kompetensutveckling i palliativ vård',
    'Personal saknar gemensamma arbetssätt i livets slutskede.',
  ],
  ['Anhörigstöd via digitala träffar', 'Närstående orkar inte när stödet bara finns dagtid.'],
  ['Hjälpmedel utan väntetid', 'Hjälpmedel dröjer efter utskrivning och hemgång blir otrygg.'],
];
const MUNICIPALITIES = ['kungsbacka', 'varberg', 'falkenberg', 'halmstad', 'laholm', 'hylte'];
const GROUPS = [
  'hemsjukvard',
  'unga-vuxna-beroende',
  'barn-unga-psykisk-halsa',
  'psykisk-funktionsnedsattning',
  'okad-risk-ohalsa',
];
const GOALS = ['personcentrerad', 'sammanhallen', 'nara'];
const FACTORS = ['halsoframjande', 'gemensam', 'enkel', 'trygg'];
const STATEMENTS = [
  'trygg.organisation.1',
  'gemensam.medarbetare.2',
  'enkel.individ',
  'halsoframjande.organisation.3',
];
/** Where statuses land, roughly as a process some years in would look. */
const STATUS_MIX: readonly Status[] = [
  'submitted',
  'submitted',
  'in_preparation',
  'in_preparation',
  'awaiting_completion',
  'proposal_ready',
  'approved',
  'in_implementation',
  'in_implementation',
  'in_implementation',
  'followed_up',
  'closed',
  'rejected',
  'withdrawn',
  'draft',
];

/** A small deterministic PRNG so seeded data is the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const some = <T>(xs: readonly T[], max: number): T[] => {
    const n = 1 + Math.floor(next() * max);
    return [...new Set(Array.from({ length: n }, () => pick(xs)))];
  };
  return { next, pick, some };
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();

export interface SeedOptions {
  readonly count: number;
  readonly seed?: number;
  /** Write stances and the audit trail too (slower; skip for volume tests). */
  readonly history?: boolean;
  /** Latest date anything happened. */
  readonly until?: Date;
}

export interface Seeded {
  readonly ids: string[];
  /** Reference of one initiative per status, for tests that need a particular state. */
  readonly byStatus: Partial<Record<Status, string>>;
}

/** Writes `count` initiatives through the store ports; returns their ids. */
export async function seed(deps: AppDeps, opts: SeedOptions): Promise<Seeded> {
  const r = rng(opts.seed ?? 7);
  const until = (opts.until ?? new Date('2026-06-15T12:00:00Z')).getTime();
  const counters = new Map<number, number>();
  const byStatus: Partial<Record<Status, string>> = {};
  const ids: string[] = [];
  const initiators = [USERS.anna, USERS.per, USERS.maria, ...OTHERS];
  const rug = [USERS.karin, USERS.per, USERS.maria, USERS.johan];
  for (let n = 0; n < opts.count; n++) {
    // The first few are Anna's, one in each interesting state, so e2e tests can rely on them.
    const status = n < STATUS_MIX.length ? STATUS_MIX[n]! : r.pick(STATUS_MIX);
    const initiator = n < 6 ? USERS.anna : r.pick(initiators);
    const created = until - Math.floor(r.next() * 900) * DAY - 40 * DAY;
    const submitted = status === 'draft' ? null : created + Math.floor(r.next() * 5) * DAY;
    const year = new Date(submitted ?? created).getUTCFullYear();
    const refNo = (counters.get(year) ?? 0) + 1;
    if (submitted !== null) counters.set(year, refNo);
    const [title, background] = r.pick(TOPICS);
    const munis = r.some(MUNICIPALITIES, 3);
    const form = validForm({
      title: `${title!}${n >= TOPICS.length ? ` (${munis.map((m) => m[0]!.toUpperCase() + m.slice(1)).join(', ')})` : ''}`,
      background: background!,
      organisationIds: ['region-halland', ...munis],
      targetGroupIds: r.some(GROUPS, 2),
      goalWordIds: r.some(GOALS, 2),
      factorIds: r.some(FACTORS, 2),
      statementIds: r.next() < 0.3 ? [r.pick(STATEMENTS)] : [],
      contactName: initiator.name,
      contactEmail: initiator.email ?? '',
    });
    const reached = (s: Status) =>
      STATUS_ORDER.indexOf(status) >= STATUS_ORDER.indexOf(s) && !['withdrawn', 'draft'].includes(status);
    const endorsedAt = submitted === null ? null : submitted + (2 + Math.floor(r.next() * 10)) * DAY;
    const preparer = r.next() < 0.5 ? USERS.sara : null;
    const proposedAt = endorsedAt === null ? null : endorsedAt + (10 + Math.floor(r.next() * 40)) * DAY;
    const decidedAt = proposedAt === null ? null : proposedAt + (5 + Math.floor(r.next() * 25)) * DAY;
    const outcome: Decision['outcome'] = status === 'rejected' ? 'avslag' : 'bifall';
    const decided = ['approved', 'rejected', 'in_implementation', 'followed_up', 'closed'].includes(status);
    const decisions: Decision[] =
      decided && decidedAt !== null
        ? [
            {
              id: randomUUID(),
              outcome,
              meetingDate: iso(decidedAt).slice(0, 10),
              rationale:
                outcome === 'bifall'
                  ? 'Initiativet uppfyller skallkraven och bidrar till målbilden.'
                  : 'Ryms inte inom uppdraget i år.',
              diarienummer: `RUG ${new Date(decidedAt).getUTCFullYear()}/${String(refNo).padStart(3, '0')}`,
              responsibleId: r.pick([
                'indikatorgruppen',
                'hjalpmedelsradet',
                'nutritionsnatverket',
                'genomforandegrupp-samverkansrutinen',
              ]),
              decidedBy: USERS.karin,
              decidedAt: iso(decidedAt),
            },
          ]
        : [];
    const followUps: FollowUp[] =
      ['in_implementation', 'followed_up', 'closed'].includes(status) && decidedAt !== null
        ? [
            {
              id: randomUUID(),
              final: status !== 'in_implementation',
              state: status === 'in_implementation' ? r.pick(['on_track', 'delayed'] as const) : 'done',
              whatWasDone: 'Arbetssättet är infört i två verksamheter.',
              effects: 'Färre återinläggningar och nöjdare brukare.',
              malbildIds: form.goalWordIds,
              sharedAsStory: false,
              by: USERS.sara,
              at: iso(Math.min(until, decidedAt + 120 * DAY)),
            },
          ]
        : [];
    const last = Math.min(
      until,
      Math.max(
        created,
        submitted ?? 0,
        reached('proposal_ready') ? proposedAt! : 0,
        decided ? decidedAt! : 0,
      ),
    );
    const initiative: NewInitiative = newInitiative({
      ref: submitted === null ? null : formatReference(year, refNo),
      status,
      form,
      initiator,
      catalogueVersion: deps.catalogue.version,
      createdAt: iso(created),
      updatedAt: iso(last),
      submittedAt: submitted === null ? null : iso(submitted),
      decidedAt: decided ? iso(decidedAt!) : null,
      preparer: reached('in_preparation') ? preparer : null,
      proposal:
        reached('proposal_ready') && proposedAt !== null
          ? {
              recommendation: outcome === 'avslag' ? 'avslag' : 'bifall',
              rationale: 'Beredningsgruppen föreslår bifall.',
              proposedBy: USERS.sara,
              proposedAt: iso(proposedAt),
            }
          : null,
      decisions,
      completionRequest: status === 'awaiting_completion' ? 'Beskriv hur kommunerna bemannar arbetet.' : null,
      followUps,
    });
    const { initiative: stored } = await deps.store.initiatives.create(initiative);
    ids.push(stored.id);
    if (stored.ref) byStatus[status] ??= stored.ref;
    if (!opts.history) continue;
    const events: [AuditKind, Person, number, Record<string, unknown>?, Record<string, unknown>?][] = [
      ['created', initiator, created],
    ];
    if (submitted !== null)
      events.push(['submitted', initiator, submitted, { status: 'draft' }, { status: 'submitted' }]);
    if (reached('in_preparation') && endorsedAt !== null) {
      const approver = r.pick(rug);
      await deps.store.stances.put(
        {
          initiativeId: stored.id,
          memberId: approver.objectId,
          memberName: approver.name,
          stance: 'approve',
          comment: '',
          at: iso(endorsedAt),
        },
        null,
      );
      events.push(['stance_set', approver, endorsedAt, undefined, { stance: 'approve' }]);
      events.push(['endorsed', approver, endorsedAt, { status: 'submitted' }, { status: 'in_preparation' }]);
      if (preparer) events.push(['preparer_assigned', USERS.sara, endorsedAt + DAY]);
    }
    if (reached('proposal_ready') && proposedAt !== null)
      events.push([
        'proposed',
        USERS.sara,
        proposedAt,
        { status: 'in_preparation' },
        { status: 'proposal_ready' },
      ]);
    if (decided && decidedAt !== null)
      events.push([
        'decided',
        USERS.karin,
        decidedAt,
        { status: 'proposal_ready' },
        { status: outcome === 'bifall' ? 'approved' : 'rejected' },
      ]);
    if (followUps[0])
      events.push([
        'implementation_started',
        USERS.sara,
        decidedAt! + DAY,
        { status: 'approved' },
        { status: 'in_implementation' },
      ]);
    if (followUps[0]) events.push(['follow_up_added', USERS.sara, Date.parse(followUps[0].at)]);
    if (status === 'withdrawn')
      events.push(['withdrawn', initiator, last, { status: 'submitted' }, { status: 'withdrawn' }]);
    for (const [kind, who, at, before, after] of events) {
      await deps.store.audit.append({
        id: randomUUID(),
        initiativeId: stored.id,
        kind,
        at: iso(at),
        actor: { objectId: who.objectId, name: who.name },
        ...(before ? { before } : {}),
        ...(after ? { after } : {}),
      });
    }
  }
  return { ids, byStatus };
}

// The main line of the process in order (withdrawn is a way out, not a step).
const STATUS_ORDER: readonly Status[] = STATUSES.filter((status) => status !== 'withdrawn');
