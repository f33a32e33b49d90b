import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingPage } from '../../contracts/meeting-api';
import type { MeetingTabStrings } from '../meeting-i18n';
import { fmt } from '../i18n';
import { hrefOf } from '../router';

type Item = MeetingPage['meeting']['agenda'][number];
type Outcome = 'bifall' | 'avslag' | 'aterremiss';

export interface ItemActions {
  move(itemId: string, to: number): void;
  remove(itemId: string): void;
  jav(itemId: string): void;
  decide(itemId: string, outcome: Outcome, rationale: string): void;
}

/**
 * One agenda item: its paragraph once decided (with the justering state), jäv notes, and for the
 * chair and the secretary the controls to reorder, remove and decide. The server checks every action.
 */
export function MeetingItem({
  item,
  index,
  count,
  page,
  m,
  meId,
  actions,
}: {
  item: Item;
  index: number;
  count: number;
  page: MeetingPage;
  m: MeetingTabStrings;
  meId: string;
  actions: ItemActions;
}) {
  const [outcome, setOutcome] = useState<Outcome>('bifall');
  const [rationale, setRationale] = useState('');
  const justered = page.meeting.status === 'justered';
  const paragraph = item.decision ? `§ ${item.decision.paragraph}` : null;
  const title = `${item.ref ?? ''} ${item.title}`.trim();
  const hasJav = item.jav.some((j) => j.member.objectId === meId);
  return (
    <li className="oh-meeting-item">
      <h3>
        {paragraph ? `${paragraph} ` : `${index + 1}. `}
        {item.ref ? <a href={hrefOf({ name: 'initiative', key: item.ref })}>{title}</a> : title}
      </h3>
      {paragraph ? (
        <p>
          {fmt(m.decided, { paragraph })} – <strong>{justered ? m.justerat : m.ejJusterat}</strong>
        </p>
      ) : null}
      {item.jav.length > 0 ? (
        <p>{fmt(m.javNote, { names: item.jav.map((j) => j.member.name).join(', ') })}</p>
      ) : null}
      {!item.decision && page.can.edit ? (
        <div className="oh-buttons">
          <Button
            disabled={index === 0}
            onClick={() => actions.move(item.id, index - 1)}
            aria-label={fmt(m.moveUp, { title })}
          >
            ↑
          </Button>
          <Button
            disabled={index === count - 1}
            onClick={() => actions.move(item.id, index + 1)}
            aria-label={fmt(m.moveDown, { title })}
          >
            ↓
          </Button>
          <Button onClick={() => actions.remove(item.id)} aria-label={fmt(m.remove, { title })}>
            ✕
          </Button>
          {!hasJav ? <Button onClick={() => actions.jav(item.id)}>{m.declareJav}</Button> : null}
        </div>
      ) : null}
      {!item.decision && page.can.decide && !hasJav ? (
        <form
          className="oh-decide"
          aria-label={`${m.decide}: ${title}`}
          onSubmit={(e) => {
            e.preventDefault();
            actions.decide(item.id, outcome, rationale);
          }}
        >
          <Field label={m.outcome}>
            <Select value={outcome} onChange={(_, d) => setOutcome(d.value as Outcome)}>
              {(['bifall', 'avslag', 'aterremiss'] as const).map((o) => (
                <option key={o} value={o}>
                  {m[o]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={m.rationale} required>
            <Textarea value={rationale} onChange={(_, d) => setRationale(d.value)} />
          </Field>
          <Button appearance="primary" type="submit">
            {m.recordDecision}
          </Button>
        </form>
      ) : null}
    </li>
  );
}
