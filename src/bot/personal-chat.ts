import { randomUUID } from 'node:crypto';
import { listMine, findByReference, findSimilar } from '../app/use-cases/queries';
import { saveDraft, submitInitiative, withdrawInitiative } from '../app/use-cases/submit-initiative';
import { viewerFor } from '../app/use-cases/support';
import { confirmationCard, formCard, listCard, messageCard, welcomeCard } from '../cards/initiative-cards';
import { cardKey, formFromCardData } from '../cards/form-input';
import type { AdaptiveCardJson } from '../cards/templates';
import type { Person } from '../domain/initiative/initiative.types';
import { may, type Viewer } from '../domain/policy/policy';
import type { Locale } from '../domain/shared/label';
import { formatReference } from '../domain/initiative/reference';
import type { AppDeps } from '../app/deps';
import { validateForSubmit } from '../domain/initiative/validation';
import { fill, strings } from '../i18n/strings';
import type { BotContext } from './bot-context';
import type { PersonalVerb } from './card-verbs';
import { parseCommand } from './commands';
import { answerRolesCommand } from './role-chat';
import { issuesFor, messageText } from './error-cards';

const newKey = () => randomUUID().replace(/-/g, '');

/** Answers a typed message in the personal chat; every input gets a card back, never silence. */

/** A reference as this organisation writes them (its prefix in force), for the hints on asking for one. */
export function exampleReference(deps: AppDeps): string {
  return formatReference(deps.clock.now().getUTCFullYear(), 7, deps.settings.referencePrefix);
}

export async function answerMessage(
  bc: BotContext,
  person: Person,
  locale: Locale,
  textIn: string,
): Promise<AdaptiveCardJson> {
  const t = strings(locale);
  const command = parseCommand(textIn);
  switch (command.kind) {
    case 'help':
      return welcomeCard(locale, exampleReference(bc.deps));
    case 'new':
      return formCard(
        locale,
        bc.deps.catalogue,
        { form: prefilled(person), clientKey: newKey() },
        bc.linkFor,
      );
    case 'mine':
      return myList(bc, person, locale, t.myInitiativesTitle);
    case 'status': {
      if (!command.ref)
        return messageCard(locale, fill(t.statusNeedsRef, { example: exampleReference(bc.deps) }));
      const found = await findByReference(bc.deps, command.ref);
      if (!found) return messageCard(locale, fill(t.notFound, { ref: command.ref ?? textIn.trim() }));
      return listCard(
        locale,
        bc.deps.catalogue,
        fill(t.statusTitle, { ref: found.ref ?? '' }),
        [found],
        bc.linkFor,
        await viewerFor(bc.deps, person),
      );
    }
    case 'roles':
      return answerRolesCommand(bc, person, locale);
    case 'connect':
    case 'unknown':
      return messageCard(locale, t.unknownCommand);
  }
}

/** The person's own initiatives, with the buttons the policy gives them. */
async function myList(bc: BotContext, person: Person, locale: Locale, heading: string) {
  const [mine, viewer] = await Promise.all([listMine(bc.deps, person), viewerFor(bc.deps, person)]);
  return listCard(locale, bc.deps.catalogue, heading, mine, bc.linkFor, viewer);
}

function prefilled(person: Person) {
  return { ...formFromCardData({}), contactName: person.name, contactEmail: person.email ?? '' };
}

/** Handles an Action.Execute from a personal-chat card and returns the card that replaces it. */
export async function answerCardAction(
  bc: BotContext,
  person: Person,
  locale: Locale,
  verb: PersonalVerb,
  data: Readonly<Record<string, unknown>>,
): Promise<AdaptiveCardJson> {
  const { deps, linkFor } = bc;
  const t = strings(locale);
  const initiativeId =
    typeof data.initiativeId === 'string' && data.initiativeId !== '' ? data.initiativeId : undefined;
  switch (verb) {
    case 'initiative.submit':
    case 'initiative.saveDraft': {
      const form = formFromCardData(data);
      const clientKey = cardKey(data.clientKey) ?? newKey();
      const found = initiativeId ? await deps.store.initiatives.get(initiativeId) : null;
      // Ids in card data are never trusted: someone else's initiative shapes nothing on this card.
      const existing = found && found.initiator.objectId === person.objectId ? found : null;
      const back = (extra: object) =>
        formCard(
          locale,
          deps.catalogue,
          {
            form,
            clientKey,
            initiativeId: initiativeId ?? null,
            editing: existing !== null && existing.status !== 'draft',
            allowDraft: existing === null || existing.status === 'draft',
            ...(existing?.status === 'awaiting_completion'
              ? { question: existing.completionRequest ?? '' }
              : {}),
            ...extra,
          },
          linkFor,
        );
      try {
        if (verb === 'initiative.saveDraft') {
          const { initiative } = await saveDraft(deps, person, {
            form,
            clientKey,
            ...(initiativeId ? { initiativeId } : {}),
          });
          return messageCard(locale, t.draftSavedBody, {
            title: `${t.draftSavedTitle}: ${initiative.form.title}`,
          });
        }
        if (
          !initiativeId &&
          data.similarChecked !== 'true' &&
          validateForSubmit(form, deps.catalogue).length === 0
        ) {
          // A repeated click (or a Teams retry) of a card already sent is answered, not re-checked.
          const mine = await listMine(deps, person);
          const sent = mine.find((i) => i.clientKey === clientKey && i.status !== 'draft');
          if (sent) return confirmationCard(locale, deps.catalogue, sent, linkFor);
          const similar = (await findSimilar(deps, form)).filter((i) => i.clientKey !== clientKey);
          if (similar.length > 0) return back({ similar });
        }
        const { initiative } = await submitInitiative(deps, person, {
          form,
          clientKey,
          ...(initiativeId ? { initiativeId } : {}),
        });
        const changed = existing !== null && existing.status !== 'draft';
        const stances = changed ? await deps.store.stances.listFor(initiative.id) : [];
        return confirmationCard(locale, deps.catalogue, initiative, linkFor, { changed, stances });
      } catch (err) {
        deps.log.info('card action refused', { verb, code: (err as { code?: string }).code ?? 'INTERNAL' });
        if (!(err instanceof Error && 'code' in err)) deps.log.error('card action failed', { verb, err });
        return back({ issues: issuesFor(err, locale), draft: verb === 'initiative.saveDraft' });
      }
    }
    case 'initiative.edit': {
      const initiative = initiativeId ? await deps.store.initiatives.get(initiativeId) : null;
      const self: Viewer = { objectId: person.objectId, roles: [] };
      const completing = initiative !== null && may('complete', initiative, self);
      if (!initiative || !(may('edit', initiative, self) || completing)) {
        return myList(bc, person, locale, t.myInitiativesTitle);
      }
      const clientKey = initiative.status === 'draft' ? initiative.clientKey : newKey();
      return formCard(
        locale,
        deps.catalogue,
        {
          form: initiative.form,
          clientKey,
          initiativeId: initiative.id,
          editing: true,
          allowDraft: initiative.status === 'draft',
          ...(completing ? { question: initiative.completionRequest ?? '' } : {}),
        },
        linkFor,
      );
    }
    case 'initiative.withdraw': {
      try {
        const withdrawn = await withdrawInitiative(deps, person, initiativeId ?? '');
        const heading = `${t.withdrawnTitle}: ${withdrawn.ref ?? withdrawn.form.title}`;
        return myList(bc, person, locale, heading);
      } catch (err) {
        return messageCard(locale, messageText(err, locale), { tone: 'attention' });
      }
    }
  }
}
