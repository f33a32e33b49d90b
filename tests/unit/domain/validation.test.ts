import { catalogue } from '../../../src/domain/catalogue/catalogue';
import {
  FIELD_LIMITS,
  normaliseForm,
  validateDraft,
  validateForSubmit,
} from '../../../src/domain/initiative/validation';
import { emptyForm } from '../../../src/domain/initiative/initiative.types';
import { validForm } from '../../support/fixtures';

const fields = (issues: { field: string; code: string }[]) => issues.map((i) => `${i.field}:${i.code}`);

describe('validation for sending', () => {
  it('accepts a complete form', () => {
    expect(validateForSubmit(validForm(), catalogue)).toEqual([]);
  });

  it('lists every missing required field and every unmet skallkrav of an empty form', () => {
    const issues = fields(validateForSubmit(emptyForm(), catalogue));
    for (const f of [
      'title',
      'background',
      'description',
      'expectedEffect',
      'anchoringManagerName',
      'timePlan',
      'followUpPlan',
      'contactName',
      'contactEmail',
    ]) {
      expect(issues).toContain(`${f}:FIELD.REQUIRED`);
    }
    expect(issues).toContain('anchoringConfirmed:FIELD.ANCHORING_NOT_CONFIRMED');
    expect(issues).toContain('organisationIds:SKALLKRAV.MUNICIPALITY_AND_REGION');
    expect(issues).toContain('targetGroupIds:SKALLKRAV.TARGET_GROUP');
    expect(issues).toContain('malbild:SKALLKRAV.MALBILD_LINK');
  });

  it('treats whitespace as empty', () => {
    expect(fields(validateForSubmit(validForm({ title: '   ' }), catalogue))).toEqual([
      'title:FIELD.REQUIRED',
    ]);
  });

  it('enforces length limits with the numbers in the message', () => {
    const issues = validateForSubmit(validForm({ title: 'x'.repeat(FIELD_LIMITS.title + 1) }), catalogue);
    expect(fields(issues)).toEqual(['title:FIELD.TOO_LONG']);
    expect(issues[0]!.message.sv).toContain('120');
    expect(validateForSubmit(validForm({ title: 'x'.repeat(FIELD_LIMITS.title) }), catalogue)).toEqual([]);
  });

  it('refuses an identity number in any free-text field, naming the field', () => {
    const issues = validateForSubmit(
      validForm({ background: 'Patienten 19121212-1212 föll i hemmet.', resources: 'se 20170102-2384' }),
      catalogue,
    );
    expect(fields(issues)).toEqual([
      'background:FIELD.PERSONAL_IDENTITY_NUMBER',
      'resources:FIELD.PERSONAL_IDENTITY_NUMBER',
    ]);
    expect(issues[0]!.message.sv).toMatch(/personnummer/);
  });

  it('refuses unknown catalogue ids and a malformed e-mail', () => {
    const issues = fields(
      validateForSubmit(
        validForm({ prerequisiteIds: ['teleportering'], contactEmail: 'anna(at)varberg' }),
        catalogue,
      ),
    );
    expect(issues).toEqual(['prerequisiteIds:FIELD.UNKNOWN_CHOICE', 'contactEmail:FIELD.EMAIL']);
  });
});

describe('validation for drafts', () => {
  it('needs only a title', () => {
    expect(validateDraft({ ...emptyForm(), title: 'Idé' }, catalogue)).toEqual([]);
    expect(fields(validateDraft(emptyForm(), catalogue))).toEqual(['title:FIELD.REQUIRED']);
  });
  it('still refuses identity numbers', () => {
    expect(
      fields(validateDraft({ ...emptyForm(), title: 'Idé', description: '121212-1212' }, catalogue)),
    ).toEqual(['description:FIELD.PERSONAL_IDENTITY_NUMBER']);
  });
});

describe('normaliseForm', () => {
  it('trims text and removes duplicate choices', () => {
    const f = normaliseForm(
      validForm({ title: '  Titel \r\n', organisationIds: ['varberg', 'varberg', 'region-halland'] }),
    );
    expect(f.title).toBe('Titel');
    expect(f.organisationIds).toEqual(['varberg', 'region-halland']);
  });
});
