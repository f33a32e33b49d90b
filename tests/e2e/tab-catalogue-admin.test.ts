/**
 * The Administration view's catalogue and settings in the browser: an admin retires an agreement
 * with its button and adds the successor with the form; the catalogue shows which entries are
 * retired; a retire that would leave no target group is refused with the reason; the settings save;
 * and both parts pass axe (WCAG 2.1 AA) in the light, dark and high-contrast themes, sv and en.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueFile } from '../../src/contracts/admin-api';
import type { Page } from 'playwright-core';
import { submitInitiative } from '../../src/app/use-cases/submit-initiative';
import { validForm } from '../support/fixtures';
import { ARTIFACTS } from '../support/playground';
import { USERS } from '../tab/support/seed';
import { axeViolations, describeViolations } from '../tab/support/axe';
import { startTabApp, type TabApp } from '../tab/support/tab-app';

jest.setTimeout(240_000);

let tab: TabApp;
beforeAll(async () => {
  tab = await startTabApp();
});
afterAll(() => tab?.close());

async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[role="progressbar"], .fui-Spinner'), null, {
    timeout: 15_000,
  });
  await page.waitForTimeout(300);
}

async function open(part: RegExp, opts: Parameters<TabApp['signIn']>[1] = {}) {
  const { page } = await tab.signIn('Johan Berg', { ...opts, path: '#/administration' });
  await page.goto(`${tab.url}/tab/#/administration`);
  await settle(page);
  await page.getByRole('button', { name: part }).click();
  await settle(page);
  return page;
}

it('retires an agreement and adds its successor from the view, and says why a retire is refused', async () => {
  // An initiative sent before, with the agreement about to be retired.
  const { initiative: older } = await submitInitiative(tab.app.deps, USERS.anna, {
    form: validForm({ title: 'Utskrivning före', agreementIds: ['trygg-effektiv-utskrivning-2022-2024'] }),
    clientKey: 'k-e2e-catalogue',
  });
  const page = await open(/^Katalog$/);
  await page.getByRole('combobox', { name: 'Lista' }).selectOption('agreement');
  const list = page.getByRole('table', { name: 'Överenskommelser' });
  const row = list.getByRole('row', { name: /Trygg och effektiv utskrivning från sluten/ });
  await row.getByRole('button', { name: /^Låt gå ut: / }).click();
  await page.getByText(/Katalogen är ändrad \(version \d{4}\.\d+\)/).waitFor();
  await expect(row.innerText()).resolves.toMatch(/Utgången \(version \d{4}\.\d+\)/);

  await page
    .getByRole('textbox', { name: 'Text på svenska' })
    .last()
    .fill('Överenskommelse om Trygg och effektiv utskrivning i Halland 2025–2027');
  await page
    .getByRole('textbox', { name: 'Text på engelska' })
    .last()
    .fill('Agreement on safe and effective discharge in Halland 2025–2027');
  await page.getByRole('textbox', { name: 'Gäller från år' }).fill('2025');
  await page.getByRole('textbox', { name: 'Gäller till år' }).fill('2027');
  await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
  const added = list.getByRole('row', { name: /utskrivning i Halland 2025–2027/ });
  await added.waitFor();
  await expect(added.innerText()).resolves.toContain('2025–2027');
  const agreements = tab.app.deps.catalogue.agreements;
  expect(agreements.find((a) => a.id === 'trygg-effektiv-utskrivning-2022-2024')?.retiredIn).toBeDefined();
  expect(agreements.at(-1)).toMatchObject({ validity: { from: 2025, to: 2027 } });
  // The history says who did what.
  await expect(page.getByRole('table', { name: 'Ändringar' }).innerText()).resolves.toContain('Johan Berg');
  await page.screenshot({ path: join(ARTIFACTS, 'tab-administration-catalogue.png'), fullPage: true });

  // The older initiative still shows the agreement it was sent with, and the timeline its version.
  const reader = (await tab.signIn('Per Nilsson', { path: `#/initiatives/${older.ref}` })).page;
  await reader.goto(`${tab.url}/tab/#/initiatives/${older.ref}`);
  await settle(reader);
  const main = await reader.locator('main').innerText();
  expect(main).toContain(
    'Överenskommelse om Trygg och effektiv utskrivning från sluten hälso- och sjukvård i Halland 2022–2024',
  );
  expect(main).toMatch(/Inskickat.*katalogversion 2025\.1/);
  await page.bringToFront();

  // Retiring every target group is refused at the last one, with the rule named.
  await page.getByRole('combobox', { name: 'Lista' }).selectOption('targetGroup');
  for (;;) {
    const retire = page
      .getByRole('table', { name: 'Målgrupper' })
      .getByRole('button', { name: /^Låt gå ut: / });
    if ((await retire.count()) === 1) {
      await retire.click();
      break;
    }
    await retire.first().click();
    await settle(page);
  }
  await page.getByRole('alert').filter({ hasText: 'Minst en målgrupp måste finnas kvar' }).waitFor();
  expect(describeViolations(await axeViolations(page))).toBe('');
});

it('saves the settings, and refuses a prefix that is not 1–6 capital letters by the field', async () => {
  const page = await open(/^Inställningar$/);
  const prefix = page.getByRole('textbox', { name: /Prefix för referensnummer/ });
  await prefix.fill('O-H');
  await page.getByRole('button', { name: 'Spara inställningar' }).click();
  await page.getByText('Prefixet ska vara 1–6 versaler A–Z').waitFor();
  await prefix.fill('RH');
  await page.getByRole('combobox', { name: /Veckosammanfattning/ }).selectOption('5');
  await page.getByRole('button', { name: 'Spara inställningar' }).click();
  await page.getByText('Inställningarna är sparade.').waitFor();
  expect(tab.app.deps.settings).toMatchObject({ referencePrefix: 'RH', digestWeekday: 5 });
});

const THEMES = [
  {
    name: 'light',
    colorScheme: 'light',
    forcedColors: 'none',
    locale: 'sv-SE',
    parts: [/^Katalog$/, /^Inställningar$/],
  },
  {
    name: 'dark',
    colorScheme: 'dark',
    forcedColors: 'none',
    locale: 'en-US',
    parts: [/^Catalogue$/, /^Settings$/],
  },
  {
    name: 'contrast',
    colorScheme: 'dark',
    forcedColors: 'active',
    locale: 'sv-SE',
    parts: [/^Katalog$/, /^Inställningar$/],
  },
] as const;

it.each(THEMES)(
  'passes axe in the $name theme ($locale) on the catalogue and the settings',
  async (theme) => {
    for (const part of theme.parts) {
      const page = await open(part, {
        colorScheme: theme.colorScheme,
        forcedColors: theme.forcedColors,
        locale: theme.locale,
      });
      await page.mouse.move(1, 1);
      expect(describeViolations(await axeViolations(page))).toBe('');
    }
  },
);

it('exports the catalogue as a file and imports a file chosen in the browser, listing a broken one’s problems', async () => {
  const page = await open(/^Katalog$/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exportera katalogen' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^omtanke-katalog-\d{4}\.\d+\.json$/);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as CatalogueFile;
  const networks = [
    ...file.catalogue.networks,
    { id: 'natverk-demens', label: { sv: 'Nätverk demens', en: 'Dementia network' } },
  ];
  const chooser = page.locator('input[type="file"]');
  await chooser.setInputFiles({
    name: 'katalog.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...file, catalogue: { ...file.catalogue, networks } })),
  });
  await page.getByText(/Katalogen är importerad \(version \d{4}\.\d+\)/).waitFor();
  expect(tab.app.deps.catalogue.networks.at(-1)).toMatchObject({ id: 'natverk-demens' });

  await chooser.setInputFiles({
    name: 'fel.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...file, catalogue: { ...file.catalogue, goalWords: 'none' } })),
  });
  await page.getByRole('alert').filter({ hasText: 'goalWords' }).waitFor();
  await chooser.setInputFiles({ name: 'inte.json', mimeType: 'application/json', buffer: Buffer.from('{') });
  await page.getByRole('alert').filter({ hasText: 'Filen är inte JSON.' }).waitFor();
});
