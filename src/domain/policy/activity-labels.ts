import type { Label } from '../shared/label';
import type { Activity } from './policy.table';

/** Each activity as a verb phrase ("You cannot …"), for refusals. */
export const ACTIVITY_LABELS: Readonly<Record<Activity, Label>> = {
  view: { sv: 'se initiativet', en: 'see the initiative' },
  see_draft: { sv: 'se utkastet', en: 'see the draft' },
  save_draft: { sv: 'spara som utkast', en: 'save as a draft' },
  submit: { sv: 'skicka in', en: 'submit' },
  edit: { sv: 'ändra initiativet', en: 'edit the initiative' },
  withdraw: { sv: 'återkalla', en: 'withdraw' },
  approve: { sv: 'godkänna', en: 'approve' },
  decline: { sv: 'avböja', en: 'decline' },
  declare_jav: { sv: 'anmäla jäv', en: 'declare a conflict of interest' },
  view_stances: { sv: 'se ställningstagandena', en: 'see the stances' },
  endorse: { sv: 'godkänna för beredning', en: 'approve for preparation' },
  assign_preparer: { sv: 'utse beredare', en: 'assign a preparer' },
  be_preparer: { sv: 'vara beredare', en: 'be the preparer' },
  return_for_completion: { sv: 'återsända för komplettering', en: 'return for completion' },
  complete: { sv: 'komplettera', en: 'complete' },
  propose: { sv: 'lämna beslutsförslag', en: 'submit a decision proposal' },
  revise_proposal: { sv: 'ändra beslutsförslaget', en: 'revise the proposal' },
  decide_approve: { sv: 'besluta om bifall', en: 'approve' },
  decide_reject: { sv: 'besluta om avslag', en: 'reject' },
  decide_refer_back: { sv: 'besluta om återremiss', en: 'refer back' },
  start_implementation: { sv: 'starta genomförandet', en: 'start implementation' },
  add_follow_up: { sv: 'rapportera uppföljning', en: 'report follow-up' },
  report_final_follow_up: { sv: 'rapportera slutlig uppföljning', en: 'report the final follow-up' },
  close: { sv: 'avsluta', en: 'close' },
  register_channel: { sv: 'koppla kanalen', en: 'connect the channel' },
  manage_meeting: { sv: 'ändra RUG-mötet', en: 'change the RUG meeting' },
  manage_roles: { sv: 'hantera roller', en: 'manage roles' },
};
