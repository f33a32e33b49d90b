import type { Person } from '../../domain/initiative/initiative.types';
import { assertMay } from '../../domain/policy/policy';
import type { Locale } from '../../domain/shared/label';
import type { AppDeps } from '../deps';
import { records } from './change-records';
import { viewerFor } from './support';

/** The channel a registration names, as Teams describes where the command was typed. */
export interface ChannelToRegister {
  readonly target: 'rug' | 'beredning';
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly teamId?: string;
  readonly channelId?: string;
  readonly locale: Locale;
}

/**
 * Makes a channel the RUG (or preparation) channel: admins only, audited with before and after.
 * Registering again moves it (and is audited again: who moved it, from where).
 */
export async function registerChannel(deps: AppDeps, person: Person, channel: ChannelToRegister) {
  assertMay('register_channel', null, await viewerFor(deps, person));
  const key = `channel:${channel.target}`;
  const conversationId = channel.channelId ?? channel.conversationId;
  const before = await deps.store.conversations.get(key);
  await deps.store.conversations.save({
    key,
    conversationId,
    serviceUrl: channel.serviceUrl,
    tenantId: channel.tenantId,
    conversationType: 'channel',
    ...(channel.teamId ? { teamId: channel.teamId } : {}),
    ...(channel.channelId ? { channelId: channel.channelId } : {}),
    locale: channel.locale,
    updatedAt: deps.clock.now().toISOString(),
  });
  await records(deps)
    .audit('system:channels', 'channel_registered', person, {
      before: { channel: before?.conversationId ?? null },
      after: { target: channel.target, channel: conversationId, teamId: channel.teamId ?? null },
    })
    .write();
}
