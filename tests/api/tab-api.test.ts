/**
 * The tab's REST API on the real HTTP stack and the SQLite store in memory, seeded with realistic
 * data: list filters, sort and cursor paging, privacy of drafts, the initiative page, timeline,
 * figures, the annual compilation (JSON, XLSX, CSV) and the write actions the roles allow.
 */
import ExcelJS from 'exceljs';
import type {
  AnnualReport,
  InitiativeDetail,
  InitiativePage,
  Stats,
  TimelineEvent,
  Todo,
} from '../../src/contracts/tab-api';
import { startApiServer, type ApiServer } from '../tab/support/api-server';
import { seed, USERS, type Seeded } from '../tab/support/seed';

let api: ApiServer;
let seeded: Seeded;
beforeAll(async () => {
  api = await startApiServer();
  seeded = await seed(api.deps, { count: 120, history: true });
});
afterAll(() => api.close());

const list = async (query: string, who = USERS.per) => {
  const res = await api.get(`/api/initiatives?${query}`, who);
  expect(res.status).toBe(200);
  return res.body as InitiativePage;
};

async function all(query: string, who = USERS.per): Promise<InitiativePage['items']> {
  const items: InitiativePage['items'][number][] = [];
  let cursor: string | null = null;
  do {
    const page = await list(`${query}&limit=37${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, who);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('GET /api/initiatives', () => {
  it('pages through every sent initiative exactly once; drafts are never in the full list', async () => {
    const items = await all('sort=-updated');
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const stored = (await api.deps.store.initiatives.list({ by: 'all' }, { limit: 1000 })).items;
    expect(ids.length).toBe(stored.filter((i) => i.status !== 'draft').length);
    expect(items.some((i) => i.status === 'draft')).toBe(false);
    const updated = items.map((i) => i.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
  });

  it('shows a person their own drafts in "mine", and only their own initiatives', async () => {
    const draft = (await api.deps.store.initiatives.list({ by: 'status', value: 'draft' })).items[0]!;
    const mine = await all('scope=mine', draft.initiator);
    expect(mine.map((i) => i.id)).toContain(draft.id);
    const stored = (await api.deps.store.initiatives.list({ by: 'all' }, { limit: 1000 })).items;
    const own = stored.filter((i) => i.initiator.objectId === draft.initiator.objectId);
    expect(mine.map((i) => i.id).sort()).toEqual(own.map((i) => i.id).sort());
  });

  it('filters by status, organisation, target group, målbild word, year and free text together', async () => {
    const items = await all(
      'status=in_implementation&organisation=halmstad&targetGroup=hemsjukvard&year=2025',
    );
    const stored = (await api.deps.store.initiatives.list({ by: 'all' }, { limit: 1000 })).items;
    const expected = stored.filter(
      (i) =>
        i.status === 'in_implementation' &&
        i.form.organisationIds.includes('halmstad') &&
        i.form.targetGroupIds.includes('hemsjukvard') &&
        (i.submittedAt ?? '').startsWith('2025'),
    );
    expect(items.map((i) => i.id).sort()).toEqual(expected.map((i) => i.id).sort());
    const byWord = await all('malbild=trygg&q=hemg%C3%A5ng');
    expect(byWord.length).toBeGreaterThan(0);
    for (const i of byWord) expect(i.factorIds).toContain('trygg');
  });

  it('sorts by title in Swedish order and by reference', async () => {
    const titles = (await all('sort=title')).map((i) => i.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'sv')));
    const refs = (await all('sort=-ref')).map((i) => i.ref ?? '');
    expect(refs).toEqual([...refs].sort().reverse());
  });

  it('shows skallkrav 1–4 per row, 4 pending until a RUG member approves', async () => {
    const submitted = await all('status=submitted');
    expect(submitted.every((i) => i.skallkrav.join() === 'met,met,met,pending')).toBe(true);
    const prepared = await all('status=in_preparation');
    expect(prepared.every((i) => i.skallkrav[3] === 'met')).toBe(true);
  });

  it('refuses unknown filter values and a cursor from another query with a 400 problem', async () => {
    const bad = await api.get('/api/initiatives?status=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'QUERY.BAD_PARAMETER', status: 400 });
    const page = await list('sort=title&limit=5');
    const reused = await api.get(`/api/initiatives?sort=ref&limit=5&cursor=${page.nextCursor}`);
    expect(reused.status).toBe(400);
  });
});

describe('GET /api/initiatives/{ref}', () => {
  it('gives every field, skallkrav with who approved, and what the person may do', async () => {
    const ref = seeded.byStatus.proposal_ready!;
    const asChair = (await api.get(`/api/initiatives/${ref}`, USERS.karin)).body as InitiativeDetail;
    expect(asChair.initiative.ref).toBe(ref);
    expect(asChair.initiative).not.toHaveProperty('clientKey');
    expect(asChair.skallkrav.map((k) => k.met)).toEqual([true, true, true, true]);
    expect(asChair.skallkrav[3]!.approvedBy!.length).toBeGreaterThan(0);
    expect(asChair.allowedActions).toEqual(
      expect.arrayContaining(['decide_approve', 'decide_reject', 'decide_refer_back']),
    );
    const asMember = (await api.get(`/api/initiatives/${ref}`, USERS.per)).body as InitiativeDetail;
    expect(asMember.allowedActions.filter((a) => a.startsWith('decide_'))).toEqual([]);
  });

  it('answers 404 for an unknown reference and for someone else’s draft', async () => {
    expect((await api.get('/api/initiatives/OH-2020-9999')).status).toBe(404);
    const draft = (await api.deps.store.initiatives.list({ by: 'status', value: 'draft' })).items[0]!;
    expect((await api.get(`/api/initiatives/${draft.id}`, draft.initiator)).status).toBe(200);
    const other = draft.initiator.objectId === USERS.per.objectId ? USERS.maria : USERS.per;
    const hidden = await api.get(`/api/initiatives/${draft.id}`, other);
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('content-type')).toContain('application/problem+json');
  });

  it('gives the audit trail as a timeline, oldest first', async () => {
    const ref = seeded.byStatus.in_implementation!;
    const { items } = (await api.get(`/api/initiatives/${ref}/events`)).body as { items: TimelineEvent[] };
    expect(items.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['created', 'submitted', 'endorsed', 'decided', 'implementation_started']),
    );
    const times = items.map((e) => e.at);
    expect(times).toEqual([...times].sort());
    expect(items.find((e) => e.kind === 'endorsed')).toMatchObject({ statusAfter: 'in_preparation' });
  });
});

describe('figures and the annual compilation', () => {
  it('counts per status, target group, målbild, organisation and year, with median days per step', async () => {
    const stats = (await api.get('/api/stats')).body as Stats;
    const stored = (await api.deps.store.initiatives.list({ by: 'all' }, { limit: 1000 })).items.filter(
      (i) => i.status !== 'draft',
    );
    expect(stats.total).toBe(stored.length);
    expect(stats.byStatus.reduce((s, c) => s + c.count, 0)).toBe(stored.length);
    expect(stats.byOrganisation.find((c) => c.key === 'region-halland')!.count).toBe(stored.length);
    const hem = stored.filter((i) => i.form.targetGroupIds.includes('hemsjukvard')).length;
    expect(stats.byTargetGroup.find((c) => c.key === 'hemsjukvard')!.count).toBe(hem);
    const step = stats.medianDays.find((m) => m.step === 'submitted_to_decision')!;
    expect(step.n).toBeGreaterThan(0);
    expect(step.days).toBeGreaterThan(0);
    const y2025 = (await api.get('/api/stats?year=2025')).body as Stats;
    expect(y2025.byYear.map((c) => c.key)).toEqual(['2025']);
  });

  it('compiles the year’s decided initiatives; XLSX and CSV hold the same rows', async () => {
    const report = (await api.get('/api/reports/annual?year=2025')).body as AnnualReport;
    expect(report.rows.length).toBeGreaterThan(0);
    for (const r of report.rows) {
      expect(r.meetingDate.startsWith('2025')).toBe(true);
      expect(['approved', 'rejected', 'in_implementation', 'followed_up', 'closed']).toContain(r.status);
    }
    expect(report.rows.some((r) => r.latestFollowUp !== null)).toBe(true);

    const xlsx = await api.get('/api/reports/annual.xlsx?year=2025&locale=en');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('annual-compilation-2025.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Reference');
    expect(ws.rowCount).toBe(report.rows.length + 1);
    expect(ws.getRow(2).getCell(7).value).toMatch(/council|network|group|Region|Municipality/i);

    const csv = await api.get('/api/reports/annual.csv?year=2025');
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Referens;Rubrik;Status;Beslut;/);
    expect(lines.length).toBe(report.rows.length + 1);
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(report.rows.map((r) => r.ref));
  });

  it('lists what needs each person’s action', async () => {
    const chair = (await api.get('/api/todo', USERS.karin)).body as Todo;
    expect(chair.decisions.length).toBeGreaterThan(0);
    expect(chair.decisions.every((r) => r.status === 'proposal_ready')).toBe(true);
    const member = (await api.get('/api/todo', USERS.per)).body as Todo;
    expect(member.stances.every((r) => r.status === 'submitted')).toBe(true);
    expect(member.decisions).toEqual([]);
    const initiator = (await api.get('/api/todo', USERS.anna)).body as Todo;
    expect(initiator.completions.map((r) => r.status)).toEqual(
      initiator.completions.map(() => 'awaiting_completion'),
    );
  });
});

describe('write actions through the use cases', () => {
  const post = async (path: string, body: object, who = USERS.karin) => {
    const res = await fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token(who)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('lets the chair decide, refuses a member, and problems carry a message to show', async () => {
    const ref = (await all('status=proposal_ready')).find(
      (r) => r.ref !== seeded.byStatus.proposal_ready,
    )!.ref!;
    const input = {
      outcome: 'bifall',
      meetingDate: '2026-06-10',
      rationale: 'Bra.',
      responsibleId: 'indikatorgruppen',
    };
    const refused = await post(`/api/initiatives/${ref}/decision`, input, USERS.per);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'INITIATIVE.NOT_ALLOWED',
      userMessage: { sv: expect.any(String) },
    });
    const invalid = await post(`/api/initiatives/${ref}/decision`, { ...input, meetingDate: '10/6' });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ issues: [expect.objectContaining({ field: 'meetingDate' })] });
    const ok = await post(`/api/initiatives/${ref}/decision`, input);
    expect(ok.status).toBe(200);
    expect((ok.body as unknown as InitiativeDetail).initiative.status).toBe('approved');
    // The same decision again (a double click) changes nothing; a different one needs a reason.
    const again = await post(`/api/initiatives/${ref}/decision`, input);
    expect((again.body as unknown as InitiativeDetail).initiative.decisions).toHaveLength(1);
    const other = await post(`/api/initiatives/${ref}/decision`, { ...input, outcome: 'avslag' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ issues: [expect.objectContaining({ field: 'supersedeReason' })] });
    const started = await post(`/api/initiatives/${ref}/implementation`, {});
    expect((started.body as unknown as InitiativeDetail).initiative.status).toBe('in_implementation');
    const followUp = await post(`/api/initiatives/${ref}/follow-ups`, {
      state: 'on_track',
      whatWasDone: 'Första enheten i gång.',
      effects: '',
    });
    expect(followUp.status).toBe(200);
    expect((followUp.body as unknown as InitiativeDetail).initiative.followUps.at(-1)).toMatchObject({
      whatWasDone: 'Första enheten i gång.',
      by: { name: 'Karin Lund' },
    });
  });

  it('lets the preparation group take on, return and propose', async () => {
    const ref = (await all('status=in_preparation')).find((r) => r.ref)!.ref!;
    const took = await post(`/api/initiatives/${ref}/preparer`, {}, USERS.sara);
    expect((took.body as unknown as InitiativeDetail).initiative.preparer).toMatchObject({
      name: 'Sara Holm',
    });
    const proposed = await post(
      `/api/initiatives/${ref}/proposal`,
      { recommendation: 'bifall', rationale: 'Uppfyller skallkraven.' },
      USERS.sara,
    );
    expect((proposed.body as unknown as InitiativeDetail).initiative.status).toBe('proposal_ready');
    const bad = await post(`/api/initiatives/${ref}/proposal`, { recommendation: 'kanske' }, USERS.sara);
    expect(bad.status).toBe(422);
    const returned = await post(`/api/initiatives/${ref}/return`, { question: 'Vem bemannar?' }, USERS.sara);
    expect((returned.body as unknown as InitiativeDetail).initiative).toMatchObject({
      status: 'awaiting_completion',
      completionRequest: 'Vem bemannar?',
    });
  });
});
