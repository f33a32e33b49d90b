import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { isActive } from '../../domain/catalogue/catalogue-version';
import type { Catalogue } from '../../domain/catalogue/catalogue.types';
import type { DecisionInput as DecisionBody } from '../../contracts/actions';
import type { Activity } from '../../domain/policy/policy.table';
import { type Locale, text } from '../../domain/shared/label';
import { ApiError } from '../api/client';
import type { TabStrings } from '../i18n';
import { errorMessage } from './states';
import { outcomeLabel } from '../labels';

export type Outcome = 'bifall' | 'avslag' | 'aterremiss';

/** What the form posts: every field of the contract's decision input (empty when not given). */
export type DecisionInput = Required<Omit<DecisionBody, 'shown'>>;

const ACTION_OF: Record<Outcome, Activity> = {
  bifall: 'decide_approve',
  avslag: 'decide_reject',
  aterremiss: 'decide_refer_back',
};

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/**
 * The RUG chair's (or secretary's) form to record a decision: outcome, meeting date, rationale,
 * case number and responsible party; when a decision exists, the reason for replacing it. Only the
 * outcomes the server allows are offered; the server checks everything again.
 */
export function DecisionForm({
  allowed,
  supersedes,
  catalogue,
  locale,
  t,
  today,
  onSubmit,
}: {
  allowed: readonly Activity[];
  /** True when a decision is already recorded (a new one replaces it and needs a reason). */
  supersedes: boolean;
  catalogue: Catalogue;
  locale: Locale;
  t: TabStrings;
  today: string;
  onSubmit: (input: DecisionInput) => Promise<void>;
}) {
  const s = useStyles();
  const outcomes = (Object.keys(ACTION_OF) as Outcome[]).filter((o) => allowed.includes(ACTION_OF[o]));
  const [input, setInput] = useState<DecisionInput>({
    outcome: outcomes[0] ?? 'bifall',
    meetingDate: today,
    rationale: '',
    diarienummer: '',
    responsibleId: '',
    supersedeReason: '',
  });
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  if (outcomes.length === 0) return null;
  const missing = {
    rationale: input.rationale.trim() === '',
    meetingDate: !/^\d{4}-\d{2}-\d{2}$/.test(input.meetingDate),
    supersedeReason: supersedes && input.supersedeReason.trim() === '',
  };
  // Field-level problems from the server (422) are shown at their field.
  const serverIssue = (field: string) =>
    error instanceof ApiError ? error.issues.find((i) => i.field === field)?.message[locale] : undefined;
  const set = (key: keyof DecisionInput) => (_: unknown, d: { value: string }) =>
    setInput((x) => ({ ...x, [key]: d.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setDone(false);
    if (missing.rationale || missing.meetingDate || missing.supersedeReason) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(input);
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={s.form} onSubmit={submit} noValidate aria-labelledby="decision-title">
      <h3 id="decision-title">{t.recordDecision}</h3>
      <Field label={t.outcome} required>
        <RadioGroup value={input.outcome} onChange={set('outcome')}>
          {outcomes.map((o) => (
            <Radio key={o} value={o} label={outcomeLabel(o, locale)} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={t.meetingDate}
        required
        validationMessage={touched && missing.meetingDate ? t.required : serverIssue('meetingDate')}
      >
        <Input type="date" value={input.meetingDate} onChange={set('meetingDate')} />
      </Field>
      <Field
        label={t.rationale}
        required
        validationMessage={touched && missing.rationale ? t.required : serverIssue('rationale')}
      >
        <Textarea value={input.rationale} onChange={set('rationale')} resize="vertical" maxLength={2000} />
      </Field>
      <Field label={t.diarienummer}>
        <Input value={input.diarienummer} onChange={set('diarienummer')} maxLength={60} />
      </Field>
      <Field label={t.responsible}>
        <Select value={input.responsibleId} onChange={set('responsibleId')}>
          <option value="">–</option>
          <optgroup label={t.organisations}>
            {catalogue.organisations.filter(isActive).map((o) => (
              <option key={o.id} value={o.id}>
                {text(o.label, locale)}
              </option>
            ))}
          </optgroup>
          <optgroup label="Nätverk / Networks">
            {catalogue.networks.filter(isActive).map((n) => (
              <option key={n.id} value={n.id}>
                {text(n.label, locale)}
              </option>
            ))}
          </optgroup>
        </Select>
      </Field>
      {supersedes ? (
        <Field
          label={t.supersedes.replace(': {reason}', '')}
          required
          validationMessage={touched && missing.supersedeReason ? t.required : undefined}
        >
          <Textarea value={input.supersedeReason} onChange={set('supersedeReason')} maxLength={1000} />
        </Field>
      ) : null}
      {error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorMessage(error, t, locale)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {done ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t.saved}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={s.buttons}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? t.saving : t.recordDecision}
        </Button>
      </div>
    </form>
  );
}
