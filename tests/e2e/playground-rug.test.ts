/**
 * End to end in Agents Playground (headless Chromium): an admin registers the team's General channel
 * as the RUG channel, Anna sends an initiative from her personal chat, the review card appears in the
 * channel, RUG member Per approves from the card, and Anna's chat shows the notification.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { catalogue } from '../../src/domain/catalogue/catalogue';
import { ARTIFACTS, startLocalStack, type LocalStack } from '../support/playground';
import DEV_ROLES from '../../dev-roles.json';

jest.setTimeout(180_000);

const GENERAL = '19:rug-general@thread.tacv2';
const en = (id: string, list: readonly { id: string; label: { en: string } }[]) =>
  list.find((x) => x.id === id)!.label.en;

describe('the RUG flow in Agents Playground', () => {
  let stack: LocalStack;
  let page: Page;
  /** The Playground has no user switcher; card actions are sent as this mock user instead. */
  let actAs: string | null = null;

  beforeAll(async () => {
    stack = await startLocalStack(DEV_ROLES);
    page = stack.page;
    await page.route('**/_conversation/v1/**', async (route) => {
      const req = route.request();
      if (!actAs || req.method() !== 'POST') return route.continue();
      const body = JSON.parse(req.postData() ?? '{}') as { from?: { id: string } };
      if (body.from) body.from.id = actAs;
      return route.continue({ postData: JSON.stringify(body) });
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  const shot = (name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `e2e-rug-${name}.png`), fullPage: true });
  const choice = (card: Locator, label: string) =>
    card.locator(`input[type="checkbox"][aria-label="${label}"]`);
  const waitFor = async (what: string, check: () => Promise<boolean>) => {
    const until = Date.now() + 20_000;
    while (Date.now() < until) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  it('shows a sent initiative in the RUG channel; a member approves; the initiator is told', async () => {
    await page.goto(stack.playground.url, { waitUntil: 'domcontentloaded' });
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    await page
      .locator('.ac-adaptiveCard', { hasText: 'Här lämnar du gemensamma initiativ' })
      .last()
      .waitFor();

    // Johan (admin) registers the channel: the Playground only types as Anna, so his post is injected.
    const register = await fetch(`${stack.playground.url}_internal/v1/customActivities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: stack.playground.connectorUrl,
        text: '<at>Omtanke Halland</at> koppla RUG',
        from: { id: 'user-johan', name: 'Johan Berg', aadObjectId: 'a1a1a1a1-0000-4000-8000-000000000006' },
        recipient: { id: '00000000-0000-0000-0000-00000000a11d', name: 'Omtanke Halland' },
        conversation: {
          id: GENERAL,
          isGroup: true,
          conversationType: 'channel',
          tenantId: '11111111-1111-1111-1111-111111111111',
        },
        channelData: {
          team: { id: GENERAL },
          channel: { id: GENERAL },
          tenant: { id: '11111111-1111-1111-1111-111111111111' },
        },
        entities: [
          {
            type: 'mention',
            mentioned: { id: '00000000-0000-0000-0000-00000000a11d', name: 'Omtanke Halland' },
            text: '<at>Omtanke Halland</at>',
          },
        ],
      }),
    });
    expect(register.ok).toBe(true);
    await waitFor(
      'the channel registration',
      async () => (await stack.app.deps.store.conversations.get('channel:rug')) !== null,
    );

    // Anna sends an initiative.
    await page.locator('[data-lexical-editor="true"]').click();
    await page.keyboard.type('new initiative');
    await page.keyboard.press('Enter');
    const form = page.locator('.ac-adaptiveCard', { hasText: 'New initiative – common template' }).last();
    await form.waitFor();
    await form.getByPlaceholder('A short, descriptive title').fill('Gemensam läkemedelsgenomgång i hemmet');
    await form
      .getByPlaceholder('What need or problem do you want to solve?')
      .fill('Äldre i hemsjukvård saknar samordnad läkemedelsgenomgång.');
    await form
      .getByPlaceholder('What do you want to do, and how?')
      .fill('Distriktssköterska och läkare gör genomgången tillsammans.');
    await form
      .getByPlaceholder('What gets better for the resident, patient or client?')
      .fill('Färre läkemedelsrelaterade problem.');
    for (const id of ['region-halland', 'varberg'])
      await choice(form, en(id, catalogue.organisations)).check();
    await choice(form, en('hemsjukvard', catalogue.targetGroups)).check();
    await choice(form, en('trygg', catalogue.factors)).check();
    await form.getByLabel('Manager the initiative is anchored with *').fill('Bertil Berg');
    await form.getByRole('checkbox', { name: 'The initiative is anchored in my own organisation *' }).check();
    await form.getByLabel('Time plan *').fill('Hösten 2026');
    await form.getByLabel('How the initiative will be followed up *').fill('Antal genomgångar per månad.');
    await form.getByLabel('E-mail *').fill('anna.andersson@varberg.se');
    await form.getByRole('button', { name: 'Submit' }).click();
    const confirmation = page
      .locator('.ac-adaptiveCard', { hasText: 'Your initiative has been submitted' })
      .last();
    await confirmation.waitFor();
    const ref = /OH-\d{4}-\d{4}/.exec(await confirmation.innerText())![0];

    // The review card appears in the RUG channel.
    await stack.app.flushOutbox();
    await page.getByRole('treeitem', { name: 'RUG God och nära vård - General' }).click();
    const review = page
      .locator('.ac-adaptiveCard', { hasText: ref })
      .filter({ hasText: 'väntar på godkännande' })
      .last();
    await review.waitFor();
    await shot('1-review-card');

    // Per Nilsson (RUG member) approves from the card.
    actAs = 'user-per';
    await review.getByRole('button', { name: 'Godkänn' }).click();
    // The card that answers Per is in his language (the Playground says en-US).
    await page
      .locator('.ac-adaptiveCard', { hasText: /Ditt ställningstagande: Godkänt|Your stance: Approved/ })
      .last()
      .waitFor();
    actAs = null;
    await shot('2-approved');
    const initiative = await stack.app.deps.store.initiatives.getByRef(ref);
    expect(initiative?.status).toBe('in_preparation');

    // Anna's chat shows the notification.
    await stack.app.flushOutbox();
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    await page
      .locator('.ac-adaptiveCard', { hasText: 'Per Nilsson of RUG has approved your initiative' })
      .last()
      .waitFor();
    await shot('3-initiator-notified');
  });
});
