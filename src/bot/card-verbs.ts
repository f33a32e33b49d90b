import { MEETING_VERBS } from './meeting-verbs';
/** Every Action.Execute verb the bot understands, declared once and routed on as a union. */
export const PERSONAL_VERBS = [
  'initiative.submit',
  'initiative.saveDraft',
  'initiative.edit',
  'initiative.withdraw',
] as const;
export const CHANNEL_VERBS = [
  'rug.approve',
  'rug.decline',
  'rug.jav',
  'rug.refresh',
  'rug.decide',
  'prep.assign',
  'prep.return',
  'prep.propose',
  'prep.revise',
  'impl.followUp',
  'impl.close',
] as const;
/** The admin's roles card in personal chat (`roller`). */
export const ROLE_VERBS = ['roles.grant', 'roles.end'] as const;
export const CARD_VERBS = [...PERSONAL_VERBS, ...CHANNEL_VERBS, ...MEETING_VERBS, ...ROLE_VERBS] as const;

export type PersonalVerb = (typeof PERSONAL_VERBS)[number];
export type ChannelVerb = (typeof CHANNEL_VERBS)[number];
export type RoleVerb = (typeof ROLE_VERBS)[number];
export type CardVerb = (typeof CARD_VERBS)[number];

export function isCardVerb(value: unknown): value is CardVerb {
  return typeof value === 'string' && (CARD_VERBS as readonly string[]).includes(value);
}

export function isChannelVerb(value: CardVerb): value is ChannelVerb {
  return (CHANNEL_VERBS as readonly string[]).includes(value);
}

export function isRoleVerb(value: CardVerb): value is RoleVerb {
  return (ROLE_VERBS as readonly string[]).includes(value);
}
