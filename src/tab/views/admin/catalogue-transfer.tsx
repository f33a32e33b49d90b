import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { CatalogueAdminView } from '../../../contracts/admin-api';
import { ApiError } from '../../api/client';
import { Problem } from '../../components/text-form';
import { useTab } from '../../context';
import { useChangeIds } from './change-ids';
import { catalogueStrings } from './catalogue.strings';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Export the whole catalogue as one JSON file; import one (the server validates and merges it). */
export function CatalogueTransfer(props: {
  readonly catalogueVersion: string;
  /** The revision the page shows: an import made on an older page is refused (reload first). */
  readonly revision: number;
  readonly onImported: (view: CatalogueAdminView) => void;
}) {
  const { api, t, locale } = useTab();
  const a = catalogueStrings(locale);
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [localProblem, setLocalProblem] = useState('');
  const changeIds = useChangeIds();

  const exportFile = () => {
    setError(null);
    api
      .download('/api/admin/catalogue/export', `omtanke-katalog-${props.catalogueVersion}.json`)
      .catch(setError);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setLocalProblem('');
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setLocalProblem(a.notJson);
      return;
    }
    setBusy(true);
    try {
      const view = await api.post<CatalogueAdminView>('/api/admin/catalogue/import', {
        changeId: changeIds.idFor(parsed),
        basedOn: props.revision,
        file: parsed,
      });
      changeIds.done(parsed);
      props.onImported(view);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <section aria-labelledby="admin-transfer">
      <h3 id="admin-transfer">{a.exportHeading}</h3>
      <p>{a.exportIntro}</p>
      <div className={s.row}>
        <Button onClick={exportFile}>{a.export}</Button>
        {/* The browser's own file control speaks the browser's language; a button in the page's opens it. */}
        <Button disabled={busy} aria-describedby="admin-import-hint" onClick={() => input.current?.click()}>
          {a.import}
        </Button>
        <input
          ref={input}
          hidden
          type="file"
          accept="application/json,.json"
          onChange={(e) => void importFile(e.target.files?.[0])}
        />
      </div>
      <p id="admin-import-hint" className={s.hint}>
        {a.importHint}
      </p>
      {localProblem || issues.length > 0 ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {localProblem}
            {issues.length > 0 ? (
              <ul>
                {issues.slice(0, 10).map((i) => (
                  <li key={`${i.field}-${i.message.sv}`}>
                    <code>{i.field}</code>: {i.message[locale]}
                  </li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Problem error={error} t={t} locale={locale} />
    </section>
  );
}
