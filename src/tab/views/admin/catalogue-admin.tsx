import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { CatalogueAdminView } from '../../../contracts/admin-api';
import type { CatalogueEntryKind } from '../../../domain/catalogue/catalogue';
import { text } from '../../../domain/shared/label';
import { ApiError } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { Problem, useWrite } from '../../components/text-form';
import { useTab } from '../../context';
import { fmt } from '../../i18n';
import { useResource } from '../../use-resource';
import { CatalogueHistory } from './catalogue-history';
import { CatalogueTransfer } from './catalogue-transfer';
import { catalogueStrings } from './catalogue.strings';
import { EDITABLE_KINDS, type EntryRow, rowsOf } from './catalogue-rows';
import { EntryForm, type EntryFormValues } from './entry-form';
import { useChangeIds } from './change-ids';

const useStyles = makeStyles({
  table: { marginBlockEnd: tokens.spacingVerticalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  kind: { maxWidth: '20rem', marginBlock: tokens.spacingVerticalM },
});

/** A refused retire says why (a guard rail: skallkrav 1–3 must stay satisfiable). */
function Issues({ error, locale }: { error: unknown; locale: 'sv' | 'en' }) {
  if (!(error instanceof ApiError) || error.issues.length === 0) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{error.issues.map((i) => i.message[locale]).join(' ')}</MessageBarBody>
    </MessageBar>
  );
}

const validityOf = (v: EntryFormValues['validity']) =>
  v ? { from: v.from, ...(v.to ? { to: v.to } : { to: null }) } : undefined;

/**
 * The catalogue in the Administration view: pick a list, see every entry with its state, add,
 * reword (both languages) or retire entries, export and import the whole catalogue. Every change is
 * one request the server checks, versions and audits; the answer is the refreshed catalogue.
 */
export function CatalogueAdmin() {
  const { api, t, locale } = useTab();
  const a = catalogueStrings(locale);
  const s = useStyles();
  const loaded = useResource('admin-catalogue', () => api.get<CatalogueAdminView>('/api/admin/catalogue'));
  const [view, setView] = useState<CatalogueAdminView | null>(null);
  const data = view ?? (loaded.state === 'ready' ? loaded.data : null);
  const [kind, setKind] = useState<CatalogueEntryKind>('targetGroup');
  const [editing, setEditing] = useState<EntryRow | null>(null);
  const [notice, setNotice] = useState('');
  const editRef = useRef<HTMLDivElement>(null);
  const w = useWrite(async (_action, body) => {
    const next = await api.post<CatalogueAdminView>('/api/admin/catalogue', body);
    setView(next);
    setNotice(fmt(a.changed, { version: next.catalogue.version }));
  });
  const changeIds = useChangeIds();
  const change = async (action: string, c: object) => {
    const ok = await w.run(action, { changeId: changeIds.idFor(c), basedOn: data?.revision ?? 0, change: c });
    if (ok) changeIds.done(c);
    return ok;
  };

  if (!data) {
    return loaded.state === 'error' ? (
      <ErrorState error={loaded.error} onRetry={loaded.reload} t={t} locale={locale} />
    ) : (
      <Loading label={t.loading} />
    );
  }
  const rows = rowsOf(data.catalogue, kind, locale, a);
  const name = (r: EntryRow) => text(r.label, locale);
  return (
    <section aria-labelledby="admin-catalogue">
      <h2 id="admin-catalogue">{a.catalogueHeading}</h2>
      <p>{a.catalogueIntro}</p>
      <p>{fmt(a.version, { version: data.catalogue.version, revision: String(data.revision) })}</p>
      <div aria-live="polite">
        {notice ? (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <Field label={a.kind} className={s.kind}>
        <Select
          value={kind}
          onChange={(_e, d) => {
            setKind(d.value as CatalogueEntryKind);
            setEditing(null);
          }}
        >
          {EDITABLE_KINDS.map((k) => (
            <option key={k} value={k}>
              {a.kinds[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Table aria-label={a.kinds[kind]} className={s.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{a.labelSv}</TableHeaderCell>
            <TableHeaderCell>{a.labelEn}</TableHeaderCell>
            <TableHeaderCell>{kind === 'agreement' ? a.validity : ''}</TableHeaderCell>
            <TableHeaderCell>{a.state}</TableHeaderCell>
            <TableHeaderCell>
              <span className="visually-hidden">{t.actions}</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell>{r.label.sv}</TableCell>
              <TableCell>{r.label.en}</TableCell>
              <TableCell>{r.detail}</TableCell>
              <TableCell>{r.retiredIn ? fmt(a.retiredIn, { version: r.retiredIn }) : a.inUse}</TableCell>
              <TableCell>
                <div className={s.actions}>
                  <Button
                    size="small"
                    aria-label={fmt(a.rewordLabel, { name: name(r) })}
                    onClick={() => {
                      setEditing(r);
                      setTimeout(() => editRef.current?.querySelector('input')?.focus(), 0);
                    }}
                  >
                    {a.reword}
                  </Button>
                  {r.retiredIn ? (
                    <Button
                      size="small"
                      disabled={w.busy}
                      aria-label={fmt(a.restoreLabel, { name: name(r) })}
                      onClick={() => void change('restore', { op: 'restore', id: r.id })}
                    >
                      {a.restore}
                    </Button>
                  ) : (
                    <Button
                      size="small"
                      disabled={w.busy}
                      aria-label={fmt(a.retireLabel, { name: name(r) })}
                      onClick={() => void change('retire', { op: 'retire', id: r.id })}
                    >
                      {a.retire}
                    </Button>
                  )}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Problem error={w.errorOf('retire') ?? w.errorOf('restore')} t={t} locale={locale} />
      <Issues error={w.errorOf('retire') ?? w.errorOf('restore')} locale={locale} />
      <div ref={editRef}>
        {editing ? (
          <EntryForm
            key={editing.id}
            id="admin-reword"
            heading={fmt(a.rewordLabel, { name: name(editing) })}
            kind={kind}
            mode="reword"
            initial={{
              label: editing.label,
              ...(editing.validity
                ? {
                    validity: {
                      from: String(editing.validity.from),
                      to: editing.validity.to ? String(editing.validity.to) : '',
                    },
                  }
                : {}),
            }}
            catalogue={data.catalogue}
            busy={w.busy}
            a={a}
            locale={locale}
            issue={(f) => w.issue('reword', f, locale)}
            submitLabel={a.save}
            onCancel={() => setEditing(null)}
            onSubmit={async (v) => {
              const validity = validityOf(v.validity);
              const ok = await change('reword', {
                op: 'reword',
                id: editing.id,
                label: v.label,
                ...(validity ? { validity } : {}),
              });
              if (ok) setEditing(null);
              return ok;
            }}
          />
        ) : null}
        <Problem error={w.errorOf('reword')} t={t} locale={locale} />
      </div>
      <EntryForm
        key={`add-${kind}`}
        id="admin-add"
        heading={fmt(a.addHeading, { kind: a.kinds[kind].toLowerCase() })}
        kind={kind}
        mode="add"
        catalogue={data.catalogue}
        busy={w.busy}
        a={a}
        locale={locale}
        issue={(f) => w.issue('add', f, locale)}
        submitLabel={a.add}
        onSubmit={(v) => {
          const validity = validityOf(v.validity);
          return change('add', {
            op: 'add',
            kind,
            label: v.label,
            ...(validity ? { validity } : {}),
            ...(v.factorId ? { factorId: v.factorId, perspective: v.perspective } : {}),
            ...(v.organisationKind ? { organisationKind: v.organisationKind } : {}),
          });
        }}
      />
      <Problem error={w.errorOf('add')} t={t} locale={locale} />
      <CatalogueTransfer
        catalogueVersion={data.catalogue.version}
        revision={data.revision}
        onImported={(next) => {
          setView(next);
          setNotice(fmt(a.imported, { version: next.catalogue.version }));
        }}
      />
      <CatalogueHistory history={data.history} />
    </section>
  );
}
