import { MissingError, NotAllowedError, StateConflictError } from '../shared/domain.errors';

/** The stable codes of meeting rule failures; the transports map them by kind in one place. */
export const meetingErrors = {
  notFound: () =>
    new MissingError('MEETING.NOT_FOUND', {
      sv: 'Mötet finns inte (längre).',
      en: 'The meeting does not exist (any more).',
    }),
  locked: () =>
    new StateConflictError('MEETING.LOCKED', {
      sv: 'Protokollet är justerat och kan inte ändras. En rättelse blir ett nytt beslut på ett senare möte.',
      en: 'The minutes are approved and cannot change. A correction is a new decision at a later meeting.',
    }),
  inJustering: () =>
    new StateConflictError('MEETING.IN_JUSTERING', {
      sv: 'Protokollet är ute på justering. Vänta på justerarna eller deras kommentar.',
      en: 'The minutes are out for approval. Wait for the signers or their comment.',
    }),
  itemNotFound: () =>
    new MissingError('MEETING.ITEM_NOT_FOUND', {
      sv: 'Ärendet finns inte på föredragningslistan.',
      en: 'The item is not on the agenda.',
    }),
  minutesChanged: () =>
    new StateConflictError('MEETING.MINUTES_CHANGED', {
      sv: 'Protokollet har ändrats sedan du fick se det. Läs det uppdaterade protokollet och justera igen.',
      en: 'The minutes have changed since they were shown to you. Read the updated minutes and approve again.',
    }),
  decisionInProgress: () =>
    new StateConflictError('MEETING.DECISION_IN_PROGRESS', {
      sv: 'Ett beslut i ärendet håller på att registreras. Vänta en stund; om det inte blir klart, be ordföranden trycka på beslutet igen.',
      en: 'A decision on the item is being recorded. Wait a moment; if it does not finish, ask the chair to press the decision again.',
    }),
  itemDecided: () =>
    new StateConflictError('MEETING.ITEM_DECIDED', {
      sv: 'Ärendet är redan beslutat och har en paragraf i protokollet.',
      en: 'The item is already decided and has a paragraph in the minutes.',
    }),
  alreadyOnAgenda: () =>
    new StateConflictError('MEETING.ALREADY_ON_AGENDA', {
      sv: 'Initiativet finns redan på föredragningslistan.',
      en: 'The initiative is already on the agenda.',
    }),
  notReadyForAgenda: () =>
    new StateConflictError('MEETING.NOT_READY', {
      sv: 'Bara initiativ med färdigt beslutsförslag kan tas upp på mötet.',
      en: 'Only initiatives with a finished proposal can go on the agenda.',
    }),
  jav: () =>
    new NotAllowedError('MEETING.JAV_NOT_ALLOWED', {
      sv: 'Du har anmält jäv i ärendet och deltar inte i beslutet.',
      en: 'You declared a conflict of interest on this item and take no part in the decision.',
    }),
  notPresent: () =>
    new NotAllowedError('MEETING.NOT_PRESENT', {
      sv: 'Personen finns inte bland de närvarande.',
      en: 'The person is not among those present.',
    }),
  notSigner: () =>
    new NotAllowedError('MEETING.SIGNER_NOT_ALLOWED', {
      sv: 'Bara mötets ordförande och justerare justerar protokollet.',
      en: 'Only the meeting chair and the adjuster approve the minutes.',
    }),
  notReadyForJustering: () =>
    new StateConflictError('MEETING.NOT_READY_FOR_JUSTERING', {
      sv: 'Protokollet behöver ordförande, justerare och minst ett beslutat ärende innan justering.',
      en: 'The minutes need a chair, an adjuster and at least one decided item before approval.',
    }),
  notInJustering: () =>
    new StateConflictError('MEETING.NOT_IN_JUSTERING', {
      sv: 'Protokollet är inte ute på justering.',
      en: 'The minutes are not out for approval.',
    }),
};
