/**
 * The Administration view in the browser: only an admin is offered it; it shows the current holders
 * and the history, grants a role to a member picked by typing part of the name, and passes axe
 * (WCAG 2.1 AA) in the light, dark and high-contrast themes, in Swedish and English.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { grantRole, endRole } from '../../src/app/use-cases/manage-roles';
import { ARTIFACTS } from '../support/playground';
import { axeViolations, describeViolations } from '../tab/support/axe';
import { USERS } from '../tab/support/seed';
import { startTabApp, type TabApp } from '../tab/support/tab-app';

jest.setTimeout(240_000);

const TEAM = '19:rug-admin-team@thread.tacv2';
let tab: TabApp;
beforeAll(async () => {
  tab = await startTabApp();
  const deps = tab.app.deps;
  // A registered RUG channel whose roster the picker offers.
  tab.connector.rosters.set(
    TEAM,
    [USERS.karin, USERS.per, USERS.maria, USERS.johan].map((u, n) => ({
      id: `29:admin-${n}`,
      name: u.name,
      aadObjectId: u.objectId,
    })),
  );
  await deps.store.conversations.save({
    key: 'channel:rug',
    conversationId: TEAM,
    serviceUrl: tab.connector.url,
    tenantId: USERS.johan.tenantId,
    conversationType: 'channel',
    teamId: TEAM,
    channelId: TEAM,
    channelType: 'standard',
    updatedAt: new Date().toISOString(),
  });
  // Registered straight in the store: tell the directory, as registering through the bot does.
  deps.directory.rolesChanged();
  const ended = await grantRole(deps, USERS.johan, { role: 'rug_secretary', holderId: USERS.per.objectId });
  await endRole(deps, USERS.johan, { assignmentId: ended.id });
  await grantRole(deps, USERS.johan, { role: 'rug_chair', holderId: USERS.karin.objectId });
});
afterAll(() => tab?.close());

async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[role="progressbar"], .fui-Spinner'), null, {
    timeout: 15_000,
  });
  await page.waitForTimeout(300);
}

const THEMES = [
  { name: 'light', colorScheme: 'light', forcedColors: 'none', locale: 'sv-SE' },
  { name: 'dark', colorScheme: 'dark', forcedColors: 'none', locale: 'en-US' },
  { name: 'contrast', colorScheme: 'dark', forcedColors: 'active', locale: 'sv-SE' },
] as const;

it.each(THEMES)('passes axe in the $name theme ($locale) with holders and history shown', async (theme) => {
  const { page } = await tab.signIn('Johan Berg', {
    colorScheme: theme.colorScheme,
    forcedColors: theme.forcedColors,
    locale: theme.locale,
    path: '#/administration',
  });
  await page.goto(`${tab.url}/tab/#/administration`);
  await settle(page);
  await page.mouse.move(1, 1);
  const body = await page.locator('main').innerText();
  expect(body).toContain('Karin Lund');
  expect(body).toContain('Per Nilsson');
  await page.screenshot({ path: join(ARTIFACTS, `tab-${theme.name}-administration.png`), fullPage: true });
  expect(describeViolations(await axeViolations(page))).toBe('');
});

it('grants a role to a member found by typing part of the name', async () => {
  const { page } = await tab.signIn('Johan Berg');
  await page.goto(`${tab.url}/tab/#/administration`);
  await settle(page);
  await page.getByRole('combobox', { name: /Roll/ }).click();
  await page.getByRole('option', { name: 'Sekreterare i RUG' }).click();
  const person = page.getByRole('combobox', { name: /Person/ });
  await person.click();
  await person.pressSequentially('mar');
  await page.getByRole('option', { name: 'Maria Ek' }).waitFor();
  await expect(page.getByRole('option').allInnerTexts()).resolves.toEqual(['Maria Ek']);
  await page.getByRole('option', { name: 'Maria Ek' }).click();
  await page.getByRole('button', { name: 'Tilldela' }).click();
  await page.getByText('Maria Ek har fått rollen Sekreterare i RUG.').waitFor();
  expect(await tab.app.deps.directory.rolesOf(USERS.maria.objectId)).toContain('rug_secretary');
  expect(describeViolations(await axeViolations(page))).toBe('');
  await page.screenshot({ path: join(ARTIFACTS, 'tab-administration-granted.png'), fullPage: true });
});

it('is offered only to admins; anyone else who opens it gets the no-access message', async () => {
  const { page } = await tab.signIn('Karin Lund');
  await settle(page);
  await expect(page.getByRole('link', { name: 'Administration' }).count()).resolves.toBe(0);
  await page.goto(`${tab.url}/tab/#/administration`);
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').innerText()).toContain('Bara administratörer kan hantera roller.');
  const admin = await tab.signIn('Johan Berg');
  await settle(admin.page);
  await expect(admin.page.getByRole('link', { name: 'Administration' }).count()).resolves.toBe(1);
});
