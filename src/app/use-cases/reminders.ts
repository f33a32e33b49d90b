import type { AppDeps } from '../deps';
import type { Notification } from '../ports/outbox.port';
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
 * Queues reminders and the weekly digest. Notification ids are derived from what they are about, and
 * the outbox keeps one entry per id, so running this on several instances, or every minute, never
 * sends a reminder twice.
 */
export async function queueReminders(
  deps: AppDeps,
  settings: ReminderSettings,
): Promise<{ reminders: number; digest: boolean }> {
  const now = deps.clock.now();
  const due = (n: Omit<Notification, 'createdAt'>) =>
    deps.store.outbox.enqueue({ ...n, createdAt: now.toISOString() });
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
    for (const member of members.filter((m) => !acted.has(m.objectId))) {
      await due({
        id: `reminder:${initiative.id}:${member.objectId}`,
        kind: 'stance_reminder',
        initiativeId: initiative.id,
        recipient: { type: 'user', objectId: member.objectId },
        data: {},
      });
      reminders++;
    }
  }
  const weekday = now.getUTCDay() || 7;
  const digest = weekday === settings.digestWeekday;
  if (digest) {
    await due({
      id: `digest:${isoWeek(now)}`,
      kind: 'weekly_digest',
      initiativeId: '',
      recipient: { type: 'channel', key: 'rug' },
      data: {},
    });
  }
  return { reminders, digest };
}
