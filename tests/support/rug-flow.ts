/**
 * The RUG side of the process on a running test app, as the bot sees it: register the channels,
 * submit an initiative through the card, a member approves, the preparation group proposes, and the
 * chair decides — each through the card their Teams client would press.
 */
import type { InitiativeForm } from '../../src/domain/initiative/initiative.types';
import { cardDataFor, validForm } from './fixtures';
import { posted } from './posted';
import type { TestApp } from './running-app';
import {
  BEREDNING_CHANNEL,
  RUG_CHANNEL,
  type TeamsUser,
  cardActionActivity,
  channelCardAction,
  channelMention,
} from './teams-activities';

export interface RugCast {
  readonly admin: TeamsUser;
  readonly initiator: TeamsUser;
  readonly member: TeamsUser;
  readonly preparer: TeamsUser;
}

export function rugFlow(t: TestApp, cast: RugCast) {
  const url = () => t.connector.url;
  const act = (
    who: TeamsUser,
    verb: string,
    data: Record<string, unknown>,
    activityId: string,
    channel = RUG_CHANNEL,
  ) => t.post(channelCardAction(who, verb, data, url(), activityId, channel));
  const card = async (id: string, which: 'review' | 'preparation' | 'decision') =>
    posted((await t.app.deps.store.initiatives.get(id))!.channelCards[which]).activityId;

  return {
    act,
    async registerChannels() {
      await t.post(channelMention(cast.admin, 'koppla RUG', url(), RUG_CHANNEL));
      await t.post(channelMention(cast.admin, 'koppla beredning', url(), BEREDNING_CHANNEL));
    },
    /** Submits through the form card and returns the sent initiative. */
    async submit(clientKey: string, form: Partial<InitiativeForm> = {}) {
      const mineNow = () =>
        t.app.deps.store.initiatives.list({ by: 'initiator', value: cast.initiator.aadObjectId });
      const had = new Set((await mineNow()).items.map((i) => i.id));
      const res = await t.post(
        cardActionActivity(
          cast.initiator,
          'initiative.submit',
          cardDataFor(validForm(form), { similarChecked: 'true', clientKey }),
          url(),
        ),
      );
      await t.app.flushOutbox();
      // The card's client key is scoped to the person by the bot: the new initiative is the one not there before.
      return { res, initiative: (await mineNow()).items.find((i) => !had.has(i.id)) ?? null };
    },
    /** Approved by a member, prepared and proposed: returns the decision card's activity id. */
    async propose(id: string) {
      await act(cast.member, 'rug.approve', { initiativeId: id }, await card(id, 'review'));
      await t.app.flushOutbox();
      const prep = await card(id, 'preparation');
      await act(cast.preparer, 'prep.assign', { initiativeId: id }, prep, BEREDNING_CHANNEL);
      await act(
        cast.preparer,
        'prep.propose',
        { initiativeId: id, recommendation: 'bifall', rationale: 'Väl förankrat.', responsibleId: 'varberg' },
        prep,
        BEREDNING_CHANNEL,
      );
      await t.app.flushOutbox();
      return card(id, 'decision');
    },
  };
}
