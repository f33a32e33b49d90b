import type { AppDeps } from '../app/deps';
import {
  parseDecision,
  parseFollowUp,
  parseProposal,
  parseReturn,
  parseStance,
} from '../app/inputs/action-inputs';
import type { Raw } from '../app/inputs/fields';
import { StoreError } from '../app/ports/store.errors';
import { recordDecision } from '../app/use-cases/decision';
import { addFollowUp, closeInitiative } from '../app/use-cases/implementation';
import {
  assignPreparer,
  proposeDecision,
  returnForCompletion,
  reviseProposal,
} from '../app/use-cases/preparation';
import { type ChannelToRegister, registerChannel } from '../app/use-cases/register-channel';
import { setStance } from '../app/use-cases/set-stance';
import { loadInitiative, viewerFor } from '../app/use-cases/support';
import { messageCard } from '../cards/initiative-cards';
import { channelNotice, type TypedValues } from '../cards/rug-cards';
import type { AdaptiveCardJson } from '../cards/templates';
import { STANCE_LABELS, type StanceKind } from '../domain/approval/approval';
import type { Initiative, Person } from '../domain/initiative/initiative.types';
import { may, mayView } from '../domain/policy/policy';
import { DomainError, NotAllowedError } from '../domain/shared/domain.errors';
import { type Locale, text } from '../domain/shared/label';
import { fill, strings } from '../i18n/strings';
import type { BotContext } from './bot-context';
import type { ChannelVerb } from './card-verbs';
import { renderChannelCard } from './channel-cards';
import { parseCommand } from './commands';
import { codeOf, messageText, toneOf } from './error-cards';

/** Where a channel message came from, as Teams describes it. */
export type ChannelOrigin = Omit<ChannelToRegister, 'target'>;

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
  try {
    await registerChannel(bc.deps, person, { target: command.target, ...origin });
  } catch (err) {
    if (err instanceof NotAllowedError) return channelNotice(origin.locale, t.appName, [t.channelNotAdmin]);
    throw err;
  }
  const target = command.target === 'rug' ? t.channelRugName : t.channelBeredningName;
  return channelNotice(origin.locale, t.appName, [fill(t.channelRegistered, { target })]);
}

const NOT_MEMBER = {
  sv: 'Bara ledamöter i RUG kan se det här kortet.',
  en: 'Only RUG members can see this card.',
};

function typedValues(data: Readonly<Record<string, unknown>>): TypedValues {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) if (typeof v === 'string') out[k] = v;
  return out;
}

type Which = 'review' | 'preparation' | 'decision';
type Strings = ReturnType<typeof strings>;

/** What one channel verb does: which card answers it, the use case it runs, and how it says done. */
interface VerbRoute {
  readonly card: Which;
  readonly run: (deps: AppDeps, person: Person, id: string, data: Raw) => Promise<Initiative>;
  readonly done: (t: Strings, locale: Locale) => string;
  /** Render for the acting member (their own stance shown), as the per-user refresh does. */
  readonly personal?: boolean;
}

const stance = (kind: StanceKind): VerbRoute => ({
  card: 'review',
  personal: true,
  run: async (deps, person, id, data) => {
    const input = parseStance(data, kind);
    return (await setStance(deps, person, id, input.kind, input.comment, input.shown)).initiative;
  },
  done: (t, locale) => fill(t.stanceSaved, { stance: text(STANCE_LABELS[kind], locale) }),
});
const did = (what: keyof Strings) => (t: Strings) => fill(t.actionDone, { what: String(t[what]) });

/** Every channel verb, routed by a table the compiler checks for completeness. */
const CHANNEL_ROUTES: { readonly [V in ChannelVerb]: VerbRoute } = {
  'rug.approve': stance('approve'),
  'rug.decline': stance('decline'),
  'rug.jav': stance('jav'),
  'rug.refresh': {
    card: 'review',
    personal: true,
    // The per-user view is for RUG members (and the initiator); drafts are never shown.
    run: async (deps, person, id) => {
      const initiative = await loadInitiative(deps, id);
      if (!may('view_stances', initiative, await viewerFor(deps, person))) {
        throw new NotAllowedError('RUG.NOT_MEMBER', NOT_MEMBER);
      }
      return initiative;
    },
    done: () => '',
  },
  'prep.assign': {
    card: 'preparation',
    run: (deps, person, id) => assignPreparer(deps, person, id),
    done: did('takePreparation'),
  },
  'prep.return': {
    card: 'preparation',
    run: (deps, person, id, data) => returnForCompletion(deps, person, id, parseReturn(data).question),
    done: did('returnForCompletion'),
  },
  'prep.propose': {
    card: 'preparation',
    run: (deps, person, id, data) => proposeDecision(deps, person, id, parseProposal(data)),
    done: did('writeProposal'),
  },
  'prep.revise': {
    card: 'preparation',
    run: (deps, person, id) => reviseProposal(deps, person, id),
    done: did('reviseProposal'),
  },
  'rug.decide': {
    card: 'decision',
    run: (deps, person, id, data) => recordDecision(deps, person, id, parseDecision(data)),
    done: did('recordDecision'),
  },
  'impl.followUp': {
    card: 'decision',
    run: (deps, person, id, data) => addFollowUp(deps, person, id, parseFollowUp(data)),
    done: did('addFollowUp'),
  },
  'impl.close': {
    card: 'decision',
    run: (deps, person, id) => closeInitiative(deps, person, id),
    done: did('closeInitiative'),
  },
};

/**
 * Handles an Action.Execute on a RUG or preparation card. The card sends only the initiative id and
 * the verb (plus typed inputs); the server reloads the initiative and the policy decides.
 */
export async function answerChannelAction(
  bc: BotContext,
  person: Person,
  locale: Locale,
  verb: ChannelVerb,
  data: Raw,
): Promise<AdaptiveCardJson> {
  const { deps } = bc;
  const t = strings(locale);
  const id = typeof data.initiativeId === 'string' ? data.initiativeId : '';
  const route = CHANNEL_ROUTES[verb];
  try {
    const after = await route.run(deps, person, id, data);
    const done = route.done(t, locale);
    return await renderChannelCard(bc, route.card, after, locale, {
      ...(route.personal ? { viewerId: person.objectId } : {}),
      ...(done ? { notice: { text: done } } : {}),
    });
  } catch (err) {
    deps.log.info('channel action refused', { verb, code: codeOf(err) });
    if (!(err instanceof DomainError) && !(err instanceof StoreError))
      deps.log.error('channel action failed', { verb, err });
    const notice = { text: messageText(err, locale), tone: toneOf(err) };
    try {
      const initiative = await deps.store.initiatives.get(id);
      // A hand-written action may name any id: the card comes back only for what the person may see.
      if (!initiative || !mayView(initiative, { objectId: person.objectId, roles: [] }))
        return messageCard(locale, notice.text, { tone: notice.tone });
      return await renderChannelCard(bc, route.card, initiative, locale, {
        viewerId: person.objectId,
        notice,
        values: typedValues(data),
      });
    } catch {
      // Even the card could not be drawn (the store is down): the message alone still answers.
      return messageCard(locale, notice.text, { tone: notice.tone });
    }
  }
}
