import { Card, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { STANCE_LABELS } from '../../domain/approval/approval';
import { text } from '../../domain/shared/label';
import type { InitiativeDetail, PreparerCandidates, TimelineEvent } from '../../contracts/tab-api';
import { SkallkravMarks, StatusBadge } from '../components/badges';
import { ActionForms } from '../components/action-forms';
import { DecisionForm, type DecisionInput } from '../components/decision-form';
import { Notice } from '../components/notice';
import { PreparerPicker } from '../components/preparer-picker';
import { Timeline } from '../components/timeline';
import { ErrorState, Loading } from '../components/states';
import { DecisionMeetingLink } from '../components/decision-meeting-link';
import { useTab } from '../context';
import { fmt } from '../i18n';
import { day, followUpStateLabel, labelOf, labelsOf, outcomeLabel, skallkravStateLabel } from '../labels';
import { hrefOf } from '../router';
import { useResource } from '../use-resource';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 22rem), 1fr))',
    gap: tokens.spacingHorizontalXL,
  },
  dl: {
    margin: 0,
    '& dt': { fontWeight: tokens.fontWeightSemibold, marginBlockStart: tokens.spacingVerticalS },
  },
  dd: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  card: { marginBlockEnd: tokens.spacingVerticalM },
  list: { paddingInlineStart: '1.25rem' },
});

/** The initiative page: every field, skallkrav 1–4 with approvers, decisions, follow-ups, timeline. */
export function InitiativePage({ refKey }: { refKey: string }) {
  const { api, t, locale } = useTab();
  const path = `/api/initiatives/${encodeURIComponent(refKey)}`;
  const detail = useResource(path, () => api.get<InitiativeDetail>(path));
  const events = useResource(`${path}/events`, () => api.get<{ items: TimelineEvent[] }>(`${path}/events`));
  // Outside the detail, which is redrawn on every reload: what an action did stays said.
  // Kept with its page, so it is not shown on another initiative opened from here.
  const [said, setSaid] = useState({ key: '', text: '' });
  const notice = said.key === refKey ? said.text : '';
  const setNotice = (text: string) => setSaid({ key: refKey, text });
  return (
    <article aria-labelledby="initiative-title">
      <p>
        <Link href={hrefOf({ name: 'all' })}>{t.backToList}</Link>
      </p>
      <Notice text={notice} />
      {detail.state === 'loading' ? <Loading label={t.loading} /> : null}
      {detail.state === 'error' ? (
        <>
          <h1 id="initiative-title">{refKey}</h1>
          <ErrorState error={detail.error} onRetry={detail.reload} t={t} locale={locale} />
        </>
      ) : null}
      {detail.state === 'ready' ? (
        <Detail
          data={detail.data}
          events={events.state === 'ready' ? events.data.items : null}
          eventsError={events.state === 'error' ? events.error : null}
          onDecide={async (input) => {
            // The decision applies to the text on the page: the server refuses it if that changed.
            await api.post(`${path}/decision`, { ...input, shown: detail.data.shownForDecision });
            detail.reload();
            events.reload();
          }}
          onAction={async (action, body) => {
            setNotice('');
            await api.post(`${path}/${action}`, body);
            detail.reload();
            events.reload();
          }}
          onNotice={setNotice}
        />
      ) : null}
    </article>
  );
}

function Detail({
  data,
  events,
  eventsError,
  onDecide,
  onAction,
  onNotice,
}: {
  data: InitiativeDetail;
  events: readonly TimelineEvent[] | null;
  eventsError: unknown;
  onDecide: (input: DecisionInput) => Promise<void>;
  onAction: (action: string, body: object) => Promise<void>;
  onNotice: (text: string) => void;
}) {
  const { api, t, locale, catalogue } = useTab();
  const s = useStyles();
  const i = data.initiative;
  const f = i.form;
  const field = (label: string, value: string) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd className={s.dd}>{value}</dd>
      </>
    ) : null;
  const canDecide = data.allowedActions.some((a) => a.startsWith('decide_'));
  const path = `/api/initiatives/${encodeURIComponent(i.ref ?? i.id)}`;
  return (
    <>
      <header>
        <h1 id="initiative-title">{f.title || t.draft}</h1>
        <div className={s.header}>
          <span>{i.ref ?? t.draft}</span>
          <StatusBadge status={i.status} locale={locale} />
          <SkallkravMarks states={data.skallkrav.map((k) => k.state)} t={t} locale={locale} />
        </div>
      </header>

      <section aria-labelledby="skallkrav-title">
        <h2 id="skallkrav-title">{t.skallkrav}</h2>
        <ol className={s.list}>
          {data.skallkrav.map((k) => (
            <li key={k.rule}>
              <strong>{`${k.met ? '✓' : '…'} ${skallkravStateLabel(k.state, locale)}`}</strong>
              {' – '}
              {k.message ? text(k.message, locale) : ''}
              {k.rule === 4 ? (
                <div>
                  {k.approvedBy && k.approvedBy.length > 0
                    ? fmt(t.approvedBy, { names: k.approvedBy.join(', ') })
                    : t.notYetApproved}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-label={t.actions}>
        <ActionForms
          data={data}
          post={onAction}
          t={t}
          locale={locale}
          preparerPicker={
            data.allowedActions.includes('assign_preparer') ? (
              <PreparerPicker
                load={() => api.get<PreparerCandidates>(`${path}/preparer-candidates`)}
                loadKey={`${path}/preparer-candidates|${i.preparer?.name ?? ''}`}
                post={onAction}
                onAssigned={(name) => onNotice(fmt(t.preparerAssigned, { name }))}
                t={t}
                locale={locale}
              />
            ) : null
          }
        />
      </section>
      {canDecide ? (
        <section aria-label={t.recordDecision}>
          <Card className={s.card}>
            <DecisionForm
              allowed={data.allowedActions}
              supersedes={i.decisions.length > 0}
              catalogue={catalogue}
              locale={locale}
              t={t}
              today={new Date().toISOString().slice(0, 10)}
              onSubmit={onDecide}
            />
          </Card>
        </section>
      ) : null}

      <div className={s.grid}>
        <section aria-labelledby="about-title">
          <h2 id="about-title">{t.description}</h2>
          <dl className={s.dl}>
            {field(t.background, f.background)}
            {field(t.description, f.description)}
            {field(t.expectedEffect, f.expectedEffect)}
            {field(t.resources, f.resources)}
            {field(t.timePlan, f.timePlan)}
            {field(t.followUpPlan, f.followUpPlan)}
          </dl>
        </section>
        <section aria-labelledby="links-title">
          <h2 id="links-title">{t.links}</h2>
          <dl className={s.dl}>
            {field(t.organisations, labelsOf(catalogue, f.organisationIds, locale, i.catalogueVersion))}
            {field(t.targetGroups, labelsOf(catalogue, f.targetGroupIds, locale, i.catalogueVersion))}
            {field(t.goalWords, labelsOf(catalogue, f.goalWordIds, locale, i.catalogueVersion))}
            {field(t.factors, labelsOf(catalogue, f.factorIds, locale, i.catalogueVersion))}
            {field(t.statements, labelsOf(catalogue, f.statementIds, locale, i.catalogueVersion))}
            {field(t.prerequisites, labelsOf(catalogue, f.prerequisiteIds, locale, i.catalogueVersion))}
            {field(t.agreements, labelsOf(catalogue, f.agreementIds, locale, i.catalogueVersion))}
            {field(t.anchoring, f.anchoringManagerName)}
            {field(t.initiator, i.initiator.name)}
            {field(t.contact, [f.contactName, f.contactEmail, f.contactPhone].filter(Boolean).join(', '))}
            {field(t.submitted, day(i.submittedAt))}
          </dl>
        </section>
      </div>

      <section aria-labelledby="stances-title">
        <h2 id="stances-title">{t.stances}</h2>
        {data.stances.length === 0 ? (
          <p>{t.notYetApproved}</p>
        ) : (
          <ul className={s.list}>
            {data.stances.map((st) => (
              <li key={`${st.memberName}-${st.at}`}>
                {st.memberName}: {text(STANCE_LABELS[st.stance], locale)} ({day(st.at)})
                {st.comment ? ` – ${st.comment}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="prep-title">
        <h2 id="prep-title">{t.proposal}</h2>
        <dl className={s.dl}>
          {field(t.preparer, i.preparer?.name ?? t.noPreparer)}
          {field(t.completionRequest, i.completionRequest ?? '')}
          {i.proposal
            ? field(
                t.proposal,
                `${outcomeLabel(i.proposal.recommendation, locale)} – ${i.proposal.rationale} (${i.proposal.proposedBy.name}, ${day(i.proposal.proposedAt)})`,
              )
            : null}
        </dl>
      </section>

      <section aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t.decisions}</h2>
        {i.decisions.length === 0 ? <p>{t.noDecision}</p> : null}
        {[...i.decisions].reverse().map((d) => (
          <Card key={d.id} className={s.card}>
            <h3>
              {outcomeLabel(d.outcome, locale)} · {d.meetingDate}
            </h3>
            <dl className={s.dl}>
              {field(t.rationale, d.rationale)}
              {field(t.diarienummer, d.diarienummer ?? '')}
              {field(t.responsible, d.responsibleId ? labelOf(catalogue, d.responsibleId, locale) : '')}
              {field(t.decidedBy.replace(' {name}', ''), `${d.decidedBy.name} (${day(d.decidedAt)})`)}
              {d.supersedeReason ? field(t.supersedes.replace(': {reason}', ''), d.supersedeReason) : null}
            </dl>
            <DecisionMeetingLink link={d.meeting} date={d.meetingDate} api={api} locale={locale} />
          </Card>
        ))}
      </section>

      <section aria-labelledby="followups-title">
        <h2 id="followups-title">{t.followUps}</h2>
        {(i.followUps ?? []).length === 0 ? <p>{t.noFollowUps}</p> : null}
        {[...(i.followUps ?? [])].reverse().map((fu) => (
          <Card key={fu.id} className={s.card}>
            <h3>
              {day(fu.at)} · {followUpStateLabel(fu.state, locale)}
              {fu.final ? ` · ${t.finalReport}` : ''}
            </h3>
            <p className={s.dd}>{fu.whatWasDone}</p>
            {fu.effects ? <p className={s.dd}>{fu.effects}</p> : null}
            <p>{fu.by.name}</p>
          </Card>
        ))}
      </section>

      <Timeline events={events} error={eventsError} />
    </>
  );
}
