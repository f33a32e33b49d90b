/**
 * /api/meetings on the real HTTP stack: role checks on the server, problem+json errors in both
 * languages, the meeting page, and the documents as downloads.
 */
import { assignPreparer, proposeDecision } from '../../src/app/use-cases/preparation';
import { setStance } from '../../src/app/use-cases/set-stance';
import { submitInitiative } from '../../src/app/use-cases/submit-initiative';
import type { MeetingList, MeetingPage } from '../../src/contracts/meeting-api';
import type { Person } from '../../src/domain/initiative/initiative.types';
import { validForm } from '../support/fixtures';
import { startApiServer, type ApiServer } from '../tab/support/api-server';
import { USERS } from '../tab/support/seed';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
  for (const u of Object.values(USERS)) api.deps.directory.names.set(u.objectId, u.name);
  for (const title of ['Trygg hemgång', 'Nutrition i hemmet']) {
    const { initiative } = await submitInitiative(api.deps, USERS.anna, {
      form: validForm({ title }),
      clientKey: `api-${title.length}-meeting`,
    });
    await setStance(api.deps, USERS.per, initiative.id, 'approve');
    await assignPreparer(api.deps, USERS.sara, initiative.id);
    await proposeDecision(api.deps, USERS.sara, initiative.id, {
      recommendation: 'bifall',
      rationale: 'Bra.',
    });
  }
});
afterAll(() => api.close());

async function call(method: string, path: string, who: Person | null, body?: unknown) {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      ...(who ? { authorization: `Bearer ${api.token(who)}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    type,
    body: (type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer())) as never,
  };
}

describe('/api/meetings', () => {
  let page: MeetingPage;

  it('refuses callers without a token and members without the secretary or chair role', async () => {
    expect((await call('GET', '/api/meetings', null)).status).toBe(401);
    const refused = await call('POST', '/api/meetings', USERS.per, {
      clientKey: 'api-meeting-0001',
      date: '2026-04-15',
      time: '09:00',
      place: 'Halmstad',
    });
    expect(refused).toMatchObject({
      status: 403,
      type: expect.stringContaining('application/problem+json'),
      body: { code: 'MEETING.NOT_ALLOWED', userMessage: { sv: expect.stringContaining('sekreterare') } },
    });
  });

  it('the secretary creates a meeting with the proposed agenda; bad input is a 422 with field issues', async () => {
    const bad = await call('POST', '/api/meetings', USERS.johan, {
      clientKey: 'api-meeting-0001',
      date: 'i morgon',
    });
    expect(bad).toMatchObject({
      status: 422,
      body: {
        issues: expect.arrayContaining([{ field: 'date', code: 'FIELD.DATE', message: expect.any(Object) }]),
      },
    });
    const created = await call('POST', '/api/meetings', USERS.johan, {
      clientKey: 'api-meeting-0001',
      date: '2026-04-15',
      time: '09:00',
      place: 'Regionens hus',
    });
    expect(created.status).toBe(201);
    page = created.body;
    expect(page.meeting.agenda.map((i) => i.title)).toEqual(['Trygg hemgång', 'Nutrition i hemmet']);
    expect(page.can).toEqual({ edit: true, decide: true, sign: false });
    expect(page.meeting).not.toHaveProperty('clientKey');
    const list = (await call('GET', '/api/meetings?year=2026', USERS.anna)).body as MeetingList;
    expect(list.items.map((m) => m.id)).toEqual([page.meeting.id]);
    const asAnna = (await call('GET', `/api/meetings/${page.meeting.id}`, USERS.anna)).body as MeetingPage;
    expect(asAnna.can).toEqual({ edit: false, decide: false, sign: false });
    expect(asAnna.roster).toEqual([]);
  });

  it('attendance, jäv and decisions go through the use cases with their checks', async () => {
    const id = page.meeting.id;
    const [first, second] = page.meeting.agenda;
    const attendance = await call('PUT', `/api/meetings/${id}/attendance`, USERS.johan, {
      presentIds: [USERS.karin, USERS.johan, USERS.per, USERS.maria].map((u) => u.objectId),
      chairId: USERS.karin.objectId,
      secretaryId: USERS.johan.objectId,
      adjusterId: USERS.maria.objectId,
    });
    expect(attendance.status).toBe(200);
    await call('POST', `/api/meetings/${id}/agenda/${second!.id}/jav`, USERS.karin, {});
    const jav = await call('POST', `/api/meetings/${id}/agenda/${second!.id}/decision`, USERS.karin, {
      outcome: 'bifall',
      rationale: 'Enligt förslaget.',
    });
    expect(jav).toMatchObject({ status: 403, body: { code: 'MEETING.JAV_NOT_ALLOWED' } });
    const wrongType = await call('POST', `/api/meetings/${id}/agenda/${first!.id}/decision`, USERS.karin, {
      outcome: 'ja',
      rationale: 'x',
    });
    expect(wrongType.status).toBe(422);
    // The secretary decides first the item the chair had jäv on: it gets § 1.
    const byJohan = await call('POST', `/api/meetings/${id}/agenda/${second!.id}/decision`, USERS.johan, {
      outcome: 'avslag',
      rationale: 'Ej prioriterat i år.',
    });
    expect(byJohan.status).toBe(200);
    const ok = await call('POST', `/api/meetings/${id}/agenda/${first!.id}/decision`, USERS.karin, {
      outcome: 'bifall',
      rationale: 'Enligt förslaget.',
    });
    expect(ok.status).toBe(200);
    const after = ok.body as MeetingPage;
    expect(after.meeting.agenda.map((i) => i.decision?.paragraph)).toEqual([2, 1]);
    expect(after.minutes.paragraphs.map((p) => [p.number, p.jav])).toEqual([
      [1, ['Karin Lund anmäler jäv och deltar inte i beslutet.']],
      [2, []],
    ]);
  });

  it('shows a reader who keeps no minutes the people by name only, and no signer comments', async () => {
    const id = page.meeting.id;
    const asReader = await call('GET', `/api/meetings/${id}`, USERS.anna);
    expect(asReader.status).toBe(200);
    const text = JSON.stringify(asReader.body);
    for (const u of [USERS.karin, USERS.johan, USERS.per, USERS.maria])
      expect(text).not.toContain(u.objectId);
    expect(text).toContain('Karin Lund');
    expect((asReader.body as MeetingPage).meeting.comments).toEqual([]);
    // The secretary, who keeps the attendance, still gets the ids the form needs.
    const asSecretary = await call('GET', `/api/meetings/${id}`, USERS.johan);
    expect(JSON.stringify(asSecretary.body)).toContain(USERS.karin.objectId);
  });

  it('serves the minutes as PDF and DOCX and each extract; an unknown § is a 404 problem', async () => {
    const id = page.meeting.id;
    const pdf = await call('GET', `/api/meetings/${id}/minutes.pdf`, USERS.anna);
    expect(pdf.type).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await call('GET', `/api/meetings/${id}/minutes.docx`, USERS.anna);
    expect(docx.type).toContain('wordprocessingml');
    expect((docx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    expect((await call('GET', `/api/meetings/${id}/paragraphs/1/extract.pdf`, USERS.anna)).status).toBe(200);
    expect(await call('GET', `/api/meetings/${id}/paragraphs/9/extract.pdf`, USERS.anna)).toMatchObject({
      status: 404,
      body: { code: 'MEETING.ITEM_NOT_FOUND' },
    });
  });

  it('justering: only the signers approve; afterwards nothing can change (409)', async () => {
    const id = page.meeting.id;
    expect((await call('POST', `/api/meetings/${id}/justering`, USERS.johan)).status).toBe(200);
    expect(await call('POST', `/api/meetings/${id}/approval`, USERS.per)).toMatchObject({
      status: 403,
      body: { code: 'MEETING.SIGNER_NOT_ALLOWED' },
    });
    const signerView = (await call('GET', `/api/meetings/${id}`, USERS.karin)).body as MeetingPage;
    expect(signerView.can.sign).toBe(true);
    await call('POST', `/api/meetings/${id}/approval`, USERS.karin);
    const done = (await call('POST', `/api/meetings/${id}/approval`, USERS.maria)).body as MeetingPage;
    expect(done.meeting.status).toBe('justered');
    expect(done.minutes.paragraphs.every((p) => p.justerad)).toBe(true);
    const late = await call(
      'DELETE',
      `/api/meetings/${id}/agenda/${page.meeting.agenda[0]!.id}`,
      USERS.johan,
    );
    expect(late).toMatchObject({
      status: 409,
      body: { code: 'MEETING.LOCKED', userMessage: { en: expect.any(String) } },
    });
  });

  it('the annual compilation lists the decisions by meeting and paragraph', async () => {
    const report = (await call('GET', '/api/reports/annual?year=2026&order=meeting', USERS.sara)).body as {
      rows: { title: string; meetingDate: string; paragraph: number | null }[];
    };
    expect(report.rows.map((r) => [r.meetingDate, r.paragraph, r.title])).toEqual([
      ['2026-04-15', 1, 'Nutrition i hemmet'],
      ['2026-04-15', 2, 'Trygg hemgång'],
    ]);
    // By reference (the default) Trygg hemgång, sent first, comes first.
    const byRef = (await call('GET', '/api/reports/annual?year=2026', USERS.sara)).body as {
      rows: { title: string }[];
    };
    expect(byRef.rows.map((r) => r.title)).toEqual(['Trygg hemgång', 'Nutrition i hemmet']);
    const csv = await fetch(`${api.url}/api/reports/annual.csv?year=2026&order=meeting`, {
      headers: { authorization: `Bearer ${api.token(USERS.sara)}` },
    }).then((r) => r.text());
    expect(csv).toContain('2026-04-15 § 1');
    expect(csv.indexOf('2026-04-15 § 1')).toBeLessThan(csv.indexOf('2026-04-15 § 2'));
  });
});
