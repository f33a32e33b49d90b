import {
  cardActionActivity,
  messageActivity,
  botAddedActivity,
  installActivity,
  teamsUser,
} from '../support/teams-activities';
import { startTestApp, type TestApp } from '../support/running-app';
import { findAll } from '../support/card-check';
import { cardDataFor, validForm } from '../support/fixtures';

const anna = teamsUser('Anna Andersson', 1);

const cardData = cardDataFor;

function text(card: unknown): string {
  return findAll(card, 'TextBlock')
    .map((t) => String(t.text))
    .join('\n');
}

describe('personal chat with real Teams payloads', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('greets on install in Swedish with the three buttons and remembers the conversation', async () => {
    expect((await t.post(installActivity(anna, t.connector.url))).status).toBe(200);
    expect((await t.post(botAddedActivity(anna, t.connector.url))).status).toBe(200);
    const cards = t.connector.cardsTo(anna.conversationId);
    expect(cards).toHaveLength(1);
    expect(text(cards[0])).toContain('Hej! Här lämnar du gemensamma initiativ');
    const buttons = findAll(cards[0], 'Action.Submit').map((a) => a.title);
    expect(buttons).toEqual(['Nytt initiativ', 'Mina initiativ', 'Hjälp']);
    const ref = await t.app.deps.store.conversations.get(`user:${anna.aadObjectId}`);
    expect(ref).toMatchObject({
      conversationId: anna.conversationId,
      serviceUrl: t.connector.url,
      conversationType: 'personal',
    });
  });

  it('answers help in English when Teams says English', async () => {
    await t.post(messageActivity(anna, 'Help', t.connector.url, 'en-US'));
    const [card] = t.connector.cardsTo(anna.conversationId);
    expect(text(card)).toContain('Hi! This is where you submit joint initiatives');
  });

  it('prefills the contact person from the Teams member record', async () => {
    t.connector.rosters.set(anna.conversationId, [
      { id: anna.id, name: anna.name, aadObjectId: anna.aadObjectId, email: 'anna.andersson@varberg.se' },
    ]);
    await t.post(messageActivity(anna, 'nytt initiativ', t.connector.url));
    const [card] = t.connector.cardsTo(anna.conversationId);
    const inputs = Object.fromEntries(findAll(card, 'Input.Text').map((i) => [i.id, i.value]));
    expect(inputs).toMatchObject({
      contactName: 'Anna Andersson',
      contactEmail: 'anna.andersson@varberg.se',
    });
  });

  it('understands commands case- and accent-insensitively, and never stays silent', async () => {
    await t.post(messageActivity(anna, 'HJALP', t.connector.url));
    await t.post(messageActivity(anna, 'Nytt Initiativ', t.connector.url));
    await t.post(messageActivity(anna, 'vad är klockan?', t.connector.url));
    await t.post(messageActivity(anna, 'status OH-2026-0099', t.connector.url));
    const cards = t.connector.cardsTo(anna.conversationId);
    expect(cards).toHaveLength(4);
    expect(text(cards[0])).toContain('Hej!');
    expect(findAll(cards[1], 'Action.Execute').map((a) => a.verb)).toEqual([
      'initiative.submit',
      'initiative.saveDraft',
    ]);
    expect(text(cards[2])).toContain('Jag förstod inte riktigt');
    expect(text(cards[3])).toContain('OH-2026-0099');
  });

  it('sends back the form with every value kept and messages beside the fields, storing nothing', async () => {
    const bad = cardData(validForm({ title: '', organisationIds: ['varberg'] }), {
      clientKey: 'key-00000001',
      background: 'Brukaren 19121212-1212 föll.',
    });
    const res = await t.post(cardActionActivity(anna, 'initiative.submit', bad, t.connector.url));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const card = res.body.value;
    const inputs = Object.fromEntries(
      [...findAll(card, 'Input.Text'), ...findAll(card, 'Input.ChoiceSet')].map((i) => [i.id, i.value]),
    );
    expect(inputs.background).toBe('Brukaren 19121212-1212 föll.');
    expect(inputs.description).toBe(validForm().description);
    expect(inputs.organisationIds).toBe('varberg');
    const all = text(card);
    expect(all).toContain('Rätta följande innan du skickar');
    expect(all).toContain('personnummer');
    expect(all).toContain('både Region Halland och minst en kommun');
    expect(await t.app.deps.store.initiatives.list({ by: 'all' })).toMatchObject({ items: [] });
  });

  it('submits once even when Skicka is pressed twice, with identity from the activity', async () => {
    // As Teams sends it: no similarChecked flag, so the second click must be recognised as a repeat
    // before any similarity check (which would otherwise find the first click's initiative).
    const data = cardData(validForm(), { clientKey: 'key-00000002' });
    const first = await t.post(cardActionActivity(anna, 'initiative.submit', data, t.connector.url));
    const second = await t.post(cardActionActivity(anna, 'initiative.submit', data, t.connector.url));
    for (const res of [first, second]) {
      expect(text(res.body.value)).toContain('Tack! Ditt initiativ är inskickat');
      expect(JSON.stringify(res.body.value)).toMatch(/OH-\d{4}-0001/);
    }
    const { items } = await t.app.deps.store.initiatives.list({ by: 'all' });
    expect(items).toHaveLength(1);
    expect(items[0]!.initiator).toEqual({
      objectId: anna.aadObjectId,
      tenantId: expect.any(String),
      name: 'Anna Andersson',
    });
    const confirmation = JSON.stringify(first.body.value);
    expect(confirmation).toContain(items[0]!.ref!);
    expect(confirmation).toContain('en ledamot i RUG behöver godkänna');
    expect(findAll(first.body.value, 'Action.OpenUrl')[0]!.url).toContain(encodeURIComponent(items[0]!.ref!));
  });

  it('keeps a sent initiative valid: no “save draft” on it, and a draft save is refused', async () => {
    await t.post(
      cardActionActivity(
        anna,
        'initiative.submit',
        cardData(validForm(), { clientKey: 'key-sent-001', similarChecked: 'true' }),
        t.connector.url,
      ),
    );
    const [sent] = (await t.app.deps.store.initiatives.list({ by: 'all' })).items;
    const edit = await t.post(
      cardActionActivity(anna, 'initiative.edit', { initiativeId: sent!.id }, t.connector.url),
    );
    expect(findAll(edit.body.value, 'Action.Execute').map((a) => a.verb)).toEqual(['initiative.submit']);
    const stripped = cardData(validForm({ organisationIds: ['varberg'], targetGroupIds: [] }), {
      clientKey: 'key-sent-002',
    });
    const draft = await t.post(
      cardActionActivity(
        anna,
        'initiative.saveDraft',
        { ...stripped, initiativeId: sent!.id },
        t.connector.url,
      ),
    );
    expect(text(draft.body.value)).toContain('Spara ändringarna med Skicka');
    const submitStripped = await t.post(
      cardActionActivity(anna, 'initiative.submit', { ...stripped, initiativeId: sent!.id }, t.connector.url),
    );
    expect(text(submitStripped.body.value)).toContain('både Region Halland och minst en kommun');
    expect((await t.app.deps.store.initiatives.get(sent!.id))?.form.organisationIds).toEqual([
      'region-halland',
      'varberg',
    ]);
  });

  it('ignores identity and status smuggled into card data', async () => {
    const data = cardData(validForm(), {
      clientKey: 'key-00000003',
      similarChecked: 'true',
      initiator: { objectId: 'someone-else' },
      status: 'approved',
      aadObjectId: 'x',
    });
    await t.post(cardActionActivity(anna, 'initiative.submit', data, t.connector.url));
    const { items } = await t.app.deps.store.initiatives.list({ by: 'all' });
    expect(items[0]).toMatchObject({ status: 'submitted', initiator: { objectId: anna.aadObjectId } });
  });

  it('shows similar initiatives before sending and sends on “Skicka ändå”', async () => {
    const bo = teamsUser('Bo Ek', 2);
    await t.post(
      cardActionActivity(
        bo,
        'initiative.submit',
        cardData(validForm(), { clientKey: 'key-bo-0001', similarChecked: 'true' }),
        t.connector.url,
      ),
    );
    const mine = cardData(validForm(), { clientKey: 'key-anna-001' });
    const first = await t.post(cardActionActivity(anna, 'initiative.submit', mine, t.connector.url));
    expect(text(first.body.value)).toContain('Det finns liknande initiativ');
    expect(text(first.body.value)).toContain('Bo Ek');
    const again = findAll(first.body.value, 'Action.Execute').find((a) => a.verb === 'initiative.submit')!;
    expect(again.title).toBe('Skicka ändå');
    const second = await t.post(
      cardActionActivity(anna, 'initiative.submit', { ...mine, ...(again.data as object) }, t.connector.url),
    );
    expect(text(second.body.value)).toContain('Tack!');
    expect((await t.app.deps.store.initiatives.list({ by: 'all' })).items).toHaveLength(2);
  });

  it('saves a draft, lists it under Mina initiativ, reopens it and sends it', async () => {
    const draftData = cardData(validForm({ followUpPlan: '' }), { clientKey: 'key-draft-01' });
    const saved = await t.post(cardActionActivity(anna, 'initiative.saveDraft', draftData, t.connector.url));
    expect(text(saved.body.value)).toContain('Utkastet är sparat');
    await t.post(messageActivity(anna, 'mina initiativ', t.connector.url));
    const list = t.connector.cardsTo(anna.conversationId).at(-1)!;
    expect(text(list)).toContain('Utkast');
    const cont = findAll(list, 'Action.Execute').find((a) => a.verb === 'initiative.edit')!;
    expect(cont.title).toBe('Fortsätt');
    const opened = await t.post(
      cardActionActivity(anna, 'initiative.edit', cont.data as Record<string, unknown>, t.connector.url),
    );
    const submit = findAll(opened.body.value, 'Action.Execute').find((a) => a.verb === 'initiative.submit')!;
    const sent = await t.post(
      cardActionActivity(
        anna,
        'initiative.submit',
        { ...cardData(validForm()), ...(submit.data as object), similarChecked: 'true' },
        t.connector.url,
      ),
    );
    expect(text(sent.body.value)).toContain('Tack!');
    const { items } = await t.app.deps.store.initiatives.list({ by: 'all' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'submitted', clientKey: 'key-draft-01' });
  });

  it('lets the initiator withdraw a sent initiative from the list, and no one else', async () => {
    await t.post(
      cardActionActivity(
        anna,
        'initiative.submit',
        cardData(validForm(), { clientKey: 'key-wd-0001', similarChecked: 'true' }),
        t.connector.url,
      ),
    );
    const [initiative] = (await t.app.deps.store.initiatives.list({ by: 'all' })).items;
    const bo = teamsUser('Bo Ek', 2);
    const refused = await t.post(
      cardActionActivity(bo, 'initiative.withdraw', { initiativeId: initiative!.id }, t.connector.url),
    );
    expect(text(refused.body.value)).toMatch(/behörighet/);
    const done = await t.post(
      cardActionActivity(anna, 'initiative.withdraw', { initiativeId: initiative!.id }, t.connector.url),
    );
    expect(text(done.body.value)).toContain('Initiativet är återkallat');
    expect((await t.app.deps.store.initiatives.get(initiative!.id))?.status).toBe('withdrawn');
  });
});

describe('tenant allow-list and local-mode safety', () => {
  it('refuses users from tenants that are not allowed', async () => {
    const t = await startTestApp({ ALLOWED_TENANTS: '22222222-2222-2222-2222-222222222222' });
    try {
      await t.post(messageActivity(anna, 'nytt initiativ', t.connector.url));
      const [card] = t.connector.cardsTo(anna.conversationId);
      expect(text(card)).toContain('Din organisation har inte tillgång');
    } finally {
      await t.close();
    }
  });
});
