/**
 * The tab end to end, as people use it, in headless Chromium against the real app in local mode
 * seeded with realistic data: find and open an initiative, follow a bot link, record a RUG decision
 * (the initiator's chat gets the notification) and download the annual compilation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { AnnualReport } from '../../src/contracts/tab-api';
import { ARTIFACTS } from '../support/playground';
import { installActivity } from '../support/teams-activities';
import { seed, USERS, type Seeded } from '../tab/support/seed';
import { startTabApp, type TabApp } from '../tab/support/tab-app';

jest.setTimeout(240_000);

let tab: TabApp;
let seeded: Seeded;
beforeAll(async () => {
  tab = await startTabApp();
  seeded = await seed(tab.app.deps, { count: 80, history: true });
});
afterAll(() => tab?.close());

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `tab-e2e-${name}.png`), fullPage: true });

/** Rows of the list's grid: title link texts and status badges. */
async function rows(page: Page): Promise<{ title: string; status: string }[]> {
  await page.locator('[role="grid"] [role="row"]').nth(1).waitFor();
  return page
    .locator('[role="grid"] [role="rowgroup"]')
    .last()
    .locator('[role="row"]')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        title: tr.querySelector('a')?.textContent ?? '',
        status: tr.querySelector('.fui-Badge')?.textContent ?? '',
      })),
    );
}

it('lists, filters, opens an initiative and shows its timeline', async () => {
  const { page } = await tab.signIn('Per Nilsson');
  await page.getByRole('heading', { level: 1, name: 'Alla initiativ' }).waitFor();
  await expectText(page.getByRole('status').filter({ hasText: 'initiativ' }), /1–50 av \d+ initiativ/);
  expect((await rows(page)).length).toBe(50);
  await shot(page, '1-list');

  // Free text first (applied after a pause in typing), then the status of the first hit.
  const term = 'Suicidprevention';
  await page.getByRole('searchbox').fill(term);
  const found = await until(page, (r) => r.length > 0 && r.every((x) => x.title.includes(term)));
  const status = found[0]!.status;
  await page.getByLabel('Status', { exact: true }).selectOption({ label: status });
  const filtered = await until(page, (r) => r.length > 0 && r.every((x) => x.status === status));
  expect(filtered.every((r) => r.title.includes(term))).toBe(true);
  expect(filtered.length).toBeLessThanOrEqual(found.length);
  await expectText(
    page.getByRole('status').filter({ hasText: 'initiativ' }),
    new RegExp(`^1–${filtered.length} av ${filtered.length} initiativ$`),
  );
  await shot(page, '2-filtered');

  await page.getByRole('link', { name: filtered[0]!.title }).first().click();
  await page.getByRole('heading', { level: 1, name: filtered[0]!.title }).waitFor();
  const timeline = page.getByRole('list', { name: 'Händelser' });
  await expectText(timeline, /Inskickat · /);
  await expectText(timeline, /Godkänt för beredning \(skallkrav 4\)/);
  await expectText(timeline, /Beslut registrerat · Karin Lund/);
  await expectText(page.getByRole('region', { name: 'Skallkrav' }), /Godkänt av /);
  await shot(page, '3-initiative');
});

it('opens the initiative a bot card links to, through sign-in', async () => {
  const ref = seeded.byStatus.submitted!;
  // The bot's link in local mode: ${PUBLIC_URL}/tab/#/initiatives/<ref> (src/server/links.ts).
  const { page } = await tab.signIn('Maria Ek', { path: `#/initiatives/${ref}` });
  expect(page.url()).toContain(`#/initiatives/${ref}`);
  await page.getByText(ref, { exact: true }).waitFor();
  await expectText(page.getByRole('region', { name: 'Skallkrav' }), /Ingen i RUG har godkänt än/);
});

it('lets the RUG chair record a decision; the initiator gets it in the chat', async () => {
  // Anna has the app installed: her personal chat is known to the bot.
  const anna = {
    id: '29:anna',
    aadObjectId: USERS.anna.objectId,
    name: USERS.anna.name,
    conversationId: 'a:anna-chat',
  };
  const res = await fetch(`${tab.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(installActivity(anna, tab.connector.url)),
  });
  expect(res.status).toBeLessThan(300);
  await tab.app.flushOutbox();
  const before = tab.connector.sentTo(anna.conversationId).length;

  const ref = seeded.byStatus.proposal_ready!;
  const { page } = await tab.signIn('Karin Lund', { path: `#/initiatives/${ref}` });
  const form = page.getByRole('form', { name: 'Registrera beslut' });
  await form.waitFor();
  await form.getByRole('button', { name: 'Registrera beslut' }).click();
  // Nothing is sent without a rationale; the field says so.
  await expectText(form, /Obligatoriskt/);
  await form.getByRole('radio', { name: 'Bifall' }).check();
  await form.getByLabel('Sammanträde').fill('2026-06-10');
  await form.getByLabel('Motivering').fill('Initiativet bidrar till en nära vård för äldre i hemmet.');
  await form.getByLabel('Diarienummer').fill('RUG 2026/042');
  await form.getByLabel('Ansvarig').selectOption({ label: 'Hjälpmedelsrådet' });
  await form.getByRole('button', { name: 'Registrera beslut' }).click();
  await expectText(page.locator('article header'), /Beslutat – bifall/);
  await expectText(page.getByRole('list', { name: 'Händelser' }), /Beslut registrerat · Karin Lund/);
  await shot(page, '4-decided');

  const stored = await tab.app.deps.store.initiatives.getByRef(ref);
  expect(stored).toMatchObject({ status: 'approved' });
  expect(stored!.decisions.at(-1)).toMatchObject({
    outcome: 'bifall',
    meetingDate: '2026-06-10',
    diarienummer: 'RUG 2026/042',
    responsibleId: 'hjalpmedelsradet',
    decidedBy: { objectId: USERS.karin.objectId, name: 'Karin Lund' },
  });

  await tab.app.flushOutbox();
  const sent = tab.connector.sentTo(anna.conversationId).slice(before);
  const text = JSON.stringify(sent);
  expect(text).toContain('RUG har fattat beslut');
  expect(text).toContain('Initiativet bidrar till en nära vård för äldre i hemmet.');
  expect(text).toContain(ref);
});

it('downloads the annual compilation as XLSX (and CSV) holding the year’s decided initiatives', async () => {
  const year = 2025;
  const { page } = await tab.signIn('Sara Holm', { path: '#/annual' });
  await page.getByLabel('År', { exact: true }).selectOption(String(year));
  await page.getByRole('heading', { level: 1, name: `Årssammanställning ${year}` }).waitFor();
  await page.locator('table tbody tr').first().waitFor();
  await shot(page, '5-annual');

  const expected = (await (
    await fetch(`${tab.url}/api/reports/annual?year=${year}`, {
      headers: { authorization: `Bearer ${await tokenFrom(page)}` },
    })
  ).json()) as AnnualReport;
  expect(expected.rows.length).toBeGreaterThan(0);
  expect(await page.locator('table tbody tr').count()).toBe(expected.rows.length);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ner Excel (XLSX)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`arssammanstallning-${year}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 4)).toEqual(['Referens', 'Rubrik', 'Status', 'Beslut']);
  const refs: string[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) refs.push(String(row.getCell(1).value));
  });
  expect(refs).toEqual(expected.rows.map((r) => r.ref));
  const first = expected.rows[0]!;
  expect(ws.getRow(2).getCell(2).value).toBe(first.title);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ner CSV' }).click(),
  ]);
  const lines = readFileSync((await csv.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]!.split(';').slice(0, 2)).toEqual(['Referens', 'Rubrik']);
  expect(lines).toHaveLength(expected.rows.length + 1);
});

/** Polls the grid until its rows satisfy the check (the list reloads after each filter change). */
async function until(
  page: Page,
  check: (r: { title: string; status: string }[]) => boolean,
): Promise<{ title: string; status: string }[]> {
  const stop = Date.now() + 15_000;
  let last: { title: string; status: string }[] = [];
  while (Date.now() < stop) {
    last = await rows(page).catch(() => []);
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`rows never matched: ${JSON.stringify(last.slice(0, 5))}`);
}

/** The signed-in page's token (local mode keeps it in session storage). */
function tokenFrom(page: Page): Promise<string> {
  return page.evaluate(() => sessionStorage.getItem('omtanke.localToken') ?? '');
}

/** Polls until the locator's text matches (Playwright's web-first assertion without @playwright/test). */
async function expectText(loc: ReturnType<Page['locator']>, pattern: RegExp): Promise<void> {
  const until = Date.now() + 15_000;
  let last = '';
  while (Date.now() < until) {
    last =
      (await loc
        .first()
        .innerText()
        .catch(() => '')) ?? '';
    if (pattern.test(last)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`text ${JSON.stringify(last.slice(0, 300))} never matched ${pattern}`);
}

it('speaks English when the locale says so', async () => {
  const { page } = await tab.signIn('Johan Berg', { path: '?locale=en-GB#/todo' });
  await page.getByRole('heading', { level: 1, name: 'To handle' }).waitFor();
  await page.getByRole('link', { name: 'All initiatives' }).click();
  await page.getByRole('heading', { level: 1, name: 'All initiatives' }).waitFor();
  await expectText(page.getByRole('status').filter({ hasText: 'initiatives' }), /^1–50 of \d+ initiatives$/);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
});
