import type { App } from '@microsoft/teams.apps';
import type { ConversationReference } from '../app/ports/conversation-store.port';
import { withTurnCache } from '../app/turn-reads';
import type { Person } from '../domain/initiative/initiative.types';
import { messageCard, welcomeCard } from '../cards/initiative-cards';
import { channelNotice } from '../cards/rug-cards';
import type { Locale } from '../domain/shared/label';
import { localeFrom } from '../i18n/locale';
import { strings } from '../i18n/strings';
import { type BotContext, cardMessage, cardResponse } from './bot-context';
import { isCardVerb, isChannelVerb, isRoleVerb } from './card-verbs';
import { parseCommand } from './commands';
import { personFromActivity, tenantAllowed } from './identity';
import { answerCardAction, answerMessage, exampleReference } from './personal-chat';
import { answerMeetingAction, isMeetingVerb } from './meeting-verbs';
import { answerRoleAction } from './role-chat';
import { messageText } from './error-cards';
import { answerChannelAction, answerChannelMessage, type ChannelOrigin } from './rug-channel';

interface IncomingActivity {
  readonly type: string;
  readonly text?: string;
  readonly locale?: string;
  readonly serviceUrl?: string;
  readonly from?: { readonly id?: string; readonly name?: string; readonly aadObjectId?: string };
  readonly recipient?: { readonly id?: string };
  readonly conversation?: {
    readonly id?: string;
    readonly tenantId?: string;
    readonly conversationType?: string;
  };
  readonly channelData?: {
    readonly tenant?: { readonly id?: string };
    readonly team?: { readonly id?: string };
    readonly channel?: { readonly id?: string; readonly type?: string };
  };
  readonly membersAdded?: readonly { readonly id?: string }[];
  readonly value?: { readonly action?: { readonly verb?: unknown; readonly data?: unknown } };
}

/** Remembers where to reach the person proactively; written only when something changed. */
async function rememberPersonalChat(bc: BotContext, person: Person, a: IncomingActivity): Promise<void> {
  if (!a.conversation?.id || !a.serviceUrl) return;
  if (!serviceUrlOk(bc, a.serviceUrl)) return;
  const ref: ConversationReference = {
    key: `user:${person.objectId}`,
    conversationId: a.conversation.id,
    serviceUrl: a.serviceUrl,
    tenantId: person.tenantId,
    conversationType: 'personal',
    locale: localeFrom(a.locale),
    updatedAt: bc.deps.clock.now().toISOString(),
  };
  const known = await bc.deps.store.conversations.get(ref.key);
  if (
    known &&
    known.conversationId === ref.conversationId &&
    known.serviceUrl === ref.serviceUrl &&
    known.locale === ref.locale
  )
    return;
  await bc.deps.store.conversations.save(ref);
}

/** Second line of defence behind the endpoint guard: never remember a non-Teams serviceUrl. */
function serviceUrlOk(bc: BotContext, serviceUrl: string): boolean {
  if (!bc.serviceUrlAllowed || bc.serviceUrlAllowed(serviceUrl)) return true;
  bc.deps.log.warn('conversation reference not stored: serviceUrl is not a Teams connector host');
  return false;
}

const isPersonal = (a: IncomingActivity) => (a.conversation?.conversationType ?? 'personal') === 'personal';

/** A channel post's conversation id carries the thread (";messageid=…"); the channel is the part before. */
function channelOrigin(bc: BotContext, a: IncomingActivity, person: Person): ChannelOrigin | null {
  const conversationId = a.conversation?.id?.split(';')[0];
  if (!conversationId || !a.serviceUrl || !serviceUrlOk(bc, a.serviceUrl)) return null;
  return {
    conversationId,
    serviceUrl: a.serviceUrl,
    tenantId: person.tenantId,
    ...(a.channelData?.team?.id ? { teamId: a.channelData.team.id } : {}),
    ...(a.channelData?.channel?.id ? { channelId: a.channelData.channel.id } : {}),
    ...(channelType(a.channelData?.channel?.type) ?? {}),
    locale: localeFrom(a.locale),
  };
}

const CHANNEL_TYPES = ['standard', 'private', 'shared'] as const;
const channelType = (t: string | undefined) => {
  const hit = CHANNEL_TYPES.find((x) => x === t);
  return hit ? { channelType: hit } : null;
};

/** Who is acting in this turn, once checked: a person of an allowed tenant, and their language. */
interface Turn {
  readonly a: IncomingActivity;
  readonly person: Person;
  readonly locale: Locale;
}

/**
 * The one middleware every route goes through: it reads who is acting from the signed activity,
 * refuses other tenants (and consumers) with `refuse`, and remembers a personal chat for
 * proactive messages before the handler runs.
 */
function checked<C extends { activity: unknown }, R>(
  bc: BotContext,
  refuse: (ctx: C, locale: Locale) => Promise<R>,
  handler: (ctx: C, turn: Turn) => Promise<R>,
): (ctx: C) => Promise<R> {
  return async (ctx) => {
    const a = ctx.activity as IncomingActivity;
    const locale = localeFrom(a.locale);
    const person = personFromActivity(a);
    if (!person || !tenantAllowed(person, bc.allowedTenants)) return refuse(ctx, locale);
    if (isPersonal(a)) {
      await rememberPersonalChat(bc, person, a).catch((err: unknown) =>
        bc.deps.log.error('could not remember the personal chat', { err }),
      );
    }
    return handler(ctx, { a, person, locale });
  };
}

const notAllowedCard = (locale: Locale) =>
  messageCard(locale, strings(locale).tenantNotAllowed, { tone: 'attention' });

/** Routes Teams activities to the handlers. Handlers stay thin: parse, call a use case, render a card. */
export function registerBot(app: App, bc: BotContext): void {
  const ignore = async () => undefined;

  app.on(
    'message',
    checked(
      bc,
      async ({ send }, locale) => void (await send(cardMessage(notAllowedCard(locale)))),
      async ({ send, api }, { a, person, locale }) => {
        if (!isPersonal(a)) {
          const origin = channelOrigin(bc, a, person);
          if (a.conversation?.conversationType === 'channel' && origin) {
            try {
              await send(cardMessage(await answerChannelMessage(bc, person, origin, a.text ?? '')));
            } catch (err) {
              bc.deps.log.error('channel message failed', { err });
              await send(cardMessage(messageCard(locale, messageText(err, locale), { tone: 'attention' })));
            }
          }
          return;
        }
        try {
          // Teams activities carry no e-mail; the member record does, and it prefills the contact field.
          const withEmail =
            parseCommand(a.text ?? '').kind === 'new' && a.conversation?.id && a.from?.id
              ? await api.conversations
                  .members(a.conversation.id)
                  .getById(a.from.id)
                  .then((m) => ({ ...person, ...(m.email ? { email: m.email } : {}) }))
                  .catch(() => person)
              : person;
          await send(cardMessage(await answerMessage(bc, withEmail, locale, a.text ?? '')));
        } catch (err) {
          bc.deps.log.error('message failed', { err });
          await send(cardMessage(messageCard(locale, messageText(err, locale), { tone: 'attention' })));
        }
      },
    ),
  );

  app.on(
    'conversationUpdate',
    checked(bc, ignore, async ({ send }, { a, locale }) => {
      const botAdded = (a.membersAdded ?? []).some((m) => m.id && m.id === a.recipient?.id);
      if (isPersonal(a) && botAdded) await send(cardMessage(welcomeCard(locale, exampleReference(bc.deps))));
    }),
  );

  app.on(
    'install.add',
    checked(bc, ignore, async ({ send }, { a, locale }) => {
      if (a.conversation?.conversationType === 'channel') {
        // Added to a team: say how to make a channel the RUG (or preparation) channel.
        await send(
          cardMessage(channelNotice(locale, strings(locale).appName, [strings(locale).channelHelp])),
        );
      }
    }),
  );

  app.on(
    'card.action',
    checked(
      bc,
      async (_ctx, locale) => cardResponse(notAllowedCard(locale)),
      async (_ctx, { a, person, locale }) => {
        const verb = a.value?.action?.verb;
        const raw = a.value?.action?.data;
        const data = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
        if (!isCardVerb(verb)) return cardResponse(messageCard(locale, strings(locale).unknownCommand));
        // Records read twice in this turn (the initiative, its stances, a channel) are fetched once.
        const turn = { ...bc, deps: { ...bc.deps, store: withTurnCache(bc.deps.store) } };
        const card = isMeetingVerb(verb)
          ? await answerMeetingAction(turn, person, locale, verb, data)
          : isChannelVerb(verb)
            ? await answerChannelAction(turn, person, locale, verb, data)
            : isRoleVerb(verb)
              ? await answerRoleAction(turn, person, locale, verb, data)
              : await answerCardAction(turn, person, locale, verb, data);
        bc.kick?.();
        return cardResponse(card);
      },
    ),
  );
}
