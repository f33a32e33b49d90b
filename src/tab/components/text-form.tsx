import {
  Button,
  Card,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Locale } from '../../domain/shared/label';
import { ApiError } from '../api/client';
import type { TabStrings } from '../i18n';
import { errorMessage } from './states';

/** A write from the initiative page, its busy state and its error; and the small form it uses. */
const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  card: { marginBlockEnd: tokens.spacingVerticalM },
});

export type Post = (action: string, body: object) => Promise<void>;

/** Runs a write and shows its outcome: a server message at the field or as an alert, never raw text. */
export function useWrite(post: Post) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<{ action: string; error: unknown } | null>(null);
  const run = async (action: string, body: object): Promise<boolean> => {
    setBusy(true);
    setFailed(null);
    try {
      await post(action, body);
      return true;
    } catch (error) {
      setFailed({ action, error });
      return false;
    } finally {
      setBusy(false);
    }
  };
  /** The error of the given action, if that action failed last. */
  const errorOf = (action: string): unknown => (failed?.action === action ? failed.error : null);
  const issue = (action: string, field: string, locale: Locale) => {
    const error = errorOf(action);
    return error instanceof ApiError
      ? error.issues.find((i) => i.field === field)?.message[locale]
      : undefined;
  };
  return { busy, errorOf, run, issue };
}

export function Problem({ error, t, locale }: { error: unknown; t: TabStrings; locale: Locale }) {
  if (!error || (error instanceof ApiError && error.issues.length > 0)) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{errorMessage(error, t, locale)}</MessageBarBody>
    </MessageBar>
  );
}

export function TextForm({
  title,
  fields,
  extra,
  submitLabel,
  onSubmit,
  busy,
  error,
  t,
  locale,
}: {
  title: string;
  fields: {
    name: string;
    label: string;
    value: string;
    set: (v: string) => void;
    issue?: string | undefined;
  }[];
  extra?: ReactNode;
  submitLabel: string;
  onSubmit: () => Promise<boolean>;
  busy: boolean;
  error: unknown;
  t: TabStrings;
  locale: Locale;
}) {
  const s = useStyles();
  const [touched, setTouched] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (fields.some((f) => f.value.trim() === '')) return;
    if (await onSubmit()) setTouched(false);
  };
  return (
    <Card className={s.card}>
      <form className={s.form} onSubmit={submit} noValidate aria-label={title}>
        <h3>{title}</h3>
        {extra}
        {fields.map((f) => (
          <Field
            key={f.name}
            label={f.label}
            required
            validationMessage={touched && f.value.trim() === '' ? t.required : f.issue}
          >
            <Textarea
              value={f.value}
              onChange={(_, d) => f.set(d.value)}
              resize="vertical"
              maxLength={4000}
            />
          </Field>
        ))}
        <Problem error={error} t={t} locale={locale} />
        <div>
          <Button type="submit" appearance="primary" disabled={busy}>
            {busy ? t.saving : submitLabel}
          </Button>
        </div>
      </form>
    </Card>
  );
}
