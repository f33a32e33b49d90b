/**
 * The lists behind RUG meetings (see docs/sharepoint-lists.md). Kept beside list-design.ts, which
 * merges them into LISTS, so provisioning and the resolver treat them like every other list.
 */
import type { ColumnDesign, ListDesign } from './list-design';

const MEETING_STATUSES = ['planned', 'held', 'justering', 'justered'] as const;

const text = (name: string, extra: Partial<ColumnDesign> = {}): ColumnDesign => ({
  name,
  kind: 'text',
  ...extra,
});
const key = (name: string): ColumnDesign => text(name, { indexed: true, unique: true });
const DATA: ColumnDesign = { name: 'Data', kind: 'note' };
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
} as const satisfies Record<'meetings' | 'paragraphs', ListDesign>;
