/**
 * The SharePoint lists behind the store: one declaration read by both the provisioner (which
 * creates them) and the adapter (which resolves them by display name and uses the column names).
 * docs/sharepoint-lists.md explains every choice; keep the two in step.
 */
import { STANCE_LABELS } from '../../domain/approval/approval';
import { allStatements, catalogue } from '../../domain/catalogue/catalogue';
import { STATUSES } from '../../domain/initiative/status';
import { MEETING_LISTS } from './meeting-list-design';
import { ASSIGNABLE_ROLES } from '../../domain/roles/role-assignment';

/** Bumped when lists or columns change; /healthz shows it and provisioning brings a site up to it. */
export const LIST_DESIGN_VERSION = '7';

export type ColumnKind = 'text' | 'note' | 'number' | 'choice' | 'multiChoice' | 'dateTime';

export interface ColumnDesign {
  /** Internal name: what Graph reads and writes, and what `$filter` names. */
  readonly name: string;
  readonly kind: ColumnKind;
  /** Indexed columns are the only ones a query may filter on past 5,000 items. */
  readonly indexed?: boolean;
  /** SharePoint refuses a second item with the same value (case-insensitively); implies indexed. */
  readonly unique?: boolean;
  readonly choices?: readonly string[];
  /**
   * Values outside `choices` are accepted ("fill-in" choices). The catalogue columns need it: an
   * admin adds a target group in the app, which runs with the site's `write` role and so cannot
   * change column definitions; the new id is stored as a fill-in value until provisioning next runs.
   */
  readonly allowTextEntry?: boolean;
}

export type ListKey =
  | 'initiatives'
  | 'stances'
  | 'audit'
  | 'counters'
  | 'conversations'
  | 'outbox'
  | 'meetings'
  | 'paragraphs'
  | 'documents'
  | 'roles'
  | 'configuration';

export interface ListDesign {
  readonly key: ListKey;
  readonly displayName: string;
  readonly description: string;
  /** A generic list unless said otherwise; a document library holds files (reached as a drive). */
  readonly template?: 'documentLibrary';
  readonly columns: readonly ColumnDesign[];
}

const text = (name: string, extra: Partial<ColumnDesign> = {}): ColumnDesign => ({
  name,
  kind: 'text',
  ...extra,
});
const key = (name: string): ColumnDesign => text(name, { indexed: true, unique: true });
/** A catalogue column: the seed catalogue's ids as choices, and whatever the live catalogue adds. */
const multi = (name: string, choices: readonly string[]): ColumnDesign => ({
  name,
  kind: 'multiChoice',
  choices,
  allowTextEntry: true,
});
/** Every list keeps its record as JSON here; the other columns are keys, indexes and views. */
const DATA: ColumnDesign = { name: 'Data', kind: 'note' };
/** A random token per write, so a retried write can tell its own earlier success from someone else's. */
const WRITE_TOKEN = text('WriteToken');

const ids = (entries: readonly { readonly id: string }[]): string[] => entries.map((e) => e.id);

export const LISTS: Readonly<Record<ListKey, ListDesign>> = {
  initiatives: {
    key: 'initiatives',
    displayName: 'OmtankeInitiativ',
    description: 'Omtanke Halland: initiativ (en post per initiativ)',
    columns: [
      key('InitiativeId'),
      key('ClientKey'),
      key('Ref'),
      { name: 'Status', kind: 'choice', indexed: true, choices: STATUSES },
      text('InitiatorId', { indexed: true }),
      { name: 'Year', kind: 'number', indexed: true },
      // 1 while the item holds records of a change not yet written out: the sweep's index.
      { name: 'Pending', kind: 'number', indexed: true },
      DATA,
      WRITE_TOKEN,
      multi('GoalWords', ids(catalogue.goalWords)),
      multi('Factors', ids(catalogue.factors)),
      multi('Statements', ids(allStatements(catalogue))),
      multi('TargetGroups', ids(catalogue.targetGroups)),
      multi('Organisations', ids(catalogue.organisations)),
      multi('Prerequisites', ids(catalogue.prerequisites)),
      multi('Agreements', ids(catalogue.agreements)),
    ],
  },
  stances: {
    key: 'stances',
    displayName: 'OmtankeStallningstaganden',
    description: 'Omtanke Halland: RUG-ledamöternas ställningstaganden (en per ledamot och initiativ)',
    columns: [
      key('StanceKey'),
      text('InitiativeId', { indexed: true }),
      text('MemberId'),
      { name: 'Stance', kind: 'choice', choices: Object.keys(STANCE_LABELS) },
      // 1 while the item holds records of its change not yet written out: the sweep's index.
      { name: 'Pending', kind: 'number', indexed: true },
      DATA,
      WRITE_TOKEN,
    ],
  },
  audit: {
    key: 'audit',
    displayName: 'OmtankeHandelselogg',
    description: 'Omtanke Halland: händelselogg (läggs bara till, ändras aldrig)',
    columns: [
      key('EventId'),
      text('InitiativeId', { indexed: true }),
      text('Kind'),
      { name: 'At', kind: 'dateTime' },
      DATA,
      WRITE_TOKEN,
    ],
  },
  counters: {
    key: 'counters',
    displayName: 'OmtankeLopnummer',
    description: 'Omtanke Halland: löpnummer för referenser (en post per år)',
    columns: [key('CounterKey'), { name: 'Value', kind: 'number' }, WRITE_TOKEN],
  },
  conversations: {
    key: 'conversations',
    displayName: 'OmtankeKonversationer',
    description: 'Omtanke Halland: var appen når användare och kanaler proaktivt',
    columns: [key('ConversationKey'), DATA, WRITE_TOKEN],
  },
  outbox: {
    key: 'outbox',
    displayName: 'OmtankeUtskick',
    description: 'Omtanke Halland: aviseringar som väntar på att skickas (kö)',
    columns: [
      key('NotificationId'),
      { name: 'State', kind: 'choice', indexed: true, choices: ['pending', 'sent', 'parked'] },
      { name: 'NextAttemptAt', kind: 'dateTime' },
      DATA,
      WRITE_TOKEN,
    ],
  },
  ...MEETING_LISTS,
  // List design 6: chair, secretary and admin roles granted in the app (ended ones stay as history).
  roles: {
    key: 'roles',
    displayName: 'OmtankeRoller',
    description: 'Omtanke Halland: ordförande, sekreterare och administratörer (tilldelade i appen)',
    columns: [
      key('AssignmentId'),
      { name: 'Role', kind: 'choice', choices: ASSIGNABLE_ROLES },
      text('HolderId'),
      text('From'),
      text('Until'),
      DATA,
      WRITE_TOKEN,
    ],
  },
  // List design 7: the catalogue and the process settings as revisions, and fill-in catalogue columns.
  configuration: {
    key: 'configuration',
    displayName: 'OmtankeKonfiguration',
    description: 'Omtanke Halland: katalog och processinställningar (en post per version)',
    columns: [
      key('ConfigKey'),
      { name: 'Kind', kind: 'choice', indexed: true, choices: ['catalogue', 'settings'] },
      { name: 'Revision', kind: 'number' },
      DATA,
    ],
  },
};

export const LIST_KEYS = Object.keys(LISTS) as ListKey[];

/** The choice columns of an initiative and the form field each one mirrors. */
export const INITIATIVE_CHOICE_FIELDS = {
  GoalWords: 'goalWordIds',
  Factors: 'factorIds',
  Statements: 'statementIds',
  TargetGroups: 'targetGroupIds',
  Organisations: 'organisationIds',
  Prerequisites: 'prerequisiteIds',
  Agreements: 'agreementIds',
} as const;
