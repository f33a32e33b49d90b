// Part of the shell: single Fluent packages, not the barrel (see app.tsx).
import { Button } from '@fluentui/react-button';
import { Spinner } from '@fluentui/react-spinner';
import { text } from '../../domain/shared/label';
import { ApiError } from '../api/client';
import { fmt, type TabStrings } from '../i18n';
import type { Locale } from '../../domain/shared/label';

/** A loading state that screen readers announce. */
export function Loading({ label }: { label: string }) {
  return (
    <div role="status" style={{ padding: '2rem 0' }}>
      <Spinner label={label} labelPosition="below" />
    </div>
  );
}

/** An empty state that tells what to do next. */
export function Empty({ children }: { children: string }) {
  return (
    <p role="status" style={{ padding: '1.5rem 0' }}>
      {children}
    </p>
  );
}

/** What to tell a person about a failed load: never raw error text, always a next step. */
export function errorMessage(error: unknown, t: TabStrings, locale: Locale): string {
  if (error instanceof ApiError) {
    if (error.status === 401 || error.status === 403)
      return error.userMessage ? text(error.userMessage, locale) : t.errorAuth;
    if (error.status === 404) return t.errorNotFound;
    if (error.status === 429 || error.status === 503) return t.errorBusy;
    if (error.userMessage) return text(error.userMessage, locale);
    return fmt(t.errorBody, { code: error.correlationId?.slice(0, 8) ?? error.code });
  }
  return fmt(t.errorBody, { code: 'NETWORK' });
}

export function ErrorState({
  error,
  onRetry,
  t,
  locale,
}: {
  error: unknown;
  onRetry?: () => void;
  t: TabStrings;
  locale: Locale;
}) {
  return (
    <div role="alert" className="oh-error">
      <p className="oh-error-title">{t.errorTitle}</p>
      <p>{errorMessage(error, t, locale)}</p>
      {onRetry ? <Button onClick={onRetry}>{t.retry}</Button> : null}
    </div>
  );
}
