/**
 * Every text a user typed shows literally on every card. The attacker is an initiator (or a RUG
 * member writing a comment) who types markdown so that RUG's channel shows a fake link or a bold
 * "BESLUT". Each card's markdown text is rendered with markdown-it (html on: the most permissive
 * client) and must contain no link, heading, list or HTML from user text — while the template's own
 * bold reference number still renders, and input values come back exactly as typed.
 */
import MarkdownIt from 'markdown-it';
import { catalogue } from '../../src/domain/catalogue/catalogue';
import {
  confirmationCard,
  formCard,
  listCard,
  messageCard,
  notificationCard,
} from '../../src/cards/initiative-cards';
import { escapeMarkdown } from '../../src/cards/inert-text';
import { channelNotice, decisionCard, preparationCard, reviewCard } from '../../src/cards/rug-cards';
import type { Stance } from '../../src/domain/approval/approval';
import type { Initiative } from '../../src/domain/initiative/initiative.types';
import { newInitiative, validForm } from '../support/fixtures';
import { findAll } from '../support/card-check';

const LINK = '[Godkänn här](https://evil.example/x)';
const BOLD = '**BESLUT**';
const BLOCKS = '# Rubrik\n\n1. ett\n\n- två\n\n> citat';
const HTML = '<b>fet</b> <a href="https://evil.example">länk</a>';
const MORE = '_kursiv_ `kod` ~~struken~~ <https://evil.example/auto>';
const HOSTILE = `${LINK} ${BOLD}\n\n${BLOCKS}\n\n${HTML} ${MORE}`;

const md = new MarkdownIt({ html: true, linkify: false });
const link = (ref: string) => `https://teams.microsoft.com/l/entity/app/x?context=${encodeURIComponent(ref)}`;
const who = (name: string) => ({ objectId: name, tenantId: 't', name });

const form = validForm({
  title: `${LINK} ${BOLD}`,
  background: HOSTILE,
  description: HOSTILE,
  expectedEffect: HOSTILE,
  anchoringManagerName: `${BOLD} ${LINK}`,
  resources: HOSTILE,
  timePlan: HOSTILE,
  followUpPlan: HOSTILE,
  contactName: `${BOLD}`,
});
const base: Initiative = {
  ...newInitiative({ status: 'submitted', ref: 'OH-2026-0007', form, initiator: who(`${BOLD} ${LINK}`) }),
  version: '1',
};
const stances: Stance[] = [
  {
    initiativeId: base.id,
    memberId: 'm1',
    memberName: `${LINK}`,
    stance: 'decline',
    comment: HOSTILE,
    at: '2026-03-03T10:00:00.000Z',
    version: '1',
  },
];
const proposal = {
  recommendation: 'bifall' as const,
  rationale: HOSTILE,
  proposedBy: who(BOLD),
  proposedAt: '2026-04-01T10:00:00.000Z',
};
const decision = (id: string, extra = {}) => ({
  id,
  outcome: 'bifall' as const,
  meetingDate: '2026-04-15',
  rationale: HOSTILE,
  diarienummer: `${BOLD}`,
  decidedBy: who(LINK),
  decidedAt: '2026-04-15T12:00:00.000Z',
  ...extra,
});
const decided: Initiative = {
  ...base,
  status: 'in_implementation',
  proposal,
  preparer: who(BOLD),
  decisions: [decision('d1'), decision('d2', { supersedesId: 'd1', supersedeReason: HOSTILE })],
  followUps: [
    {
      id: 'f1',
      final: false,
      state: 'on_track',
      whatWasDone: HOSTILE,
      effects: HOSTILE,
      malbildIds: [],
      sharedAsStory: true,
      by: who(LINK),
      at: '2026-06-01T10:00:00.000Z',
    },
  ],
};
const at = (status: Initiative['status'], extra: Partial<Initiative> = {}): Initiative => ({
  ...base,
  status,
  ...extra,
});

const CARDS: [string, object][] = [
  ['form with the values kept', formCard('sv', catalogue, { form, clientKey: 'k', question: HOSTILE }, link)],
  [
    'form with similar initiatives',
    formCard('sv', catalogue, { form, clientKey: 'k', similar: [base] }, link),
  ],
  ['confirmation', confirmationCard('sv', catalogue, base, link, { stances })],
  [
    'my initiatives',
    listCard('sv', catalogue, 'Mina initiativ', [base, decided], link, {
      objectId: base.initiator.objectId,
      roles: [],
    }),
  ],
  ['notification', notificationCard('sv', catalogue, decided, HOSTILE, link)],
  ['message', messageCard('sv', HOSTILE, { title: `${LINK}` })],
  ['review', reviewCard('sv', catalogue, base, stances, link)],
  ['review (decided)', reviewCard('sv', catalogue, decided, stances, link)],
  [
    'preparation (awaiting completion)',
    preparationCard(
      'sv',
      catalogue,
      at('awaiting_completion', { completionRequest: HOSTILE, preparer: who(LINK) }),
      stances,
      link,
    ),
  ],
  [
    'decision (proposal ready)',
    decisionCard('sv', catalogue, at('proposal_ready', { proposal }), stances, link, '2026-04-15'),
  ],
  ['decision (decided, follow-ups)', decisionCard('sv', catalogue, decided, stances, link, '2026-06-02')],
  ['success story in the channel', channelNotice('sv', `${LINK}`, [HOSTILE], { subheading: BOLD })],
];

/** Every string a Teams client renders as markdown: TextBlock text and FactSet facts. */
function markdownTexts(card: object): string[] {
  const texts = findAll(card, 'TextBlock').map((t) => String(t.text));
  for (const set of findAll(card, 'FactSet'))
    for (const f of set.facts as { title: string; value: string }[]) texts.push(f.title, f.value);
  return texts;
}

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe.each(CARDS)('%s card', (_name, card) => {
  const rendered = markdownTexts(card).map((t) => md.render(t));
  it('renders no link, heading, list, quote, code or HTML from user text', () => {
    for (const html of rendered) {
      expect(html).not.toMatch(/<(a|h\d|blockquote|code|b|del|s)[\s>]/);
      // The template numbers skallkrav rows itself ("1. …"); a list item from user text is not that.
      expect(html).not.toMatch(/<li>[^<]*(ett|två)/);
      expect(html).not.toMatch(/<(strong|em)>[^<]*(BESLUT|kursiv|Godkänn)/);
    }
  });
  it('shows what was typed, literally', () => {
    const shown = rendered.map(plain).join('\n');
    expect(shown).toContain(LINK);
  });
});

it('the template’s own markdown still renders (the reference number in bold)', () => {
  const html = markdownTexts(decisionCard('sv', catalogue, decided, stances, link, '2026-06-02'))
    .map((t) => md.render(t))
    .join('');
  expect(html).toContain('<strong>OH-2026-0007</strong>');
});

it('input values and action data come back exactly as typed (never escaped twice)', () => {
  const card = formCard('sv', catalogue, { form, clientKey: 'k' }, link);
  const inputs = findAll(card, 'Input.Text');
  expect(inputs.find((i) => i.id === 'title')?.value).toBe(form.title);
  expect(inputs.find((i) => i.id === 'background')?.value).toBe(HOSTILE);
  expect(JSON.stringify(card)).not.toMatch(/[\ue000\ue001]/);
});

it('escapes each markdown construct a user could type', () => {
  for (const text of [LINK, BOLD, '# h', '1. x', '- x', '+ x', '> x', '<b>x</b>', '_x_', '`x`', '\\*x\\*'])
    expect(plain(md.render(escapeMarkdown(text))).trim()).toBe(text);
});
