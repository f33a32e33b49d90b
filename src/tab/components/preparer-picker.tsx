import { Button, Card, Combobox, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import type { PreparerCandidate, PreparerCandidates } from '../../contracts/tab-api';
import type { Locale } from '../../domain/shared/label';
import type { TabStrings } from '../i18n';
import { useResource } from '../use-resource';
import { ErrorState, Loading } from './states';
import { Problem, useWrite, type Post } from './text-form';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '32rem' },
  card: { marginBlockEnd: tokens.spacingVerticalM },
});

/** What the list shows for a person: their name, and whether it is the reader or the current preparer. */
function optionLabel(c: PreparerCandidate, t: TabStrings): string {
  return [c.name, c.isYou ? t.preparerYou : '', c.current ? t.preparerNow : ''].filter(Boolean).join(' ');
}

/**
 * Assigning a preparer by name (for whoever may assign: the preparation group, the RUG chair and
 * secretary). The list is the server's: exactly the people the policy lets prepare this initiative.
 * Typing narrows it; arrow keys and Enter choose. The server checks the chosen person again.
 */
export function PreparerPicker({
  load,
  loadKey,
  post,
  onAssigned,
  t,
  locale,
}: {
  load: () => Promise<PreparerCandidates>;
  /** Changes when the page's data does, so the list (and who is preparer now) is read again. */
  loadKey: string;
  post: Post;
  /** Told the assigned person's name; the page announces it (this form is redrawn with the page). */
  onAssigned: (name: string) => void;
  t: TabStrings;
  locale: Locale;
}) {
  const s = useStyles();
  const titleId = useId();
  const candidates = useResource(loadKey, load);
  const w = useWrite(post);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState('');
  const [touched, setTouched] = useState(false);
  const items = candidates.state === 'ready' ? candidates.data.items : [];
  const needle = query.trim().toLocaleLowerCase(locale);
  const matches = items.filter((c) => c.name.toLocaleLowerCase(locale).includes(needle));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    const person = items.find((c) => c.objectId === chosen);
    if (!person) return;
    if (await w.run('preparer', { preparerId: person.objectId })) {
      onAssigned(person.name);
      setChosen('');
      setQuery('');
      setTouched(false);
    }
  };

  return (
    <Card className={s.card}>
      <form className={s.form} onSubmit={(e) => void submit(e)} noValidate aria-labelledby={titleId}>
        <h3 id={titleId}>{t.assignPreparerTitle}</h3>
        {candidates.state === 'loading' ? <Loading label={t.loading} /> : null}
        {candidates.state === 'error' ? (
          <ErrorState error={candidates.error} onRetry={candidates.reload} t={t} locale={locale} />
        ) : null}
        {candidates.state === 'ready' ? (
          <>
            <Field
              label={t.preparerPerson}
              hint={t.preparerHint}
              required
              validationMessage={
                touched && !chosen ? t.preparerChoose : w.issue('preparer', 'preparerId', locale)
              }
            >
              <Combobox
                freeform
                placeholder={t.preparerPlaceholder}
                // Fluent labels its open button in English whatever the page's language.
                expandIcon={{ 'aria-label': t.preparerOpenList }}
                value={query}
                selectedOptions={chosen ? [chosen] : []}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setChosen('');
                }}
                onOptionSelect={(_e, d) => {
                  setChosen(d.optionValue ?? '');
                  setQuery(d.optionText ?? '');
                }}
              >
                {matches.length === 0 ? (
                  <Option disabled value="" text={t.preparerNoMatch}>
                    {t.preparerNoMatch}
                  </Option>
                ) : (
                  matches.map((c) => (
                    <Option key={c.objectId} value={c.objectId} text={c.name}>
                      {optionLabel(c, t)}
                    </Option>
                  ))
                )}
              </Combobox>
            </Field>
            <Problem error={w.errorOf('preparer')} t={t} locale={locale} />
            <div>
              <Button type="submit" appearance="primary" disabled={w.busy}>
                {w.busy ? t.saving : t.assignPreparer}
              </Button>
            </div>
          </>
        ) : null}
      </form>
    </Card>
  );
}
