/**
 * A RUG meeting end to end in headless Chromium against the real app in local mode: the secretary
 * builds the agenda in the tab, the chair decides two items in the meeting view, both signers
 * approve the minutes on their Teams cards, and the initiator's chat gets each protokollsutdrag.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { assignPreparer, proposeDecision } from '../../src/app/use-cases/preparation';
import { setStance } from '../../src/app/use-cases/set-stance';
import { submitInitiative } from '../../src/app/use-cases/submit-initiative';
import { ARTIFACTS } from '../support/playground';
import { findAll } from '../support/card-check';
import { validForm } from '../support/fixtures';
import {
  RUG_CHANNEL,
  RUG_TEAM,
  cardActionActivity,
  channelMention,
  installActivity,
} from '../support/teams-activities';
import { USERS } from '../tab/support/seed';
import { startTabApp, type TabApp } from '../tab/support/tab-app';

jest.setTimeout(240_000);

let tab: TabApp;
afterAll(() => tab?.close());

const teams = (u: (typeof USERS)[keyof typeof USERS], n: number) => ({
  id: `29:user-${n}`,
  aadObjectId: u.objectId,
  name: u.name,
  conversationId: `a:chat-${n}`,
});
const anna = teams(USERS.anna, 1);
const karin = teams(USERS.karin, 2);
const per = teams(USERS.per, 3);
const maria = teams(USERS.maria, 4);
const johan = teams(USERS.johan, 6);

const texts = (card: unknown) =>
  findAll(card, 'TextBlock')
    .map((t) => String(t.text))
    .join('\n');
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `meeting-e2e-${name}.png`), fullPage: true });

async function expectText(loc: Locator, pattern: RegExp): Promise<void> {
  const stop = Date.now() + 15_000;
  let last = '';
  while (Date.now() < stop) {
    last =
      (await loc
        .first()
        .innerText()
        .catch(() => '')) ?? '';
    if (pattern.test(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${String(pattern)}, got: ${last.slice(0, 500)}`);
}

async function post(activity: object) {
  const res = await fetch(`${tab.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  expect(res.status).toBeLessThan(300);
  const body = await res.text();
  return body ? (JSON.parse(body) as { value?: unknown }) : {};
}

it('secretary builds the agenda, chair decides two items, both signers approve, Anna gets the extracts', async () => {
  tab = await startTabApp();
  const url = tab.connector.url;
  tab.connector.rosters.set(
    RUG_TEAM.id,
    [karin, per, maria, johan].map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId })),
  );
  for (const u of [anna, karin, maria]) await post(installActivity(u, url));
  await post(channelMention(johan, 'koppla RUG', url, RUG_CHANNEL));
  const deps = tab.app.deps;
  for (const title of ['Trygg hemgång från sjukhus', 'Måltider och nutrition i hemmet']) {
    const { initiative } = await submitInitiative(deps, USERS.anna, {
      form: validForm({ title }),
      clientKey: `e2e-meeting-${title.length}`,
    });
    await setStance(deps, USERS.per, initiative.id, 'approve');
    await assignPreparer(deps, USERS.sara, initiative.id);
    await proposeDecision(deps, USERS.sara, initiative.id, {
      recommendation: 'bifall',
      rationale: 'Beredningsgruppen tillstyrker.',
    });
  }
  await tab.app.flushOutbox();

  // The secretary calls the meeting; the agenda is proposed from the ready proposals.
  const secretary = (await tab.signIn('Johan Berg', { path: '#/meetings' })).page;
  await secretary.getByRole('heading', { level: 1, name: 'RUG-möten' }).waitFor();
  await secretary.getByLabel('Datum (ÅÅÅÅ-MM-DD)').fill('2026-06-10');
  await secretary.getByLabel('Plats').fill('Regionens hus, Halmstad');
  await secretary.getByRole('button', { name: 'Skapa möte med föreslagen föredragningslista' }).click();
  await secretary.getByRole('heading', { level: 1, name: 'RUG-möte 2026-06-10 kl. 09:00' }).waitFor();
  const agenda = secretary.locator('ol.oh-agenda');
  await expectText(agenda, /1\. OH-\d{4}-\d{4} Trygg hemgång[\s\S]*2\. OH-\d{4}-\d{4} Måltider/);
  // Nutrition first: the secretary reorders.
  await secretary.getByRole('button', { name: /Flytta upp .*Måltider/ }).click();
  await expectText(agenda, /1\. OH-\d{4}-\d{4} Måltider[\s\S]*2\. OH-\d{4}-\d{4} Trygg/);
  for (const name of ['Karin Lund', 'Per Nilsson', 'Maria Ek', 'Johan Berg'])
    await secretary.getByRole('checkbox', { name }).check();
  await secretary.getByLabel('Ordförande', { exact: true }).selectOption({ label: 'Karin Lund' });
  await secretary.getByLabel('Sekreterare', { exact: true }).selectOption({ label: 'Johan Berg' });
  await secretary.getByLabel('Justerare', { exact: true }).selectOption({ label: 'Maria Ek' });
  await secretary.getByRole('button', { name: 'Spara närvaro' }).click();
  await expectText(secretary.getByRole('region', { name: 'Protokoll' }), /Justerare: Maria Ek/);
  await shot(secretary, '1-agenda');
  const meetingId = /#\/meetings\/([^/?]+)/.exec(secretary.url())![1]!;

  // The chair decides both items in the meeting view.
  const chair = (await tab.signIn('Karin Lund', { path: `#/meetings/${meetingId}` })).page;
  for (const title of ['Måltider och nutrition i hemmet', 'Trygg hemgång från sjukhus']) {
    const form = chair.getByRole('form', { name: new RegExp(`Besluta: .*${title}`) });
    await form.getByLabel('Motivering').fill(`RUG ställer sig bakom: ${title}.`);
    await form.getByRole('button', { name: 'Registrera beslut' }).click();
    await form.waitFor({ state: 'detached' });
  }
  await expectText(
    chair.locator('ol.oh-agenda'),
    /§ 1 OH-[\s\S]*Måltider[\s\S]*ej justerat[\s\S]*§ 2 OH-[\s\S]*Trygg/,
  );
  await shot(chair, '2-decided');

  await secretary.reload();
  await secretary.getByRole('button', { name: 'Skicka protokollet på justering' }).click();
  await expectText(secretary.locator('article'), /Ute på justering/);
  await tab.app.flushOutbox();

  // Both signers approve on the cards the bot sent them.
  for (const signer of [karin, maria]) {
    const card = tab.connector
      .cardsTo(signer.conversationId)
      .find((c) => texts(c).includes('Justera protokollet'))!;
    const approve = findAll(card, 'Action.Execute').find((a) => a.verb === 'meeting.approveMinutes')!;
    const answer = await post(
      cardActionActivity(signer, 'meeting.approveMinutes', approve.data as Record<string, unknown>, url),
    );
    expect(texts(answer.value)).toMatch(/Tack! Din justering är registrerad|Protokollet är justerat av båda/);
  }
  await tab.app.flushOutbox();
  const extracts = tab.connector
    .cardsTo(anna.conversationId)
    .map(texts)
    .filter((x) => x.includes('Protokollsutdrag'));
  expect(extracts).toHaveLength(2);
  expect(extracts.join('\n')).toContain('Protokollsutdrag § 1 – RUG 2026-06-10');
  expect(extracts.every((x) => x.includes('Paragrafen är justerad'))).toBe(true);

  await chair.reload();
  await expectText(chair.locator('ol.oh-agenda'), /§ 1 [\s\S]*Paragrafen är justerad/);
  await shot(chair, '3-justered');
});
