import { setStance } from '../app/use-cases/set-stance';
import {
  assignPreparer,
  proposeDecision,
  returnForCompletion,
  reviseProposal,
} from '../app/use-cases/preparation';
import { addFollowUp, closeInitiative, recordDecision } from '../app/use-cases/decision';
import { loadInitiative } from '../app/use-cases/support';
import { channelNotice, type TypedValues } from '../cards/rug-cards';
import { messageCard } from '../cards/initiative-cards';
import type { AdaptiveCardJson } from '../cards/templates';
import { STANCE_LABELS, type StanceKind } from '../domain/approval/approval';
import type { Person } from '../domain/initiative/initiative.types';
import { actorsFor } from '../domain/initiative/actors';
import { DomainError, ValidationError } from '../domain/shared/domain.errors';
import { StoreError } from '../app/ports/store.errors';
import { type Locale, text } from '../domain/shared/label';
import { fill, strings } from '../i18n/strings';
import type { BotContext } from './bot-context';
import type { ChannelVerb } from './card-verbs';
import { renderChannelCard } from './channel-cards';
import { parseCommand } from './commands';
import { messageText } from './error-cards';

/** Where a channel message came from, as Teams describes it. */
export interface ChannelOrigin {
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly teamId?: string;
  readonly channelId?: string;
  readonly locale: Locale;
}

/**
 * "@Omtanke koppla RUG" (or "connect RUG") registers the channel; only admins may, and it is
 * audited. Re-registering moves it. Anything else gets help, never silence.
 */
export async function answerChannelMessage(
  bc: BotContext,
  person: Person,
  origin: ChannelOrigin,
  typed: string,
) {
  const t = strings(origin.locale);
  const command = parseCommand(typed);
  if (command.kind !== 'connect') return channelNotice(origin.locale, t.appName, [t.channelHelp]);
  const roles = await bc.deps.directory.rolesOf(person.objectId);
  if (!roles.includes('admin')) return channelNotice(origin.locale, t.appName, [t.channelNotAdmin]);
  const key = `channel:${command.target}`;
  const before = await bc.deps.store.conversations.get(key);
  await bc.deps.store.conversations.save({
    key,
    conversationId: origin.channelId ?? origin.conversationId,
    serviceUrl: origin.serviceUrl,
    tenantId: origin.tenantId,
    conversationType: 'channel',
    ...(origin.teamId ? { teamId: origin.teamId } : {}),
    ...(origin.channelId ? { channelId: origin.channelId } : {}),
    locale: origin.locale,
    updatedAt: bc.deps.clock.now().toISOString(),
  });
  await bc.deps.store.audit.append({
    id: bc.deps.ids.newId(),
    initiativeId: 'system:channels',
    kind: 'channel_registered',
    at: bc.deps.clock.now().toISOString(),
    actor: { objectId: person.objectId, name: person.name },
    before: { channel: before?.conversationId ?? null },
    after: {
      target: command.target,
      channel: origin.channelId ?? origin.conversationId,
      teamId: origin.teamId ?? null,
    },
  });
  const target = command.target === 'rug' ? t.channelRugName : t.channelBeredningName;
  return channelNotice(origin.locale, t.appName, [fill(t.channelRegistered, { target })]);
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

const NOT_MEMBER = {
  sv: 'Bara ledamöter i RUG kan se det här kortet.',
  en: 'Only RUG members can see this card.',
};

/** A choice from a card's ChoiceSet; anything else is a field error, never a silent default. */
function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  const hit = allowed.find((a) => a === value);
  if (hit) return hit;
  throw new ValidationError([
    {
      field,
      code: 'FIELD.REQUIRED',
      message: { sv: 'Välj ett av alternativen.', en: 'Choose one of the options.' },
    },
  ]);
}

function typedValues(data: Readonly<Record<string, unknown>>): TypedValues {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) if (typeof v === 'string') out[k] = v;
  return out;
}

const STANCE_FOR: Partial<Record<ChannelVerb, StanceKind>> = {
  'rug.approve': 'approve',
  'rug.decline': 'decline',
  'rug.jav': 'jav',
};

/**
 * Handles an Action.Execute on a RUG or preparation card. The card sends only the initiative id and
 * the verb (plus typed inputs); the server reloads the initiative and the domain decides.
 */
export async function answerChannelAction(
  bc: BotContext,
  person: Person,
  locale: Locale,
  verb: ChannelVerb,
  data: Readonly<Record<string, unknown>>,
): Promise<AdaptiveCardJson> {
  const { deps } = bc;
  const t = strings(locale);
  const id = str(data.initiativeId);
  const which = verb.startsWith('prep.')
    ? 'preparation'
    : verb === 'rug.decide' || verb.startsWith('impl.')
      ? 'decision'
      : 'review';
  try {
    switch (verb) {
      case 'rug.approve':
      case 'rug.decline':
      case 'rug.jav': {
        const kind = STANCE_FOR[verb]!;
        const result = await setStance(deps, person, id, kind, str(data.comment));
        const notice = { text: fill(t.stanceSaved, { stance: text(STANCE_LABELS[kind], locale) }) };
        return renderChannelCard(bc, 'review', result.initiative, locale, {
          viewerId: person.objectId,
          notice,
        });
      }
      case 'rug.refresh': {
        // The per-user view is for RUG members (and the initiator); drafts are never shown.
        const initiative = await loadInitiative(deps, id);
        const mayView =
          initiative.status !== 'draft' &&
          (initiative.initiator.objectId === person.objectId ||
            actorsFor(person, initiative, await deps.directory.rolesOf(person.objectId)).includes(
              'rug_member',
            ));
        if (!mayView) throw new DomainError('RUG.NOT_MEMBER', NOT_MEMBER);
        return renderChannelCard(bc, 'review', initiative, locale, { viewerId: person.objectId });
      }
      case 'prep.assign': {
        const after = await assignPreparer(deps, person, id);
        return renderChannelCard(bc, which, after, locale, {
          notice: { text: fill(t.actionDone, { what: t.takePreparation }) },
        });
      }
      case 'prep.return': {
        const after = await returnForCompletion(deps, person, id, str(data.question));
        return renderChannelCard(bc, which, after, locale, {
          notice: { text: fill(t.actionDone, { what: t.returnForCompletion }) },
        });
      }
      case 'prep.propose': {
        const after = await proposeDecision(deps, person, id, {
          recommendation: oneOf('recommendation', data.recommendation, ['bifall', 'avslag'] as const),
          rationale: str(data.rationale),
          ...(str(data.responsibleId) ? { responsibleId: str(data.responsibleId) } : {}),
        });
        return renderChannelCard(bc, which, after, locale, {
          notice: { text: fill(t.actionDone, { what: t.writeProposal }) },
        });
      }
      case 'prep.revise': {
        const after = await reviseProposal(deps, person, id);
        return renderChannelCard(bc, which, after, locale, {
          notice: { text: fill(t.actionDone, { what: t.reviseProposal }) },
        });
      }
      case 'impl.close': {
        const after = await closeInitiative(deps, person, id);
        return renderChannelCard(bc, which, after, locale, {
          notice: { text: fill(t.actionDone, { what: t.closeInitiative }) },
        });
      }
      case 'rug.decide': {
        // An official decision never defaults: a missing or unknown choice is refused.
        const outcome = oneOf('outcome', data.outcome, ['bifall', 'avslag', 'aterremiss'] as const);
        const after = await recordDecision(deps, person, id, {
          outcome,
          meetingDate: str(data.meetingDate),
          rationale: str(data.rationale),
          diarienummer: str(data.diarienummer),
          ...(str(data.responsibleId) ? { responsibleId: str(data.responsibleId) } : {}),
          supersedeReason: str(data.supersedeReason),
        });
        return renderChannelCard(bc, which, after, locale, {
          notice: { text: fill(t.actionDone, { what: t.recordDecision }) },
        });
      }
      case 'impl.followUp': {
        const state = oneOf('state', data.state, ['on_track', 'delayed', 'done'] as const);
        const after = await addFollowUp(deps, person, id, {
          state,
          whatWasDone: str(data.whatWasDone),
          effects: str(data.effects),
          final: str(data.final) === 'true',
          shareAsStory: str(data.shareAsStory) === 'true',
        });
        return renderChannelCard(bc, which, after, locale, {
          notice: { text: fill(t.actionDone, { what: t.addFollowUp }) },
        });
      }
    }
  } catch (err) {
    deps.log.info('channel action refused', { verb, code: (err as { code?: string }).code ?? 'INTERNAL' });
    if (!(err instanceof DomainError) && !(err instanceof StoreError))
      deps.log.error('channel action failed', { verb, err });
    const notice = { text: messageText(err, locale), tone: 'attention' as const };
    try {
      const initiative = await deps.store.initiatives.get(id);
      if (!initiative) return messageCard(locale, notice.text, { tone: 'attention' });
      return await renderChannelCard(bc, which, initiative, locale, {
        viewerId: person.objectId,
        notice,
        values: typedValues(data),
      });
    } catch {
      // Even the card could not be drawn (the store is down): the message alone still answers.
      return messageCard(locale, notice.text, { tone: 'attention' });
    }
  }
}
