import {
  Button,
  Combobox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  ToggleButton,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { RoleAssignmentView, RolesView } from '../../contracts/admin-api';
import {
  ASSIGNABLE_ROLE_LABELS,
  ASSIGNABLE_ROLES,
  type AssignableRole,
} from '../../domain/roles/role-assignment';
import { text } from '../../domain/shared/label';
import { ErrorState, Loading } from '../components/states';
import { Problem, useWrite } from '../components/text-form';
import { useTab } from '../context';
import { fmt } from '../i18n';
import { useResource } from '../use-resource';
import { adminStrings } from './administration.strings';
import { CatalogueAdmin } from './admin/catalogue-admin';
import { catalogueStrings } from './admin/catalogue.strings';
import { SettingsAdmin } from './admin/settings-admin';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    maxWidth: '32rem',
    marginBlockEnd: tokens.spacingVerticalL,
  },
  table: { marginBlockEnd: tokens.spacingVerticalL },
  parts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginBlockEnd: tokens.spacingVerticalL,
  },
});

/**
 * Administration (admins only; the server refuses everyone else with 403) in three parts: roles,
 * the catalogue and the process settings.
 */
export function AdministrationView() {
  const { locale } = useTab();
  const a = adminStrings(locale);
  const c = catalogueStrings(locale);
  const s = useStyles();
  const [part, setPart] = useState<'roles' | 'catalogue' | 'settings'>('roles');
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{a.title}</h1>
      {/* Plain toggle buttons: Fluent's TabList adds focusable aria-hidden guards axe refuses. */}
      <div role="group" aria-label={c.sections} className={s.parts}>
        {(
          [
            ['roles', c.rolesTab],
            ['catalogue', c.catalogueTab],
            ['settings', c.settingsTab],
          ] as const
        ).map(([value, label]) => (
          <ToggleButton key={value} checked={part === value} onClick={() => setPart(value)}>
            {label}
          </ToggleButton>
        ))}
      </div>
      {part === 'roles' ? <RolesAdmin /> : null}
      {part === 'catalogue' ? <CatalogueAdmin /> : null}
      {part === 'settings' ? <SettingsAdmin /> : null}
    </section>
  );
}

/**
 * Who holds the chair, secretary and admin roles, their history, and a form to grant a role to a
 * member of the registered channels, searchable by name.
 */
function RolesAdmin() {
  const { api, t, locale } = useTab();
  const a = adminStrings(locale);
  const s = useStyles();
  const [view, setView] = useState<RolesView | null>(null);
  const loaded = useResource('admin-roles', () => api.get<RolesView>('/api/admin/roles'));
  const data = view ?? (loaded.state === 'ready' ? loaded.data : null);
  const [notice, setNotice] = useState('');
  const w = useWrite(async (action, body) => {
    setView(await api.post<RolesView>(action === 'end' ? '/api/admin/roles/end' : '/api/admin/roles', body));
  });
  const [role, setRole] = useState<AssignableRole>('rug_chair');
  const [query, setQuery] = useState('');
  const [holderId, setHolderId] = useState('');
  const [from, setFrom] = useState('');
  const roleLabel = (r: AssignableRole) => text(ASSIGNABLE_ROLE_LABELS[r], locale);

  const grant = async (e: FormEvent) => {
    e.preventDefault();
    const name = data?.candidates.find((c) => c.objectId === holderId)?.name ?? '';
    if (await w.run('grant', { role, holderId, ...(from ? { from } : {}) })) {
      setNotice(fmt(a.granted, { name, role: roleLabel(role) }));
      setHolderId('');
      setQuery('');
      setFrom('');
    }
  };
  const end = async (x: RoleAssignmentView) => {
    if (await w.run('end', { assignmentId: x.id })) setNotice(a.ended);
  };
  const matches = (data?.candidates ?? []).filter((c) =>
    c.name.toLowerCase().includes(query.trim().toLowerCase()),
  );

  return (
    <>
      {loaded.state === 'loading' && !view ? <Loading label={t.loading} /> : null}
      {loaded.state === 'error' && !view ? (
        <ErrorState error={loaded.error} onRetry={loaded.reload} t={t} locale={locale} />
      ) : null}
      {data ? (
        <section aria-labelledby="admin-roles">
          <h2 id="admin-roles">{a.rolesHeading}</h2>
          <p>{a.rolesIntro}</p>
          <div aria-live="polite">
            {notice ? (
              <MessageBar intent="success">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            ) : null}
          </div>
          <h3 id="admin-current">{a.current}</h3>
          {data.current.length === 0 ? (
            <p>{a.noCurrent}</p>
          ) : (
            <Table aria-labelledby="admin-current" className={s.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{a.role}</TableHeaderCell>
                  <TableHeaderCell>{a.person}</TableHeaderCell>
                  <TableHeaderCell>{a.from}</TableHeaderCell>
                  <TableHeaderCell>{a.grantedBy}</TableHeaderCell>
                  <TableHeaderCell>
                    <span className="visually-hidden">{a.end}</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.current.map((x) => (
                  <TableRow key={x.id}>
                    <TableCell>{roleLabel(x.role)}</TableCell>
                    <TableCell>{x.holder.name}</TableCell>
                    <TableCell>
                      {x.from}
                      {x.active ? '' : ` (${a.starts})`}
                    </TableCell>
                    <TableCell>{x.grantedBy.name}</TableCell>
                    <TableCell>
                      <Button
                        disabled={w.busy}
                        aria-label={fmt(a.endLabel, { name: x.holder.name })}
                        onClick={() => void end(x)}
                      >
                        {a.end}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Problem error={w.errorOf('end')} t={t} locale={locale} />

          <h3 id="admin-grant">{a.grantHeading}</h3>
          <form className={s.form} aria-labelledby="admin-grant" onSubmit={(e) => void grant(e)}>
            <Field label={a.role} required>
              <Dropdown
                value={roleLabel(role)}
                selectedOptions={[role]}
                onOptionSelect={(_e, d) => d.optionValue && setRole(d.optionValue as AssignableRole)}
              >
                {ASSIGNABLE_ROLES.map((r) => (
                  <Option key={r} value={r}>
                    {roleLabel(r)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field
              label={a.person}
              hint={a.personHint}
              required
              validationMessage={w.issue('grant', 'holderId', locale)}
            >
              <Combobox
                freeform
                // Fluent names its open button "Open" whatever the page's language.
                expandIcon={{ 'aria-label': a.openList }}
                placeholder={a.personPlaceholder}
                value={query}
                selectedOptions={holderId ? [holderId] : []}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setHolderId('');
                }}
                onOptionSelect={(_e, d) => {
                  setHolderId(d.optionValue ?? '');
                  setQuery(d.optionText ?? '');
                }}
              >
                {matches.length === 0 ? (
                  <Option disabled value="" text={a.noMatch}>
                    {a.noMatch}
                  </Option>
                ) : (
                  matches.map((c) => (
                    <Option key={c.objectId} value={c.objectId} text={c.name}>
                      {c.name}
                    </Option>
                  ))
                )}
              </Combobox>
            </Field>
            <Field label={a.from} hint={a.fromHint} validationMessage={w.issue('grant', 'from', locale)}>
              <Input type="date" value={from} onChange={(_e, d) => setFrom(d.value)} />
            </Field>
            <div>
              <Button appearance="primary" type="submit" disabled={w.busy}>
                {a.grant}
              </Button>
            </div>
            <Problem error={w.errorOf('grant')} t={t} locale={locale} />
          </form>

          <h3 id="admin-history">{a.history}</h3>
          {data.history.length === 0 ? (
            <p>{a.noHistory}</p>
          ) : (
            <Table aria-labelledby="admin-history" className={s.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{a.role}</TableHeaderCell>
                  <TableHeaderCell>{a.person}</TableHeaderCell>
                  <TableHeaderCell>{a.from}</TableHeaderCell>
                  <TableHeaderCell>{a.until}</TableHeaderCell>
                  <TableHeaderCell>{a.grantedBy}</TableHeaderCell>
                  <TableHeaderCell>{a.endedBy}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.history.map((x) => (
                  <TableRow key={x.id}>
                    <TableCell>{roleLabel(x.role)}</TableCell>
                    <TableCell>{x.holder.name}</TableCell>
                    <TableCell>{x.from}</TableCell>
                    <TableCell>{x.until}</TableCell>
                    <TableCell>{x.grantedBy.name}</TableCell>
                    <TableCell>{x.endedBy?.name ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      ) : null}
    </>
  );
}
