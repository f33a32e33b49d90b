import { isoWeek, queueReminders } from '../../src/app/use-cases/reminders';
import { setStance } from '../../src/app/use-cases/set-stance';
import { submitInitiative } from '../../src/app/use-cases/submit-initiative';
import { validForm } from '../support/fixtures';
import { person, testDeps } from '../support/app-deps';

describe('reminders and the weekly digest', () => {
  it('reminds each RUG member once about a review that has waited N days, and sends one digest a week', async () => {
    const deps = testDeps(); // 2026-03-02 is a Monday
    const members = [person('Karin Lund'), person('Per Nilsson'), person('Maria Ek')];
    for (const m of members) deps.directory.roles.set(m.objectId, ['rug_member']);
    const anna = person('Anna Andersson');
    const { initiative } = await submitInitiative(deps, anna, { form: validForm(), clientKey: 'rem-00001' });
    await setStance(deps, members[0]!, initiative.id, 'decline');
    const settings = { reviewAfterDays: 5, digestWeekday: 1 };
    await deps.store.conversations.save({
      key: 'channel:rug',
      conversationId: '19:rug@thread.tacv2',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      tenantId: 't',
      conversationType: 'channel',
      updatedAt: deps.clock.now().toISOString(),
    });

    expect(await queueReminders(deps, settings)).toEqual({ reminders: 0, digest: true });
    // The job runs every quarter of an hour: the same day queues no second digest.
    expect(await queueReminders(deps, settings)).toEqual({ reminders: 0, digest: false });
    deps.clock.advance(4 * 24 * 3600_000); // Friday: too early
    expect((await queueReminders(deps, settings)).reminders).toBe(0);
    deps.clock.advance(24 * 3600_000); // five days
    const writes = () => deps.store.initiatives.get(initiative.id).then((i) => i!.version);
    expect((await queueReminders(deps, settings)).reminders).toBe(2);
    const version = await writes();
    // Once queued, later runs queue nothing and write nothing (on SharePoint: no refused POSTs).
    expect((await queueReminders(deps, settings)).reminders).toBe(0);
    expect(await writes()).toBe(version);
    deps.clock.advance(2 * 24 * 3600_000); // the next Monday
    await queueReminders(deps, settings);

    const due = (await deps.store.outbox.due(new Date('2030-01-01'), 100)).map((e) => e.notification);
    const reminders = due.filter((n) => n.kind === 'stance_reminder');
    expect(
      reminders.map((n) => n.recipient).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual(
      [members[1]!, members[2]!]
        .map((m) => ({ type: 'user', objectId: m.objectId }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    expect(due.filter((n) => n.kind === 'weekly_digest').map((n) => n.id)).toEqual([
      'digest:2026-W10',
      'digest:2026-W11',
    ]);
    await deps.store.close();
  });

  it('names ISO weeks correctly around the new year', () => {
    expect(isoWeek(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2026-11-23T12:00:00Z'))).toBe('2026-W48');
  });
});
