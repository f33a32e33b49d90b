/**
 * End to end as a person would: Agents Playground (a local Teams client) in headless Chromium,
 * talking to the real app in local mode. Open the personal chat, ask for a new initiative, fill the
 * card, get a validation error with the values kept, fix it, send, see the confirmation.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { catalogue } from '../../src/domain/catalogue/catalogue';
import { ARTIFACTS, startLocalStack, type LocalStack } from '../support/playground';
import DEV_ROLES from '../../dev-roles.json';

jest.setTimeout(180_000);

const en = (id: string, list: readonly { id: string; label: { en: string } }[]) =>
  list.find((x) => x.id === id)!.label.en;

describe('submitting an initiative in Agents Playground', () => {
  let stack: LocalStack;
  let app: LocalStack['app'];
  let playground: LocalStack['playground'];
  let page: Page;

  beforeAll(async () => {
    stack = await startLocalStack(DEV_ROLES);
    ({ app, playground, page } = stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const shot = (name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `e2e-submit-${name}.png`), fullPage: true });
  // A multi-select choice: its accessible name joins the set's label, so match the box's own label.
  const choice = (card: Locator, label: string) =>
    card.locator(`input[type="checkbox"][aria-label="${label}"]`);
  const lastCard = (text: string | RegExp): Locator =>
    page.locator('.ac-adaptiveCard', { hasText: text }).last();

  it('goes from a new card through a validation error to a confirmation with a reference number', async () => {
    await page.goto(playground.url, { waitUntil: 'domcontentloaded' });
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    // Opening the chat installs the app and the greeting arrives (the install carries no locale, so
    // Swedish; the Playground's messages say en-US, so the rest of the conversation is in English).
    await lastCard('Här lämnar du gemensamma initiativ').waitFor();

    await page.locator('[data-lexical-editor="true"]').click();
    await page.keyboard.type('new initiative');
    await page.keyboard.press('Enter');
    const form = lastCard('New initiative – common template');
    await form.waitFor();

    await form.getByPlaceholder('A short, descriptive title').fill('Trygg hemgång med gemensam plan');
    await form
      .getByPlaceholder('What need or problem do you want to solve?')
      .fill('Äldre återinläggs ofta efter utskrivning.');
    await form
      .getByPlaceholder('What do you want to do, and how?')
      .fill('Gemensam planering inom 24 timmar.');
    await choice(form, en('varberg', catalogue.organisations)).check();
    await choice(form, en('hemsjukvard', catalogue.targetGroups)).check();
    await choice(form, en('sammanhallen', catalogue.goalWords)).check();
    await shot('1-filled');
    await form.getByRole('button', { name: 'Submit' }).click();

    // The same card comes back with the errors and every typed value kept.
    const refused = lastCard('Please fix the following before submitting');
    await refused.waitFor();
    await soon(refused.getByPlaceholder('A short, descriptive title')).toHaveValue(
      'Trygg hemgång med gemensam plan',
    );
    await soon(choice(refused, en('varberg', catalogue.organisations))).toBeChecked();
    await soon(refused.getByText('both Region Halland and at least one municipality').first()).toBeVisible();
    await shot('2-errors');

    await refused
      .getByPlaceholder('What gets better for the resident, patient or client?')
      .fill('Färre återinläggningar.');
    await choice(refused, en('region-halland', catalogue.organisations)).check();
    await refused.getByLabel('Manager the initiative is anchored with *').fill('Bertil Berg');
    await refused
      .getByRole('checkbox', { name: 'The initiative is anchored in my own organisation *' })
      .check();
    await refused.getByLabel('Time plan *').fill('Start i januari, utvärdering i juni.');
    await refused
      .getByLabel('How the initiative will be followed up *')
      .fill('Återinläggningar inom 30 dagar, månadsvis.');
    await refused.getByLabel('E-mail *').fill('anna.andersson@varberg.se');
    await refused.getByRole('button', { name: 'Submit' }).click();

    const confirmation = lastCard('Thank you! Your initiative has been submitted');
    await confirmation.waitFor();
    await soon(confirmation).toContainText(/OH-\d{4}-\d{4}/);
    await soon(confirmation).toContainText('a RUG member needs to approve');
    await shot('3-confirmation');

    const { items } = await app.deps.store.initiatives.list({ by: 'all' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'submitted', initiator: { name: 'Anna Andersson' } });
  });
});

/** Playwright's web-first assertions without @playwright/test: poll until true or time out. */
function soon(subject: Locator) {
  const poll = async (check: () => Promise<boolean>, what: string) => {
    const until = Date.now() + 15_000;
    while (Date.now() < until) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`timed out waiting until ${what}`);
  };
  const loc = subject;
  return {
    toHaveValue: (v: string) => poll(async () => (await loc.inputValue()) === v, `value is ${v}`),
    toBeChecked: () => poll(() => loc.isChecked(), 'checked'),
    toBeVisible: () => poll(() => loc.isVisible(), 'visible'),
    toContainText: (t: string | RegExp) =>
      poll(
        async () => {
          const s = await loc.innerText();
          return typeof t === 'string' ? s.includes(t) : t.test(s);
        },
        `text contains ${String(t)}`,
      ),
  };
}
