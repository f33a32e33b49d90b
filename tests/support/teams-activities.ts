/**
 * Activities shaped the way Teams sends them to a bot (personal scope), for in-process tests.
 * Field names and nesting follow real Teams payloads: channelData.tenant, from.aadObjectId,
 * conversation.conversationType, invoke name adaptiveCard/action with value.action.verb/data.
 */
export const TENANT = '11111111-1111-1111-1111-111111111111';
export const BOT_ID = '28:00000000-0000-0000-0000-00000000a11d';

export interface TeamsUser {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly conversationId: string;
}

export function teamsUser(name: string, n: number): TeamsUser {
  const hex = n.toString(16).padStart(12, '0');
  return {
    id: `29:1user${n}`,
    aadObjectId: `aaaaaaaa-0000-0000-0000-${hex}`,
    name,
    conversationId: `a:1personal-chat-${n}`,
  };
}

let seq = 0;

function base(user: TeamsUser, serviceUrl: string, locale: string) {
  return {
    id: `1700000000${++seq}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    locale,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: BOT_ID, name: 'Omtanke Halland' },
    conversation: { conversationType: 'personal', tenantId: TENANT, id: user.conversationId },
    channelData: { tenant: { id: TENANT } },
    entities: [{ type: 'clientInfo', locale, country: 'SE', platform: 'Web', timezone: 'Europe/Stockholm' }],
  };
}

export function messageActivity(user: TeamsUser, text: string, serviceUrl: string, locale = 'sv-SE') {
  return { ...base(user, serviceUrl, locale), type: 'message', text, textFormat: 'plain' };
}

export function installActivity(user: TeamsUser, serviceUrl: string, locale = 'sv-SE') {
  return { ...base(user, serviceUrl, locale), type: 'installationUpdate', action: 'add' };
}

export function botAddedActivity(user: TeamsUser, serviceUrl: string, locale = 'sv-SE') {
  return {
    ...base(user, serviceUrl, locale),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT_ID }],
    channelData: { tenant: { id: TENANT }, eventType: 'conversationUpdate' },
  };
}

export function cardActionActivity(
  user: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
  serviceUrl: string,
  locale = 'sv-SE',
  replyToId = 'card-activity-1',
) {
  return {
    ...base(user, serviceUrl, locale),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** A RUG team with its General channel, as Teams describes it in channelData. */
export const RUG_TEAM = { id: '19:rug-team-general@thread.tacv2', name: 'RUG God och nära vård' };
export const RUG_CHANNEL = '19:rug-team-general@thread.tacv2';
export const BEREDNING_CHANNEL = '19:beredning@thread.tacv2';

function channelBase(
  user: TeamsUser,
  serviceUrl: string,
  channelId: string,
  messageId: string,
  locale: string,
) {
  return {
    id: `1700000000${++seq}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: BOT_ID, name: 'Omtanke Halland' },
    conversation: {
      conversationType: 'channel',
      isGroup: true,
      tenantId: TENANT,
      id: `${channelId};messageid=${messageId}`,
    },
    channelData: {
      teamsChannelId: channelId,
      teamsTeamId: RUG_TEAM.id,
      channel: { id: channelId },
      team: { id: RUG_TEAM.id },
      tenant: { id: TENANT },
    },
  };
}

/** "@Omtanke Halland <text>" posted in a team channel (the bot only hears channel posts that mention it). */
export function channelMention(
  user: TeamsUser,
  text: string,
  serviceUrl: string,
  channelId = RUG_CHANNEL,
  locale = 'sv-SE',
) {
  const mention = '<at>Omtanke Halland</at>';
  return {
    ...channelBase(user, serviceUrl, channelId, `17000${++seq}`, locale),
    type: 'message',
    text: `${mention} ${text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', mentioned: { id: BOT_ID, name: 'Omtanke Halland' }, text: mention }],
  };
}

/** Action.Execute on a card posted in a channel. */
export function channelCardAction(
  user: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
  serviceUrl: string,
  cardActivityId: string,
  channelId = RUG_CHANNEL,
  locale = 'sv-SE',
) {
  return {
    ...channelBase(user, serviceUrl, channelId, cardActivityId, locale),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: cardActivityId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** The app added to a team: Teams sends installationUpdate in the team's General channel. */
export function teamInstallActivity(user: TeamsUser, serviceUrl: string, locale = 'sv-SE') {
  return {
    ...channelBase(user, serviceUrl, RUG_CHANNEL, `17000${++seq}`, locale),
    conversation: { conversationType: 'channel', isGroup: true, tenantId: TENANT, id: RUG_CHANNEL },
    type: 'installationUpdate',
    action: 'add',
  };
}
