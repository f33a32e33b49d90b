import type { Label } from '../shared/label';

/** A refusal's stable code and words, when an activity has its own (else the generic ones are used). */
export interface Refusal {
  readonly code: string;
  readonly message: Label;
}

/** Refusals shared by several policy entries: stable codes and the words people see. */
export const ONLY_INITIATOR: Refusal = {
  code: 'INITIATIVE.NOT_ALLOWED',
  message: {
    sv: 'Bara den som skickade in initiativet kan ändra det.',
    en: 'Only the person who submitted the initiative can change it.',
  },
};
export const NOT_MEMBER: Refusal = {
  code: 'RUG.NOT_MEMBER',
  message: {
    sv: 'Bara ledamöter i RUG kan ta ställning till initiativ. Inget har ändrats.',
    en: 'Only RUG members can take a stance on initiatives. Nothing was changed.',
  },
};
export const STANCE_CLOSED: Refusal = {
  code: 'RUG.STANCE_CLOSED',
  message: {
    sv: 'Initiativet är inte längre öppet för ställningstaganden.',
    en: 'The initiative is no longer open for stances.',
  },
};
export const PREPARATION_CLOSED: Refusal = {
  code: 'PREPARATION.CLOSED',
  message: { sv: 'Initiativet är inte under beredning.', en: 'The initiative is not in preparation.' },
};
export const OWN_DECISION: Refusal = {
  code: 'POLICY.OWN_INITIATIVE',
  message: {
    sv: 'Du är initiativtagare och kan inte registrera beslutet. En annan ordförande eller sekreterare behöver göra det.',
    en: 'You are the initiator and cannot record the decision. Another chair or secretary needs to do it.',
  },
};
export const MEETING_OFFICERS: Refusal = {
  code: 'MEETING.NOT_ALLOWED',
  message: {
    sv: 'Bara RUG:s sekreterare eller ordförande kan ändra mötet.',
    en: 'Only the RUG secretary or chair can change the meeting.',
  },
};
