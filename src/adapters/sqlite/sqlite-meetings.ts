import type { DatabaseSync } from 'node:sqlite';
import type {
  ClaimedParagraph,
  MeetingRepository,
  ParagraphRegister,
} from '../../app/ports/meeting-repository.port';
import { ConflictError, NotFoundError } from '../../app/ports/store.errors';
import type { Meeting, NewMeeting } from '../../domain/meeting/meeting.types';
import { hasRecords } from '../../domain/records/pending';
import { mapSqlite } from './sqlite-errors';

interface Row {
  data: string;
  version: number;
}

const toMeeting = (row: Row): Meeting => ({
  ...(JSON.parse(row.data) as NewMeeting),
  version: String(row.version),
});

const pendingOf = (m: NewMeeting): number => (hasRecords(m.pendingRecords) ? 1 : 0);

function serialise(m: NewMeeting | Meeting): string {
  const { version: _version, ...rest } = m as Meeting;
  return JSON.stringify(rest);
}

/** Meetings in one table; `year` mirrors the SharePoint list's indexed column. */
export class SqliteMeetings implements MeetingRepository {
  constructor(private readonly db: DatabaseSync) {}

  async create(m: NewMeeting): Promise<{ meeting: Meeting; created: boolean }> {
    const existing = this.byClientKey(m.clientKey);
    if (existing) return { meeting: existing, created: false };
    try {
      mapSqlite('create meeting', () =>
        this.db
          .prepare(
            'INSERT INTO meetings (id, client_key, year, date, pending, data, version) VALUES (?, ?, ?, ?, ?, ?, 1)',
          )
          .run(m.id, m.clientKey, m.year, m.date, pendingOf(m), serialise(m)),
      );
    } catch (err) {
      const winner = err instanceof ConflictError ? this.byClientKey(m.clientKey) : null;
      if (winner) return { meeting: winner, created: false };
      throw err;
    }
    return { meeting: { ...m, version: '1' }, created: true };
  }

  async get(id: string): Promise<Meeting | null> {
    const row = this.db.prepare('SELECT data, version FROM meetings WHERE id = ?').get(id) as Row | undefined;
    return row ? toMeeting(row) : null;
  }

  async update(m: Meeting): Promise<Meeting> {
    const expected = Number(m.version);
    const result = mapSqlite('update meeting', () =>
      this.db
        .prepare(
          'UPDATE meetings SET year = ?, date = ?, pending = ?, data = ?, version = version + 1 WHERE id = ? AND version = ?',
        )
        .run(m.year, m.date, pendingOf(m), serialise(m), m.id, expected),
    );
    if (Number(result.changes) === 1) return { ...m, version: String(expected + 1) };
    const exists = this.db.prepare('SELECT 1 AS x FROM meetings WHERE id = ?').get(m.id);
    if (!exists) throw new NotFoundError(`meeting ${m.id} not found`);
    throw new ConflictError(`meeting ${m.id} was changed by someone else`, 'stale');
  }

  async listYear(year: number): Promise<Meeting[]> {
    const rows = this.db
      .prepare('SELECT data, version FROM meetings WHERE year = ? ORDER BY date, rowid')
      .all(year) as unknown as Row[];
    return rows.map(toMeeting);
  }

  async listPending(): Promise<Meeting[]> {
    const rows = this.db
      .prepare('SELECT data, version FROM meetings WHERE pending = 1 ORDER BY rowid LIMIT 200')
      .all() as unknown as Row[];
    return rows.map(toMeeting);
  }

  private byClientKey(key: string): Meeting | null {
    const row = this.db.prepare('SELECT data, version FROM meetings WHERE client_key = ?').get(key) as
      Row | undefined;
    return row ? toMeeting(row) : null;
  }
}

/**
 * One statement takes the next number of the year, or nothing when the key already holds one; the
 * primary key (year, number) refuses a second holder, so even two processes on one file stay gapless.
 */
export class SqliteParagraphs implements ParagraphRegister {
  constructor(private readonly db: DatabaseSync) {}

  async claim(year: number, key: string): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const held = this.numberOf(key);
      if (held !== null) return held;
      try {
        mapSqlite('claim paragraph', () =>
          this.db
            .prepare(
              `INSERT INTO paragraphs (year, number, key)
               SELECT ?, COALESCE(MAX(number), 0) + 1, ? FROM paragraphs WHERE year = ?`,
            )
            .run(year, key, year),
        );
      } catch (err) {
        // Another process took that number (or this key) first: look again.
        if (!(err instanceof ConflictError) || attempt >= 20) throw err;
      }
    }
  }

  async listYear(year: number): Promise<ClaimedParagraph[]> {
    return this.db
      .prepare('SELECT year, number, key FROM paragraphs WHERE year = ? ORDER BY number')
      .all(year)
      .map((r) => ({ year: Number(r.year), number: Number(r.number), key: String(r.key) }));
  }

  private numberOf(key: string): number | null {
    const row = this.db.prepare('SELECT number FROM paragraphs WHERE key = ?').get(key) as
      { number: number } | undefined;
    return row ? Number(row.number) : null;
  }
}
