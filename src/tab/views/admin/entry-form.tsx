import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { CatalogueEntryKind } from '../../../domain/catalogue/catalogue';
import { isActive } from '../../../domain/catalogue/catalogue-version';
import type { Catalogue } from '../../../domain/catalogue/catalogue.types';
import { type Label, type Locale, text } from '../../../domain/shared/label';
import type { CatalogueStrings } from './catalogue.strings';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    maxWidth: '40rem',
    marginBlockEnd: tokens.spacingVerticalL,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface EntryFormValues {
  readonly label: Label;
  readonly validity?: { from: string; to: string };
  readonly factorId?: string;
  readonly perspective?: string;
  readonly organisationKind?: string;
}

/**
 * The add form and the edit form of a catalogue entry: both texts, and what the kind needs (an
 * agreement's years, a statement's factor and perspective, an organisation's kind).
 */
export function EntryForm(props: {
  readonly id: string;
  readonly heading: string;
  readonly kind: CatalogueEntryKind;
  readonly mode: 'add' | 'reword';
  readonly initial?: EntryFormValues;
  readonly catalogue: Catalogue;
  readonly busy: boolean;
  readonly a: CatalogueStrings;
  readonly locale: Locale;
  readonly issue: (field: string) => string | undefined;
  readonly submitLabel: string;
  readonly onSubmit: (values: EntryFormValues) => Promise<boolean>;
  readonly onCancel?: () => void;
}) {
  const { a, kind, mode, locale } = props;
  const s = useStyles();
  const [sv, setSv] = useState(props.initial?.label.sv ?? '');
  const [en, setEn] = useState(props.initial?.label.en ?? '');
  const [from, setFrom] = useState(props.initial?.validity?.from ?? '');
  const [to, setTo] = useState(props.initial?.validity?.to ?? '');
  const factors = props.catalogue.factors.filter(isActive);
  const [factorId, setFactorId] = useState(factors[0]?.id ?? '');
  const [perspective, setPerspective] = useState('employee');
  const [orgKind, setOrgKind] = useState('municipality');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await props.onSubmit({
      label: { sv, en },
      ...(kind === 'agreement' && from ? { validity: { from, to } } : {}),
      ...(kind === 'statement' && mode === 'add' ? { factorId, perspective } : {}),
      ...(kind === 'organisation' && mode === 'add' ? { organisationKind: orgKind } : {}),
    });
    if (done && mode === 'add') {
      setSv('');
      setEn('');
      setFrom('');
      setTo('');
    }
  };
  return (
    <form className={s.form} aria-labelledby={`${props.id}-title`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${props.id}-title`}>{props.heading}</h3>
      <Field label={a.labelSv} required validationMessage={props.issue('label.sv')}>
        <Input value={sv} onChange={(_e, d) => setSv(d.value)} maxLength={600} />
      </Field>
      <Field label={a.labelEn} required validationMessage={props.issue('label.en')}>
        <Input value={en} onChange={(_e, d) => setEn(d.value)} maxLength={600} />
      </Field>
      {kind === 'agreement' ? (
        <>
          <Field label={a.validFrom} validationMessage={props.issue('validity.from')}>
            <Input inputMode="numeric" value={from} onChange={(_e, d) => setFrom(d.value)} maxLength={4} />
          </Field>
          <Field label={a.validTo} hint={a.validToHint} validationMessage={props.issue('validity.to')}>
            <Input inputMode="numeric" value={to} onChange={(_e, d) => setTo(d.value)} maxLength={4} />
          </Field>
        </>
      ) : null}
      {kind === 'statement' && mode === 'add' ? (
        <>
          <Field label={a.factor} required validationMessage={props.issue('factorId')}>
            <Select value={factorId} onChange={(_e, d) => setFactorId(d.value)}>
              {factors.map((f) => (
                <option key={f.id} value={f.id}>
                  {text(f.label, locale)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={a.perspective} required>
            <Select value={perspective} onChange={(_e, d) => setPerspective(d.value)}>
              {(['individual', 'employee', 'organisation'] as const).map((p) => (
                <option key={p} value={p}>
                  {a.perspectives[p]}
                </option>
              ))}
            </Select>
          </Field>
        </>
      ) : null}
      {kind === 'organisation' && mode === 'add' ? (
        <Field label={a.orgKind} required>
          <Select value={orgKind} onChange={(_e, d) => setOrgKind(d.value)}>
            <option value="municipality">{a.orgKinds.municipality}</option>
            <option value="region">{a.orgKinds.region}</option>
          </Select>
        </Field>
      ) : null}
      <div className={s.buttons}>
        <Button appearance="primary" type="submit" disabled={props.busy}>
          {props.submitLabel}
        </Button>
        {props.onCancel ? (
          <Button type="button" onClick={props.onCancel}>
            {a.cancel}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
