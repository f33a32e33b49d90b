/**
 * The lists behind RUG meetings (see docs/sharepoint-lists.md). Kept beside list-design.ts, which
 * merges them into LISTS (and type-checks them there), so provisioning and the resolver treat them
 * like every other list. No import back from list-design.ts, so the two files form no cycle.
 */

const MEETING_STATUSES = ['planned', 'held', 'justering', 'justered'] as const;

const text = (name: string, extra: { indexed?: boolean; unique?: boolean } = {}) => ({
  name,
  kind: 'text' as const,
  ...extra,
});
const key = (name: string) => text(name, { indexed: true, unique: true });
const DATA = { name: 'Data', kind: 'note' as const };
const WRITE_TOKEN = text('WriteToken');

export const MEETING_LISTS = {
  meetings: {
    key: 'meetings',
    displayName: 'OmtankeMoten',
    description: 'Omtanke Halland: RUG:s möten med föredragningslista, närvaro och justering',
    columns: [
      key('MeetingId'),
      key('ClientKey'),
      { name: 'Year', kind: 'number', indexed: true },
      text('MeetingDate'),
      { name: 'Status', kind: 'choice', choices: MEETING_STATUSES },
      // 1 while the meeting holds notifications not yet written out: the sweep's index.
      { name: 'Pending', kind: 'number', indexed: true },
      DATA,
      WRITE_TOKEN,
    ],
  },
  paragraphs: {
    key: 'paragraphs',
    displayName: 'OmtankeParagrafer',
    description: 'Omtanke Halland: protokollets paragrafnummer per år (ett nummer per ärende, utan luckor)',
    columns: [
      key('ParagraphKey'),
      key('ItemKey'),
      { name: 'Year', kind: 'number', indexed: true },
      { name: 'Number', kind: 'number' },
      WRITE_TOKEN,
    ],
  },
  documents: {
    key: 'documents',
    displayName: 'OmtankeProtokoll',
    description: 'Omtanke Halland: justerade protokoll och protokollsutdrag från RUG (arkiverade kopior)',
    template: 'documentLibrary',
    columns: [],
  },
} as const;
