import { Button, Checkbox, Field, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import type { ActionRoute } from '../../contracts/actions';
import type { InitiativeDetail } from '../../contracts/tab-api';
import type { Activity } from '../../domain/policy/policy.table';
import type { Locale } from '../../domain/shared/label';
import type { TabStrings } from '../i18n';
import { followUpStateLabel, outcomeLabel } from '../labels';
import { Problem, TextForm, useWrite, type Post } from './text-form';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/**
 * The preparation and follow-up actions the person may take on this initiative: take on the
 * preparation, return for completion, propose a decision, start implementation, report follow-up.
 * Offered from what the server says is allowed; the server checks again on every write.
 */
export function ActionForms({
  data,
  post,
  t,
  locale,
  preparerPicker,
}: {
  data: InitiativeDetail;
  post: Post;
  t: TabStrings;
  locale: Locale;
  /** Assigning someone else as preparer, shown beside taking it on oneself (preparer-picker.tsx). */
  preparerPicker?: ReactNode;
}) {
  const s = useStyles();
  const i = data.initiative;
  const w = useWrite(post);
  const [question, setQuestion] = useState('');
  const [recommendation, setRecommendation] = useState<'bifall' | 'avslag'>('bifall');
  const [rationale, setRationale] = useState('');
  const [state, setState] = useState<'on_track' | 'delayed' | 'done'>('on_track');
  const [done, setDone] = useState('');
  const [effects, setEffects] = useState('');
  const [final, setFinal] = useState(false);
  // Every button asks the policy's answer for this person; the server checks again on every write.
  const can = (a: Activity) => data.allowedActions.includes(a);
  const mayTake = can('assign_preparer') && can('be_preparer') && !i.preparer?.isYou;
  const buttons: { action: ActionRoute; label: string; show: boolean }[] = [
    { action: 'preparer', label: t.takePreparation, show: mayTake },
    { action: 'implementation', label: t.startImplementation, show: can('start_implementation') },
    { action: 'close', label: t.closeInitiative, show: can('close') },
    { action: 'withdraw', label: t.withdrawInitiative, show: can('withdraw') },
  ];
  const shown = buttons.filter((b) => b.show);
  return (
    <>
      {shown.length > 0 ? (
        <div className={s.row}>
          {shown.map((b) => (
            <Button key={b.action} disabled={w.busy} onClick={() => void w.run(b.action, {})}>
              {b.label}
            </Button>
          ))}
          <Problem error={shown.map((b) => w.errorOf(b.action)).find(Boolean)} t={t} locale={locale} />
        </div>
      ) : null}
      {preparerPicker}
      {can('propose') ? (
        <TextForm
          title={t.proposeTitle}
          extra={
            <Field label={t.recommendation} required>
              <RadioGroup value={recommendation} onChange={(_, d) => setRecommendation(d.value as 'bifall')}>
                <Radio value="bifall" label={outcomeLabel('bifall', locale)} />
                <Radio value="avslag" label={outcomeLabel('avslag', locale)} />
              </RadioGroup>
            </Field>
          }
          fields={[
            {
              name: 'rationale',
              label: t.rationale,
              value: rationale,
              set: setRationale,
              issue: w.issue('proposal', 'rationale', locale),
            },
          ]}
          submitLabel={t.send}
          onSubmit={() => w.run('proposal', { recommendation, rationale })}
          busy={w.busy}
          error={w.errorOf('proposal')}
          t={t}
          locale={locale}
        />
      ) : null}
      {can('return_for_completion') ? (
        <TextForm
          title={t.returnTitle}
          fields={[
            {
              name: 'question',
              label: t.question,
              value: question,
              set: setQuestion,
              issue: w.issue('return', 'question', locale),
            },
          ]}
          submitLabel={t.send}
          onSubmit={() => w.run('return', { question })}
          busy={w.busy}
          error={w.errorOf('return')}
          t={t}
          locale={locale}
        />
      ) : null}
      {can('add_follow_up') ? (
        <TextForm
          title={t.followUpTitle}
          extra={
            <>
              <Field label={t.followUpState} required>
                <RadioGroup
                  value={state}
                  onChange={(_, d) => setState(d.value as 'done')}
                  layout="horizontal"
                >
                  <Radio value="on_track" label={followUpStateLabel('on_track', locale)} />
                  <Radio value="delayed" label={followUpStateLabel('delayed', locale)} />
                  <Radio value="done" label={followUpStateLabel('done', locale)} />
                </RadioGroup>
              </Field>
              <Checkbox
                checked={final}
                onChange={(_, d) => setFinal(d.checked === true)}
                label={t.finalFollowUp}
              />
            </>
          }
          fields={[
            {
              name: 'whatWasDone',
              label: t.whatWasDone,
              value: done,
              set: setDone,
              issue: w.issue('follow-ups', 'whatWasDone', locale),
            },
            {
              name: 'effects',
              label: t.effects,
              value: effects,
              set: setEffects,
              issue: w.issue('follow-ups', 'effects', locale),
            },
          ]}
          submitLabel={t.send}
          onSubmit={() => w.run('follow-ups', { state, whatWasDone: done, effects, final })}
          busy={w.busy}
          error={w.errorOf('follow-ups')}
          t={t}
          locale={locale}
        />
      ) : null}
    </>
  );
}
