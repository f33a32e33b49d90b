import { randomUUID } from 'node:crypto';
import type { MeetingRepository } from '../../app/ports/meeting-repository.port';
import { ConflictError, NotFoundError } from '../../app/ports/store.errors';
import type { Meeting, NewMeeting } from '../../domain/meeting/meeting.types';
import { hasRecords } from '../../domain/records/pending';
import type { Fields, GraphList, ListItem } from './graph-list';
import { isDuplicate, isStale, mapGraph } from './http/graph-errors';
import { decodeVersion, encodeVersion } from './list-paging';

export const MEETING_READ = ['Data', 'WriteToken'] as const;

const toMeeting = (item: ListItem): Meeting => {
  const data = JSON.parse(String(item.fields.Data)) as NewMeeting;
  return { ...data, version: encodeVersion(item, data.id) };
};

function fields(m: NewMeeting | Meeting, writeToken: string): Fields {
  const { version: _version, ...data } = m as Meeting;
  return {
    Title: `RUG ${m.date}`,
    MeetingId: m.id,
    ClientKey: m.clientKey,
    Year: m.year,
    MeetingDate: m.date,
    Status: m.status,
    Pending: hasRecords(m.pendingRecords) ? 1 : 0,
    Data: JSON.stringify(data),
    WriteToken: writeToken,
  };
}

/** Meetings as list items, one per meeting: the eTag guards every change to agenda and minutes. */
export class SharePointMeetings implements MeetingRepository {
  constructor(private readonly sp: GraphList) {}

  create(m: NewMeeting): Promise<{ meeting: Meeting; created: boolean }> {
    return mapGraph('create meeting', async () => {
      const token = randomUUID();
      try {
        const item = await this.sp.create(fields(m, token), 'meetings.create', m.clientKey);
        return { meeting: { ...m, version: encodeVersion(item, m.id) }, created: true };
      } catch (err) {
        if (!isDuplicate(err)) throw err;
        const existing = await this.byColumn('ClientKey', m.clientKey, (x) => x.clientKey === m.clientKey);
        if (!existing) throw new ConflictError('create meeting: id already taken', 'duplicate');
        return { meeting: toMeeting(existing), created: existing.fields.WriteToken === token };
      }
    });
  }

  get(id: string): Promise<Meeting | null> {
    return mapGraph('read meeting', async () => {
      const item = await this.byColumn('MeetingId', id, (x) => x.id === id);
      return item ? toMeeting(item) : null;
    });
  }

  update(m: Meeting): Promise<Meeting> {
    return mapGraph('update meeting', async () => {
      const at = decodeVersion(m.version, m.id);
      if (!at) {
        const exists = await this.byColumn('MeetingId', m.id, (x) => x.id === m.id);
        if (!exists) throw new NotFoundError(`meeting ${m.id} not found`);
        throw new ConflictError(`meeting ${m.id} was changed by someone else`, 'stale');
      }
      const token = randomUUID();
      try {
        const eTag = await this.sp.update(at.itemId, at.eTag, fields(m, token), 'meetings.update');
        return { ...m, version: encodeVersion({ itemId: at.itemId, eTag }, m.id) };
      } catch (err) {
        if (!isStale(err)) throw err;
        const now = await this.sp.read(at.itemId, 'meetings.update');
        if (now?.fields.WriteToken === token) return { ...m, version: encodeVersion(now, m.id) };
        throw err;
      }
    });
  }

  listYear(year: number): Promise<Meeting[]> {
    return mapGraph('list meetings', async () => {
      const items = await this.sp.findAll({ column: 'Year', value: year }, 'meetings.list', () => true);
      return items
        .map(toMeeting)
        .filter((m) => m.year === year)
        .sort((a, b) =>
          a.date === b.date ? a.createdAt.localeCompare(b.createdAt) : a.date.localeCompare(b.date),
        );
    });
  }

  listPending(): Promise<Meeting[]> {
    return mapGraph('list meetings', async () => {
      const items = await this.sp.findAll({ column: 'Pending', value: 1 }, 'meetings.pending', () => true);
      return items.map(toMeeting).filter((m) => hasRecords(m.pendingRecords));
    });
  }

  private byColumn(column: string, value: string, exact: (m: NewMeeting) => boolean) {
    return this.sp.findOne({ column, value }, 'meetings.read', (item) =>
      exact(JSON.parse(String(item.fields.Data)) as NewMeeting),
    );
  }
}
