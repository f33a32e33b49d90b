/** @jest-environment jsdom */
/**
 * Component tests for the tab's filters, forms and states, in jsdom with Testing Library: what a
 * person sees and what reaches the API when they act.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { catalogue } from '../../src/domain/catalogue/catalogue';
import { applyChange } from '../../src/domain/catalogue/catalogue-edit';
import { labelOf, labelsOf } from '../../src/tab/labels';
import { ApiError } from '../../src/tab/api/client';
import { ActionForms } from '../../src/tab/components/action-forms';
import { DecisionForm } from '../../src/tab/components/decision-form';
import { FilterBar, filterQuery, NO_FILTERS, type Filters } from '../../src/tab/components/filters';
import { Empty, ErrorState, Loading } from '../../src/tab/components/states';
import { tabStrings } from '../../src/tab/i18n';
import type { Api } from '../../src/tab/api/client';
import type { InitiativePage, InitiativeRow } from '../../src/contracts/tab-api';
import { TabContext } from '../../src/tab/context';
import { InitiativeList } from '../../src/tab/views/initiative-list';

const t = tabStrings('sv');
const ui = (el: ReactElement) => render(<FluentProvider theme={teamsLightTheme}>{el}</FluentProvider>);

afterEach(() => jest.useRealTimers());

// jsdom has no ResizeObserver; Fluent's Textarea asks for one.
beforeAll(() => {
  window.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

describe('the list filters', () => {
  it('build the API query from what is chosen', () => {
    expect(filterQuery(NO_FILTERS)).toBe('sort=-updated');
    expect(
      filterQuery({
        ...NO_FILTERS,
        status: 'approved',
        targetGroup: 'hemsjukvard',
        q: 'trygg hemgång',
        year: '2025',
      }),
    ).toBe('status=approved&targetGroup=hemsjukvard&year=2025&q=trygg+hemg%C3%A5ng&sort=-updated');
  });

  it('apply a choice at once and free text after a pause in typing; clearing keeps the sort', async () => {
    jest.useFakeTimers();
    const onChange = jest.fn<void, [Filters]>();
    const { rerender } = ui(
      <FilterBar
        value={NO_FILTERS}
        onChange={onChange}
        catalogue={catalogue}
        locale="sv"
        t={t}
        years={[2026, 2025]}
      />,
    );
    expect(screen.getByRole('button', { name: 'Rensa filter' })).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Målgrupp'), { target: { value: 'barn-unga-psykisk-halsa' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTERS, targetGroup: 'barn-unga-psykisk-halsa' });
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'elevhälsa' } });
    expect(onChange).toHaveBeenCalledTimes(1); // not yet: typing may go on
    act(() => jest.advanceTimersByTime(350));
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTERS, q: 'elevhälsa' });
    jest.useRealTimers();

    const chosen = { ...NO_FILTERS, status: 'approved', sort: 'title' };
    rerender(
      <FluentProvider theme={teamsLightTheme}>
        <FilterBar
          value={chosen}
          onChange={onChange}
          catalogue={catalogue}
          locale="sv"
          t={t}
          years={[2026]}
        />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Rensa filter' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTERS, sort: 'title' });
  });

  it('offer goal words and success factors, labelled in the chosen language', () => {
    ui(
      <FilterBar
        value={NO_FILTERS}
        onChange={jest.fn()}
        catalogue={catalogue}
        locale="en"
        t={tabStrings('en')}
        years={[]}
      />,
    );
    const select = screen.getByLabelText('Goal word or success factor');
    expect(within(select).getByRole('group', { name: 'Goal words' })).toBeTruthy();
    expect(within(select).getByRole('option', { name: /Person-centred/i })).toBeTruthy();
  });
});

describe('a catalogue with retired and reworded entries', () => {
  const retired = applyChange(catalogue, { op: 'retire', id: 'hemsjukvard' }, '2026.1').catalogue;
  const reworded = applyChange(
    retired,
    { op: 'reword', id: 'varberg', label: { sv: 'Varberg', en: 'Varberg' } },
    '2026.2',
  ).catalogue;

  it('still filters on a retired target group, marked as retired', () => {
    ui(
      <FilterBar value={NO_FILTERS} onChange={jest.fn()} catalogue={reworded} locale="sv" t={t} years={[]} />,
    );
    const select = screen.getByLabelText('Målgrupp');
    expect(
      within(select).getByRole('option', { name: /Äldre och övriga med behov av hemsjukvård \(utgången\)/ }),
    ).toBeTruthy();
  });

  it('labels an initiative as it read in the catalogue version it was sent with', () => {
    expect(labelsOf(reworded, ['region-halland', 'varberg'], 'sv', '2025.1')).toBe(
      'Region Halland, Varbergs kommun',
    );
    expect(labelsOf(reworded, ['region-halland', 'varberg'], 'sv', '2026.2')).toBe('Region Halland, Varberg');
    expect(labelOf(reworded, 'hemsjukvard', 'en', '2026.2')).toBe(
      'Older people and others in need of home health care',
    );
  });

  it('does not offer a retired organisation as responsible for a new decision', () => {
    const noVarberg = applyChange(catalogue, { op: 'retire', id: 'varberg' }, '2026.1').catalogue;
    ui(
      <DecisionForm
        allowed={['decide_approve']}
        supersedes={false}
        catalogue={noVarberg}
        locale="sv"
        t={t}
        today="2026-06-10"
        onSubmit={jest.fn()}
      />,
    );
    const select = screen.getByLabelText('Ansvarig');
    expect(within(select).queryByRole('option', { name: 'Varbergs kommun' })).toBeNull();
    expect(within(select).getByRole('option', { name: 'Kungsbacka kommun' })).toBeTruthy();
  });
});

describe('the decision form', () => {
  const setup = (
    allowed = ['decide_approve', 'decide_reject', 'decide_refer_back'] as const,
    supersedes = false,
  ) => {
    const onSubmit = jest.fn<Promise<void>, [unknown]>().mockResolvedValue(undefined);
    ui(
      <DecisionForm
        allowed={[...allowed]}
        supersedes={supersedes}
        catalogue={catalogue}
        locale="sv"
        t={t}
        today="2026-06-10"
        onSubmit={onSubmit}
      />,
    );
    return onSubmit;
  };

  it('offers only the outcomes the server allows', () => {
    setup(['decide_approve'] as never);
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['bifall']);
  });

  it('sends nothing without a rationale and says which field is missing', async () => {
    const onSubmit = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Registrera beslut' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Obligatoriskt')).toBeTruthy();
  });

  it('sends the decision with meeting date, case number and responsible party', async () => {
    const onSubmit = setup();
    await userEvent.click(screen.getByRole('radio', { name: 'Avslag' }));
    await userEvent.type(screen.getByLabelText(/Motivering/), 'Ryms inte i år.');
    await userEvent.type(screen.getByLabelText('Diarienummer'), 'RUG 2026/7');
    await userEvent.selectOptions(screen.getByLabelText('Ansvarig'), 'indikatorgruppen');
    await userEvent.click(screen.getByRole('button', { name: 'Registrera beslut' }));
    expect(onSubmit).toHaveBeenCalledWith({
      outcome: 'avslag',
      meetingDate: '2026-06-10',
      rationale: 'Ryms inte i år.',
      diarienummer: 'RUG 2026/7',
      responsibleId: 'indikatorgruppen',
      supersedeReason: '',
    });
    await screen.findByText('Sparat.');
  });

  it('asks why when it replaces an earlier decision', async () => {
    const onSubmit = setup(undefined, true);
    await userEvent.type(screen.getByLabelText(/Motivering/), 'Nytt underlag.');
    await userEvent.click(screen.getByRole('button', { name: 'Registrera beslut' }));
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.type(
      screen.getByLabelText(/Ersätter tidigare beslut/),
      'Felaktigt datum i första beslutet.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Registrera beslut' }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ supersedeReason: 'Felaktigt datum i första beslutet.' }),
    );
  });

  it('shows the server’s message at the field it concerns, and a refusal as an alert', async () => {
    const onSubmit = setup();
    onSubmit.mockRejectedValueOnce(
      new ApiError(422, 'INITIATIVE.VALIDATION', null, 'c0ffee00', [
        { field: 'rationale', message: { sv: 'Högst 4000 tecken.', en: 'At most 4000 characters.' } },
      ]),
    );
    await userEvent.type(screen.getByLabelText(/Motivering/), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Registrera beslut' }));
    await screen.findByText('Högst 4000 tecken.');
    onSubmit.mockRejectedValueOnce(
      new ApiError(
        403,
        'INITIATIVE.NOT_ALLOWED',
        { sv: 'Du har inte behörighet att besluta om bifall.', en: 'x' },
        null,
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Registrera beslut' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Du har inte behörighet att besluta om bifall.',
    );
  });
});

describe('loading, empty and error states', () => {
  it('announce loading and emptiness', () => {
    ui(
      <>
        <Loading label="Hämtar …" />
        <Empty>{t.emptyMine}</Empty>
      </>,
    );
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual(['Hämtar …', t.emptyMine]);
  });

  it.each([
    [new ApiError(404, 'INITIATIVE.NOT_FOUND', null, null), t.errorNotFound],
    [new ApiError(401, 'AUTH.INVALID_TOKEN', null, null), t.errorAuth],
    [new ApiError(503, 'STORE.UNAVAILABLE', null, null), t.errorBusy],
    [new ApiError(500, 'INTERNAL', null, '1234abcd-0000'), 'ange kod 1234abcd'],
    [new TypeError('Failed to fetch: ECONNRESET at socket'), 'ange kod NETWORK'],
  ])('say what to do, never the raw error (%s)', async (error, expected) => {
    const retry = jest.fn();
    ui(<ErrorState error={error} onRetry={retry} t={t} locale="sv" />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(expected);
    expect(alert.textContent).not.toMatch(/ECONNRESET|TypeError|INTERNAL|HTTP_/);
    await userEvent.click(within(alert).getByRole('button', { name: 'Försök igen' }));
    expect(retry).toHaveBeenCalled();
  });
});

describe('the initiative list', () => {
  const row = (n: number): InitiativeRow => ({
    id: `id-${n}`,
    ref: `OH-2026-${String(n).padStart(4, '0')}`,
    title: `Initiativ ${n}`,
    status: 'in_preparation',
    organisationIds: ['region-halland', 'varberg'],
    targetGroupIds: ['hemsjukvard'],
    goalWordIds: ['nara'],
    factorIds: [],
    initiatorName: 'Anna Andersson',
    submittedAt: '2026-03-01T09:00:00.000Z',
    decidedAt: null,
    updatedAt: '2026-03-02T09:00:00.000Z',
    skallkrav: ['met', 'met', 'met', 'pending'],
  });

  it('loads a page, pages on by cursor, and says what to do when nothing matches', async () => {
    const calls: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const get = async (path: string): Promise<InitiativePage> => {
      calls.push(path);
      await gate;
      if (path.includes('q=inget')) return { items: [], nextCursor: null, total: 0 };
      if (path.includes('cursor=c2')) return { items: [row(51)], nextCursor: null, total: 51 };
      return { items: Array.from({ length: 50 }, (_, n) => row(n + 1)), nextCursor: 'c2', total: 51 };
    };
    const api = { get } as unknown as Api;
    ui(
      <TabContext.Provider
        value={{ api, locale: 'sv', t, catalogue, me: { objectId: 'me', name: 'Per Nilsson', roles: [] } }}
      >
        <InitiativeList scope="all" title={t.all} />
      </TabContext.Provider>,
    );
    expect(screen.getByRole('status').textContent).toContain('Hämtar');
    release();
    expect((await screen.findByText('1–50 av 51 initiativ')).textContent).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Initiativ 1' }).getAttribute('href')).toBe(
      '#/initiatives/OH-2026-0001',
    );
    expect(screen.getAllByRole('img', { name: /Skallkrav 4: väntar/ })).toHaveLength(50);
    await userEvent.click(screen.getByRole('button', { name: 'Nästa' }));
    await screen.findByText('51–51 av 51 initiativ');
    expect(calls.at(-1)).toContain('cursor=c2');
    expect(screen.getByRole('button', { name: 'Nästa' })).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByRole('button', { name: 'Föregående' }));
    await screen.findByText('1–50 av 51 initiativ');

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'inget' } });
    await screen.findByText(t.emptyAll, undefined, { timeout: 3000 });
    expect(calls.at(-1)).toContain('q=inget');
    expect(calls.at(-1)).not.toContain('cursor=');
  });
});

describe('the action buttons on the initiative page', () => {
  const detail = (status: string, allowed: string[]) =>
    ({
      initiative: { status, initiator: { name: 'Anna Andersson', isYou: true }, preparer: null },
      stances: [],
      skallkrav: [],
      allowedActions: allowed,
    }) as unknown as import('../../src/contracts/tab-api').InitiativeDetail;

  it('offers exactly what the server says the policy allows, and posts the action', async () => {
    const post = jest.fn<Promise<void>, [string, object]>().mockResolvedValue(undefined);
    ui(<ActionForms data={detail('proposal_ready', ['view', 'withdraw'])} post={post} t={t} locale="sv" />);
    expect(screen.queryByRole('button', { name: t.takePreparation })).toBeNull();
    expect(screen.queryByRole('button', { name: t.closeInitiative })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: t.withdrawInitiative }));
    expect(post).toHaveBeenCalledWith('withdraw', {});
  });

  it('shows the follow-up form to whoever the policy lets report, the preparation group included', () => {
    ui(
      <ActionForms
        data={detail('in_implementation', ['view', 'add_follow_up', 'report_final_follow_up'])}
        post={jest.fn()}
        t={t}
        locale="sv"
      />,
    );
    expect(screen.getByRole('form', { name: t.followUpTitle })).toBeTruthy();
  });
});
