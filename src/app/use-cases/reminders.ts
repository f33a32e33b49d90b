import type { AppDeps } from '../deps';
import { records } from './change-records';
import { commit } from './commit';
import { SYSTEM_VIEWER } from '../ports/query-model.port';

const DAY = 24 * 3600_000;

/** ISO week label, e.g. 2026-W48: the weekly digest's identity. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / DAY + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export interface ReminderSettings {
  /** Remind a RUG member once when a review has waited this many days for their stance. */
  readonly reviewAfterDays: number;
  /** Day of week for the weekly digest (1 = Monday … 7 = Sunday). */
  readonly digestWeekday: number;
}

/**
 * Queues reminders and the weekly digest. Each member is reminded once per review (noted on the
 * initiative with the reminders, in one write) and the digest once a week (its id is the week, and
 * the RUG channel notes it), so running this on several instances, or every minute, never sends one
 * twice nor asks the store for what it already has.
 */
export async function queueReminders(
  deps: AppDeps,
  settings: ReminderSettings,
): Promise<{ reminders: number; digest: boolean }> {
  const now = deps.clock.now();
  let reminders = 0;
  const members = await deps.directory.rugMembers();
  // Who has voted comes with each row from the query model: no stance read per initiative.
  const waiting = (
    await deps.store.queries.rows({ viewerId: SYSTEM_VIEWER, statuses: ['submitted'] })
  ).filter(
    ({ initiative: i }) =>
      i.submittedAt && now.getTime() - Date.parse(i.submittedAt) >= settings.reviewAfterDays * DAY,
  );
  for (const { initiative, stanceMemberIds } of waiting) {
    const acted = new Set(stanceMemberIds);
    const reminded = new Set(initiative.remindedMemberIds ?? []);
    const todo = members.filter((m) => !acted.has(m.objectId) && !reminded.has(m.objectId));
    if (todo.length === 0) continue; // nothing new: no write, so no request, on every later run
    // The reminders are queued with the note of who was reminded, in one write: each member is
    // reminded once, and a later run asks the store for nothing it already queued.
    const result = await commit(
      deps,
      initiative.id,
      (current) => {
        const already = new Set(current.remindedMemberIds ?? []);
        const fresh = todo.filter((m) => !already.has(m.objectId));
        if (current.status !== 'submitted' || fresh.length === 0) return null;
        const changes = records(deps);
        for (const m of fresh) {
          changes.notify({
            kind: 'stance_reminder',
            initiativeId: current.id,
            recipient: { type: 'user', objectId: m.objectId },
            data: {},
          });
        }
        return {
          next: { ...current, remindedMemberIds: [...already, ...fresh.map((m) => m.objectId)] },
          records: changes,
        };
      },
      initiative,
    ).catch((err: unknown) => {
      deps.log.warn('reminders for an initiative could not be queued; the next run tries again', {
        initiativeId: initiative.id,
        err,
      });
      return null;
    });
    if (result) reminders += (result.after.remindedMemberIds?.length ?? 0) - reminded.size;
  }
  const weekday = now.getUTCDay() || 7;
  const week = isoWeek(now);
  const rug = weekday === settings.digestWeekday ? await deps.store.conversations.get('channel:rug') : null;
  // Queued once a week: the RUG channel's reference notes the last week queued, so the runs that
  // follow that day cost one read, not a refused write each.
  const digest = rug !== null && rug.lastDigestWeek !== week;
  if (rug && digest) {
    await deps.store.outbox.enqueue({
      id: `digest:${week}`,
      kind: 'weekly_digest',
      initiativeId: '',
      recipient: { type: 'channel', key: 'rug' },
      data: {},
      createdAt: now.toISOString(),
    });
    await deps.store.conversations.save({ ...rug, lastDigestWeek: week });
  }
  return { reminders, digest };
}
