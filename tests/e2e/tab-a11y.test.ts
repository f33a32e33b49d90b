/**
 * WCAG 2.1 AA in the browser: axe-core reports no violations on any view of the tab, in the light,
 * dark and high-contrast themes, wide and in a narrow (mobile) frame. Screenshots of every view and
 * theme are saved under test-artifacts/ for a person to look at.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from '../support/playground';
import { axeViolations, describeViolations } from '../tab/support/axe';
import { seed, type Seeded } from '../tab/support/seed';
import { startTabApp, type TabApp } from '../tab/support/tab-app';

jest.setTimeout(240_000);

let tab: TabApp;
let seeded: Seeded;
beforeAll(async () => {
  tab = await startTabApp();
  seeded = await seed(tab.app.deps, { count: 40, history: true });
});
afterAll(() => tab?.close());

/** Waits until the view has settled: no spinner and its main heading shown. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[role="progressbar"], .fui-Spinner'), null, {
    timeout: 15_000,
  });
  await page.waitForTimeout(300);
}

const THEMES = [
  { name: 'light', colorScheme: 'light', forcedColors: 'none' },
  { name: 'dark', colorScheme: 'dark', forcedColors: 'none' },
  { name: 'contrast', colorScheme: 'dark', forcedColors: 'active' },
] as const;

describe.each(THEMES)('the tab in the $name theme', (theme) => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await tab.signIn('Karin Lund', {
      colorScheme: theme.colorScheme,
      forcedColors: theme.forcedColors,
    }));
  });

  const views = () => [
    ['overview', '#/overview'],
    ['all', '#/initiatives'],
    ['mine', '#/mine'],
    ['todo', '#/todo'],
    ['annual', '#/annual'],
    ['initiative', `#/initiatives/${seeded.byStatus.proposal_ready}`],
  ];

  it('has no axe violations on any view', async () => {
    const failures: string[] = [];
    for (const [name, hash] of views()) {
      await page.goto(`${tab.url}/tab/${hash}`);
      await settle(page);
      // Away from any row, so a hover style does not stand in for the normal state.
      await page.mouse.move(1, 1);
      if (name === 'overview') {
        // The data table behind a chart is part of the view too.
        await page.getByRole('button', { name: 'Visa som tabell' }).first().click();
      }
      await page.screenshot({ path: join(ARTIFACTS, `tab-${theme.name}-${name}.png`), fullPage: true });
      const violations = await axeViolations(page);
      if (violations.length > 0) failures.push(`${name}:\n${describeViolations(violations)}`);
    }
    expect(failures).toEqual([]);
  });
});

it('works in a narrow (mobile) frame without horizontal scrolling of the page', async () => {
  const { page } = await tab.signIn('Sara Holm', { width: 360 });
  for (const hash of ['#/initiatives', `#/initiatives/${seeded.byStatus.in_implementation}`, '#/overview']) {
    await page.goto(`${tab.url}/tab/${hash}`);
    await settle(page);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 3)
        .map((el) => `${el.tagName}.${el.className}`.slice(0, 80)),
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ hash, overflow, wide: overflow > 0 ? wide : [] }).toEqual({ hash, overflow: 0, wide: [] });
    expect({ hash, axe: describeViolations(await axeViolations(page)) }).toEqual({ hash, axe: '' });
    await page.screenshot({
      path: join(ARTIFACTS, `tab-narrow-${hash.replace(/[#/]/g, '') || 'home'}.png`),
      fullPage: true,
    });
  }
});

it('works by keyboard: skip link, view links and visible focus', async () => {
  const { page } = await tab.signIn('Per Nilsson');
  await settle(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
  await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  // The focused skip link is on screen (it is off screen until focused).
  const box = await skip.boundingBox();
  expect(box && box.x >= 0).toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({
    text: document.activeElement?.textContent,
    outline: getComputedStyle(document.activeElement!).outlineStyle,
  }));
  expect(focused.text).toBe('Att hantera');
  expect(focused.outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Att hantera' }).waitFor();
});

it('the channel tab settings page and the privacy and terms pages pass axe too', async () => {
  const context = await tab.browser.newContext({ viewport: { width: 800, height: 700 } });
  try {
    const page = await context.newPage();
    for (const path of ['/tab/config.html', '/privacy', '/terms', '/local-auth/sign-in?return=/tab/']) {
      await page.goto(`${tab.url}${path}`);
      await page.locator('h1').first().waitFor();
      await page.screenshot({
        path: join(ARTIFACTS, `tab-page${path.split('?')[0]!.replace(/[/.]/g, '-')}.png`),
      });
      expect({ path, axe: describeViolations(await axeViolations(page)) }).toEqual({ path, axe: '' });
    }
  } finally {
    await context.close();
  }
});
