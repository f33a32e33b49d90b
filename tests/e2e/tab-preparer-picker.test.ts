/**
 * The initiative page's preparer picker in the browser, on the real app in local mode: a member of
 * the preparation group finds a colleague by typing part of the name and assigns them by keyboard
 * alone; someone outside the group is not offered the picker; and the page with the picker open
 * passes axe (WCAG 2.1 AA) in the light, dark and high-contrast themes, in Swedish and English.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatReference } from '../../src/domain/initiative/reference';
import { newInitiative } from '../support/fixtures';
import { ARTIFACTS } from '../support/playground';
import { axeViolations, describeViolations } from '../tab/support/axe';
import { USERS } from '../tab/support/seed';
import { startTabApp, type TabApp } from '../tab/support/tab-app';

jest.setTimeout(240_000);

const RUG_TEAM = '19:rug-picker-team@thread.tacv2';
const PREP_CHANNEL = '19:beredning-picker@thread.tacv2';
const LENA = { objectId: 'b2b2b2b2-0000-4000-8000-000000000001', name: 'Lena Persson' };
let tab: TabApp;
let n = 0;

beforeAll(async () => {
  tab = await startTabApp();
  const deps = tab.app.deps;
  const roster = (people: { objectId: string; name: string }[], tag: string) =>
    people.map((u, i) => ({ id: `29:${tag}-${i}`, name: u.name, aadObjectId: u.objectId }));
  tab.connector.rosters.set(RUG_TEAM, roster([USERS.karin, USERS.per, USERS.maria, USERS.johan], 'rug'));
  tab.connector.rosters.set(PREP_CHANNEL, roster([USERS.sara, LENA], 'prep'));
  const channel = (key: string, id: string, type: 'standard' | 'private') =>
    deps.store.conversations.save({
      key,
      conversationId: id,
      serviceUrl: tab.connector.url,
      tenantId: USERS.johan.tenantId,
      conversationType: 'channel',
      teamId: type === 'standard' ? id : RUG_TEAM,
      channelId: id,
      channelType: type,
      updatedAt: new Date().toISOString(),
    });
  await channel('channel:rug', RUG_TEAM, 'standard');
  await channel('channel:beredning', PREP_CHANNEL, 'private');
  // Registered straight in the store: tell the directory, as registering through the bot does.
  deps.directory.rolesChanged();
});
afterAll(() => tab?.close());

/** An initiative in preparation with nobody preparing it yet, of its own for each test. */
async function inPreparation(): Promise<string> {
  const { initiative } = await tab.app.deps.store.initiatives.create(
    newInitiative({
      ref: formatReference(2031, ++n),
      status: 'in_preparation',
      initiator: USERS.anna,
      submittedAt: '2031-02-01T09:00:00.000Z',
    }),
  );
  return initiative.ref!;
}

async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[role="progressbar"], .fui-Spinner'), null, {
    timeout: 15_000,
  });
  await page.waitForTimeout(300);
}

const THEMES = [
  { name: 'light', colorScheme: 'light', forcedColors: 'none', locale: 'sv-SE', label: /Beredare/ },
  { name: 'dark', colorScheme: 'dark', forcedColors: 'none', locale: 'en-US', label: /Preparer/ },
  { name: 'contrast', colorScheme: 'dark', forcedColors: 'active', locale: 'sv-SE', label: /Beredare/ },
] as const;

it.each(THEMES)('passes axe with the list open in the $name theme ($locale)', async (theme) => {
  const ref = await inPreparation();
  const { page } = await tab.signIn('Sara Holm', {
    colorScheme: theme.colorScheme,
    forcedColors: theme.forcedColors,
    locale: theme.locale,
  });
  await page.goto(`${tab.url}/tab/#/initiatives/${ref}`);
  await settle(page);
  expect(describeViolations(await axeViolations(page))).toBe('');
  await page.getByRole('combobox', { name: theme.label }).click();
  await page.getByRole('option', { name: 'Lena Persson' }).waitFor();
  // Exactly the preparation group and the chair and secretary; the other RUG members are not offered.
  const offered = await page.getByRole('option').allInnerTexts();
  expect(offered.map((o) => o.split(' (')[0])).toEqual([
    'Johan Berg',
    'Karin Lund',
    'Lena Persson',
    'Sara Holm',
  ]);
  await page.screenshot({ path: join(ARTIFACTS, `tab-${theme.name}-preparer-picker.png`), fullPage: true });
  expect(describeViolations(await axeViolations(page))).toBe('');
});

it('assigns a colleague found by typing, by keyboard alone, and names them on the page', async () => {
  const ref = await inPreparation();
  const { page } = await tab.signIn('Sara Holm');
  await page.goto(`${tab.url}/tab/#/initiatives/${ref}`);
  await settle(page);
  const box = page.getByRole('combobox', { name: /Beredare/ });
  await box.focus();
  await page.keyboard.type('len');
  await expect(page.getByRole('option').allInnerTexts()).resolves.toEqual(['Lena Persson']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(box.inputValue()).resolves.toBe('Lena Persson');
  // Past the list's own open button (labelled in the page's language) to Utse.
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(
    'Visa alla som kan bereda',
  );
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Utse');
  await page.keyboard.press('Enter');
  await page.getByText('Lena Persson är nu beredare.').waitFor();
  const prep = page.locator('section[aria-labelledby="prep-title"]');
  await expect(prep.innerText()).resolves.toContain('Lena Persson');
  // The timeline says whom the assignment made preparer, and who made it.
  const timeline = page.locator('section[aria-labelledby="timeline-title"]');
  await timeline.getByText(/Beredare utsedd: Lena Persson · Sara Holm/).waitFor();
  const stored = await tab.app.deps.store.initiatives.getByRef(ref);
  expect(stored!.preparer).toMatchObject({ objectId: LENA.objectId, name: 'Lena Persson' });
  // "Jag tar beredningen" is still there for taking it over oneself.
  await page.getByRole('button', { name: 'Jag tar beredningen' }).click();
  // The page reloads the initiative after the answer: wait for it rather than read at once.
  await prep.getByText('Sara Holm').first().waitFor();
  await expect(prep.innerText()).resolves.not.toContain('Lena Persson');
  await page.screenshot({ path: join(ARTIFACTS, 'tab-preparer-assigned.png'), fullPage: true });
});

it('is not offered to a RUG member outside the preparation group', async () => {
  const ref = await inPreparation();
  const { page } = await tab.signIn('Per Nilsson');
  await page.goto(`${tab.url}/tab/#/initiatives/${ref}`);
  await settle(page);
  await expect(page.getByRole('combobox').count()).resolves.toBe(0);
  await expect(page.getByRole('button', { name: 'Jag tar beredningen' }).count()).resolves.toBe(0);
});
