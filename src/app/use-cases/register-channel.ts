import type { Person } from '../../domain/initiative/initiative.types';
import { assertMay } from '../../domain/policy/policy';
import type { Locale } from '../../domain/shared/label';
import type { AppDeps } from '../deps';
import { records, writeRecords } from './change-records';
import { viewerFor } from './support';

/** The channel a registration names, as Teams describes where the command was typed. */
export interface ChannelToRegister {
  readonly target: 'rug' | 'beredning';
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly teamId?: string;
  readonly channelId?: string;
  /** Teams' kind of channel: it decides whose roster is the channel's (docs/channel-roster.md). */
  readonly channelType?: 'standard' | 'private' | 'shared';
  readonly locale: Locale;
}

/**
 * Makes a channel the RUG (or preparation) channel: admins only, audited with before and after.
 * Registering another channel moves it (audited again: who moved it, from where).
 */
export async function registerChannel(deps: AppDeps, person: Person, channel: ChannelToRegister) {
  assertMay('register_channel', null, await viewerFor(deps, person));
  const key = `channel:${channel.target}`;
  const conversationId = channel.channelId ?? channel.conversationId;
  const before = await deps.store.conversations.get(key);
  // The same channel again is a replay (or a repeated command): it keeps its registration, so its
  // audit event keeps its id and is written once, however often the save or the audit failed.
  const again = before?.conversationId === conversationId && before.registeredAt !== undefined;
  const registeredAt = again ? before.registeredAt! : deps.clock.now().toISOString();
  const previous = again ? (before.previousConversationId ?? null) : (before?.conversationId ?? null);
  await deps.store.conversations.save({
    key,
    conversationId,
    serviceUrl: channel.serviceUrl,
    tenantId: channel.tenantId,
    conversationType: 'channel',
    ...(channel.teamId ? { teamId: channel.teamId } : {}),
    ...(channel.channelId ? { channelId: channel.channelId } : {}),
    ...(channel.channelType ? { channelType: channel.channelType } : {}),
    locale: channel.locale,
    updatedAt: deps.clock.now().toISOString(),
    registeredAt,
    previousConversationId: previous,
  });
  const changes = records(deps).audit(
    'system:channels',
    'channel_registered',
    person,
    {
      before: { channel: previous },
      after: {
        target: channel.target,
        channel: conversationId,
        teamId: channel.teamId ?? null,
        channelType: channel.channelType ?? null,
      },
    },
    `channel:${channel.target}:${registeredAt}`,
  );
  await writeRecords(deps, changes.pending);
  // Who is in RUG or the preparation group changes with the channel: at once on this instance.
  deps.directory.rolesChanged();
}
