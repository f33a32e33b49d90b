/** Every Action.Execute verb the bot understands, declared once and routed on as a union. */
export const CARD_VERBS = [
  'initiative.submit',
  'initiative.saveDraft',
  'initiative.edit',
  'initiative.withdraw',
] as const;

export type CardVerb = (typeof CARD_VERBS)[number];

export function isCardVerb(value: unknown): value is CardVerb {
  return typeof value === 'string' && (CARD_VERBS as readonly string[]).includes(value);
}
