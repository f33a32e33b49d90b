/** @jest-environment jsdom */
/**
 * The initiative page's preparer picker in jsdom with Testing Library: it is labelled, offers the
 * server's list, narrows it as one types, is driven by keyboard, posts only the chosen person's id,
 * and shows the server's refusal at the field, in Swedish and English.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { PreparerCandidates } from '../../src/contracts/tab-api';
import type { Locale } from '../../src/domain/shared/label';
import { ApiError } from '../../src/tab/api/client';
import { PreparerPicker } from '../../src/tab/components/preparer-picker';
import { tabStrings } from '../../src/tab/i18n';

const LENA = 'b2b2b2b2-0000-4000-8000-000000000001';
const SARA = 'a1a1a1a1-0000-4000-8000-000000000005';
const KARIN = 'a1a1a1a1-0000-4000-8000-000000000002';
const LIST: PreparerCandidates = {
  items: [
    { objectId: KARIN, name: 'Karin Lund', isYou: false, current: false },
    { objectId: LENA, name: 'Lena Persson', isYou: false, current: false },
    { objectId: SARA, name: 'Sara Holm', isYou: true, current: true },
  ],
};

function picker(post = jest.fn().mockResolvedValue(undefined), locale: Locale = 'sv') {
  const load = jest.fn().mockResolvedValue(LIST);
  const onAssigned = jest.fn();
  render(
    <FluentProvider theme={teamsLightTheme}>
      <PreparerPicker
        load={load}
        loadKey="k"
        post={post}
        onAssigned={onAssigned}
        t={tabStrings(locale)}
        locale={locale}
      />
    </FluentProvider>,
  );
  return { post, load, onAssigned };
}

it('offers the server’s list by name, marks the reader and the current preparer, and narrows as one types', async () => {
  picker();
  const box = await screen.findByRole('combobox', { name: /Beredare/ });
  expect(screen.getByRole('form', { name: 'Utse beredare' })).toBeTruthy();
  await userEvent.click(box);
  expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
    'Karin Lund',
    'Lena Persson',
    'Sara Holm (du) (beredare nu)',
  ]);
  await userEvent.type(box, 'per');
  expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Lena Persson']);
  await userEvent.clear(box);
  await userEvent.type(box, 'xyz');
  expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
    'Ingen som kan bereda initiativet matchar.',
  ]);
});

// Choosing by keyboard is tested in the browser (tests/e2e/tab-preparer-picker.test.ts): jsdom
// does not move Fluent's active option.
it('posts only the chosen person’s id, then tells the page whom and clears the field', async () => {
  const { post, onAssigned } = picker();
  const box = await screen.findByRole('combobox', { name: /Beredare/ });
  await userEvent.type(box, 'le');
  await userEvent.click(screen.getByRole('option', { name: 'Lena Persson' }));
  expect((box as HTMLInputElement).value).toBe('Lena Persson');
  await userEvent.click(screen.getByRole('button', { name: 'Utse' }));
  expect(post).toHaveBeenCalledWith('preparer', { preparerId: LENA });
  expect(onAssigned).toHaveBeenCalledWith('Lena Persson');
  expect((box as HTMLInputElement).value).toBe('');
});

it('asks for a person from the list instead of posting free text', async () => {
  const { post } = picker();
  const box = await screen.findByRole('combobox', { name: /Beredare/ });
  await userEvent.type(box, 'Lena');
  await userEvent.click(screen.getByRole('button', { name: 'Utse' }));
  expect(post).not.toHaveBeenCalled();
  expect(screen.getByText('Välj en person i listan.')).toBeTruthy();
});

it('shows the server’s refusal of the chosen person at the field, in English too', async () => {
  const refusal = new ApiError(422, 'INITIATIVE.VALIDATION', null, null, [
    {
      field: 'preparerId',
      message: {
        sv: 'Initiativtagaren kan inte bereda sitt eget initiativ.',
        en: 'The initiator cannot prepare their own initiative.',
      },
    },
  ]);
  const post = jest.fn().mockRejectedValue(refusal);
  const { onAssigned } = picker(post, 'en');
  const box = await screen.findByRole('combobox', { name: /Preparer/ });
  expect(screen.getByText(/Search the preparation group/)).toBeTruthy();
  await userEvent.click(box);
  expect(screen.getByRole('option', { name: 'Sara Holm (you) (current preparer)' })).toBeTruthy();
  await userEvent.click(screen.getByRole('option', { name: 'Karin Lund' }));
  await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
  // The hint says the same words; the refusal is the field's validation message.
  expect(await screen.findAllByText(/The initiator cannot prepare their own initiative/)).toHaveLength(2);
  expect(box.getAttribute('aria-invalid')).toBe('true');
  expect(onAssigned).not.toHaveBeenCalled();
});
