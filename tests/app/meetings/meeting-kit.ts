import { assignPreparer, proposeDecision } from '../../../src/app/use-cases/preparation';
import { setStance } from '../../../src/app/use-cases/set-stance';
import { submitInitiative } from '../../../src/app/use-cases/submit-initiative';
import { createMeeting } from '../../../src/app/use-cases/meetings/create-meeting';
import { setAttendance } from '../../../src/app/use-cases/meetings/attendance';
import { validForm } from '../../support/fixtures';
import { person, testDeps, type TestDeps } from '../../support/app-deps';

/** The people of the meeting tests, with their RUG roles in the fake directory. */
export function meetingWorld() {
  const deps: TestDeps = testDeps();
  const people = {
    anna: person('Anna Andersson'),
    karin: person('Karin Lund'),
    johan: person('Johan Berg'),
    per: person('Per Nilsson'),
    maria: person('Maria Ek'),
    sara: person('Sara Holm'),
  };
  const roles = deps.directory.roles;
  roles.set(people.karin.objectId, ['rug_member', 'rug_chair']);
  roles.set(people.johan.objectId, ['rug_member', 'rug_secretary']);
  roles.set(people.per.objectId, ['rug_member']);
  roles.set(people.maria.objectId, ['rug_member']);
  roles.set(people.sara.objectId, ['beredning']);
  for (const p of Object.values(people)) deps.directory.names.set(p.objectId, p.name);

  let n = 0;
  /** An initiative by Anna, approved by Per and prepared by Sara up to a ready proposal. */
  async function readyInitiative(title: string) {
    n += 1;
    const { initiative } = await submitInitiative(deps, people.anna, {
      form: validForm({ title }),
      clientKey: `meet-${String(n).padStart(5, '0')}`,
    });
    await setStance(deps, people.per, initiative.id, 'approve');
    await assignPreparer(deps, people.sara, initiative.id);
    deps.clock.advance(60_000);
    return proposeDecision(deps, people.sara, initiative.id, {
      recommendation: 'bifall',
      rationale: `Beredningsgruppen tillstyrker ${title}.`,
      responsibleId: 'varberg',
    });
  }

  /** A meeting with the proposed agenda and full attendance: Karin chairs, Maria adjusts. */
  async function heldMeeting(date = '2026-04-15') {
    const meeting = await createMeeting(deps, people.johan, {
      clientKey: `meeting-${date}-${n}`,
      date,
      time: '09:00',
      place: 'Regionens hus, Halmstad',
    });
    return setAttendance(deps, people.johan, meeting.id, {
      presentIds: [people.karin, people.johan, people.per, people.maria].map((p) => p.objectId),
      chairId: people.karin.objectId,
      secretaryId: people.johan.objectId,
      adjusterId: people.maria.objectId,
    });
  }

  const queued = async () =>
    (await deps.store.outbox.due(new Date('2030-01-01'), 500)).map((e) => e.notification);

  return { deps, people, readyInitiative, heldMeeting, queued };
}

export const bifall = {
  outcome: 'bifall' as const,
  rationale: 'Enligt förslaget.',
  responsibleId: 'varberg',
};
