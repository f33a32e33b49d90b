/**
 * Justering through Teams, at protocol level: the real app delivers the agenda card to the RUG
 * channel and justering cards to the chair and the adjuster; their Action.Execute invokes sign the
 * minutes; when both have signed, the initiator's chat gets the protokollsutdrag.
 */
import { decideItem } from '../../src/app/use-cases/meetings/decide-item';
import { createMeeting } from '../../src/app/use-cases/meetings/create-meeting';
import { setAttendance } from '../../src/app/use-cases/meetings/attendance';
import { sendForJustering } from '../../src/app/use-cases/meetings/justering';
import { assignPreparer, proposeDecision } from '../../src/app/use-cases/preparation';
import { setStance } from '../../src/app/use-cases/set-stance';
import { submitInitiative } from '../../src/app/use-cases/submit-initiative';
import {
  RUG_CHANNEL,
  TENANT,
  cardActionActivity,
  channelMention,
  installActivity,
  teamsUser,
} from '../support/teams-activities';
import { startTestApp, type TestApp } from '../support/running-app';
import { FakeDirectory } from '../support/app-deps';
import { findAll } from '../support/card-check';
import { validForm } from '../support/fixtures';

const anna = teamsUser('Anna Andersson', 1);
const johan = teamsUser('Johan Berg', 2);
const karin = teamsUser('Karin Lund', 3);
const maria = teamsUser('Maria Ek', 5);
const per = teamsUser('Per Nilsson', 6);
const sara = teamsUser('Sara Holm', 4);
const asPerson = (u: typeof anna) => ({ objectId: u.aadObjectId, tenantId: TENANT, name: u.name });
const texts = (card: unknown) =>
  findAll(card, 'TextBlock')
    .map((t) => String(t.text))
    .join('\n');

describe('justering by card', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('both signers approve on their cards; the minutes lock and Anna gets the extract', async () => {
    t = await startTestApp({ ADMIN_IDS: johan.aadObjectId });
    for (const u of [anna, karin, maria, per, johan]) await t.post(installActivity(u, t.connector.url));
    await t.post(channelMention(johan, 'koppla RUG', t.connector.url, RUG_CHANNEL));
    const directory = new FakeDirectory();
    directory.roles.set(karin.aadObjectId, ['rug_member', 'rug_chair']);
    directory.roles.set(johan.aadObjectId, ['rug_member', 'rug_secretary']);
    directory.roles.set(maria.aadObjectId, ['rug_member']);
    directory.roles.set(per.aadObjectId, ['rug_member']);
    directory.roles.set(sara.aadObjectId, ['beredning']);
    for (const u of [karin, johan, maria, per]) directory.names.set(u.aadObjectId, u.name);
    const deps = { ...t.app.deps, directory };
    const { initiative } = await submitInitiative(deps, asPerson(anna), {
      form: validForm(),
      clientKey: 'justering-001',
    });
    await setStance(deps, asPerson(per), initiative.id, 'approve');
    await assignPreparer(deps, asPerson(sara), initiative.id);
    await proposeDecision(deps, asPerson(sara), initiative.id, {
      recommendation: 'bifall',
      rationale: 'Tillstyrks.',
    });
    const meeting = await createMeeting(deps, asPerson(johan), {
      clientKey: 'justering-meeting-1',
      date: '2026-04-15',
      time: '09:00',
      place: 'Regionens hus',
    });
    await setAttendance(deps, asPerson(johan), meeting.id, {
      presentIds: [karin, johan, maria, per].map((u) => u.aadObjectId),
      chairId: karin.aadObjectId,
      secretaryId: johan.aadObjectId,
      adjusterId: maria.aadObjectId,
    });
    await decideItem(deps, asPerson(karin), meeting.id, meeting.agenda[0]!.id, {
      outcome: 'bifall',
      rationale: 'Enligt förslaget.',
    });
    await sendForJustering(deps, asPerson(johan), meeting.id);
    await t.app.flushOutbox();

    const channel = t.connector.cardsTo(RUG_CHANNEL);
    expect(channel.some((c) => texts(c).includes('RUG-möte 2026-04-15 kl. 09:00'))).toBe(true);
    const decided = t.connector.cardsTo(anna.conversationId).map(texts).join('\n');
    expect(decided).toContain('§ 1, ej justerat');
    const karinCard = t.connector.cardsTo(karin.conversationId).at(-1)!;
    expect(texts(karinCard)).toContain('Du är ordförande för mötet');
    const approve = findAll(karinCard, 'Action.Execute').find((a) => a.verb === 'meeting.approveMinutes')!;
    // The meeting's id and the fingerprint of the minutes shown, nothing else.
    expect(approve.data).toEqual({ meetingId: meeting.id, shown: expect.any(String) });

    // Per is neither chair nor adjuster: a forwarded card does not let him sign.
    const refused = await t.post(
      cardActionActivity(per, 'meeting.approveMinutes', { meetingId: meeting.id }, t.connector.url),
    );
    expect(texts(refused.body.value)).toContain('Bara mötets ordförande och justerare justerar protokollet.');

    // The adjuster first sends a comment back from her card; the secretary gets it in his chat.
    const comment = await t.post(
      cardActionActivity(
        maria,
        'meeting.commentMinutes',
        { meetingId: meeting.id, comment: 'Närvarolistan saknar Per.' },
        t.connector.url,
      ),
    );
    expect(texts(comment.body.value)).toContain('Kommentaren är skickad till sekreteraren.');
    await t.app.flushOutbox();
    const toJohan = t.connector.cardsTo(johan.conversationId).map(texts).join('\n');
    expect(toJohan).toContain('Kommentar på protokollet – RUG 2026-04-15');
    expect(toJohan).toContain('Maria Ek: Närvarolistan saknar Per.');
    expect((await t.app.deps.store.meetings.get(meeting.id))?.status).toBe('held');
    await sendForJustering(deps, asPerson(johan), meeting.id);
    await t.app.flushOutbox();

    const first = await t.post(
      cardActionActivity(karin, 'meeting.approveMinutes', { meetingId: meeting.id }, t.connector.url),
    );
    expect(texts(first.body.value)).toContain('Tack! Din justering är registrerad.');
    expect(findAll(first.body.value, 'Action.Execute')).toHaveLength(0);
    await t.app.flushOutbox();
    expect(t.connector.cardsTo(anna.conversationId).map(texts).join('\n')).not.toContain('Protokollsutdrag');

    const mariaCard = t.connector.cardsTo(maria.conversationId).at(-1)!;
    expect(texts(mariaCard)).toContain('Du är justerare för mötet');
    const second = await t.post(
      cardActionActivity(maria, 'meeting.approveMinutes', { meetingId: meeting.id }, t.connector.url),
    );
    expect(texts(second.body.value)).toContain('Protokollet är justerat av båda och låst.');
    await t.app.flushOutbox();
    const extract = t.connector.cardsTo(anna.conversationId).at(-1)!;
    expect(texts(extract)).toContain('Protokollsutdrag § 1 – RUG 2026-04-15');
    expect(texts(extract)).toContain('RUG beslutar att bifalla initiativet.');
    expect(texts(extract)).toContain('Paragrafen är justerad');
    expect((await t.app.deps.store.meetings.get(meeting.id))?.status).toBe('justered');
    // The justered minutes and the extract are filed with the records, and the channel is told.
    const folder = `rug-2026/2026-04-15-${meeting.id.slice(0, 8)}`;
    for (const name of [
      'protokoll-2026-04-15.pdf',
      'protokoll-2026-04-15.docx',
      'protokollsutdrag-paragraf-1.pdf',
    ])
      expect([name, await t.app.deps.store.documents.has(`${folder}/${name}`)]).toEqual([name, true]);
    expect(t.connector.cardsTo(RUG_CHANNEL).map(texts).join('\n')).toContain(
      'Protokollet från RUG-mötet 2026-04-15 är justerat',
    );
  });
});
