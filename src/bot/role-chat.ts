import { rawOf } from '../app/inputs/fields';
import { parseEndRole, parseGrantRole } from '../app/inputs/role-inputs';
import { endRole, grantRole } from '../app/use-cases/manage-roles';
import { viewerFor } from '../app/use-cases/support';
import { messageCard } from '../cards/initiative-cards';
import { rolesCard } from '../cards/role-cards';
import type { AdaptiveCardJson } from '../cards/templates';
import type { Person } from '../domain/initiative/initiative.types';
import { assertMay } from '../domain/policy/policy';
import { swedishDay } from '../domain/roles/role-assignment';
import { type Locale, text } from '../domain/shared/label';
import type { BotContext } from './bot-context';
import type { RoleVerb } from './card-verbs';
import { issuesFor, messageText, toneOf } from './error-cards';

/** Roles not ended yet, the ones the card lists. */
async function openRoles(bc: BotContext) {
  const today = swedishDay(bc.deps.clock.now());
  return (await bc.deps.store.roles.list()).filter((a) => a.until === null || a.until > today);
}

/** `roller` / `roles`: the roles card for an admin; anyone else is told plainly that it is for admins. */
export async function answerRolesCommand(
  bc: BotContext,
  person: Person,
  locale: Locale,
): Promise<AdaptiveCardJson> {
  try {
    assertMay('manage_roles', null, await viewerFor(bc.deps, person));
    return rolesCard(locale, await openRoles(bc));
  } catch (err) {
    return messageCard(locale, messageText(err, locale), { tone: toneOf(err) });
  }
}

/** A grant or an end pressed on the roles card; the use case checks the admin right again. */
export async function answerRoleAction(
  bc: BotContext,
  person: Person,
  locale: Locale,
  verb: RoleVerb,
  data: Readonly<Record<string, unknown>>,
): Promise<AdaptiveCardJson> {
  try {
    const raw = rawOf(data);
    if (verb === 'roles.grant') await grantRole(bc.deps, person, parseGrantRole(raw));
    else await endRole(bc.deps, person, parseEndRole(raw));
    return rolesCard(locale, await openRoles(bc), verb === 'roles.grant' ? 'granted' : 'ended');
  } catch (err) {
    const issue = issuesFor(err, locale)[0];
    const why = issue ? text(issue.message, locale) : messageText(err, locale);
    const refused = (err as { kind?: unknown }).kind === 'forbidden';
    if (refused) return messageCard(locale, why, { tone: 'attention' });
    return rolesCard(locale, await openRoles(bc), { text: why, tone: toneOf(err) });
  }
}
