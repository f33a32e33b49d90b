/**
 * Status badges hold their text: in "Alla initiativ" at 1280 px and at 360 px every badge's text lies
 * inside its box (a wrapped label grows the box instead of running through its border). Screenshots of
 * both widths are saved under test-artifacts/.
 */
import { join } from 'node:path';
import { ARTIFACTS } from '../support/playground';
import { seed } from '../tab/support/seed';
import { startTabApp, type TabApp } from '../tab/support/tab-app';

jest.setTimeout(240_000);

let tab: TabApp;
beforeAll(async () => {
  tab = await startTabApp();
  await seed(tab.app.deps, { count: 40, history: true });
});
afterAll(() => tab?.close());

it.each([1280, 360])('keeps every status badge’s text inside its box at %i px', async (width) => {
  const { page } = await tab.signIn('Per Nilsson', { width, path: '#/initiatives' });
  await page.goto(`${tab.url}/tab/#/initiatives`);
  await page.locator('.fui-Badge').first().waitFor();
  await page.waitForTimeout(300);
  const badges = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main .fui-Badge')].map((badge) => {
      const box = badge.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(badge);
      const lines = [...range.getClientRects()];
      const top = Math.min(...lines.map((r) => r.top));
      const bottom = Math.max(...lines.map((r) => r.bottom));
      return { text: badge.textContent, fits: top >= box.top - 0.5 && bottom <= box.bottom + 0.5 };
    }),
  );
  expect(badges.length).toBeGreaterThan(5);
  expect(badges.filter((b) => !b.fits)).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, `tab-badges-${width}.png`), fullPage: true });
});
