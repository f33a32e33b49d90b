import type { App } from '@microsoft/teams.apps';
import type { ConversationReference, ConversationStore } from '../../app/ports/conversation-store.port';
import type { Clock, Directory, Logger, Member } from '../../app/ports/system.port';
import type { Role } from '../../domain/initiative/actors';
import type { Config } from '../../config';

/**
 * Roles from configuration (chair, secretary, preparation group, admins), the optional narrowing of
 * the roster (a RUG team that also has non-voting members), and how long a roster read is reused.
 */
export type RosterDirectoryOptions = Config['roles'] & {
  readonly ttlMs: number;
  /** Members of a shared channel from another organisation count only if it is one of these. */
  readonly allowedTenants: readonly string[];
  /** Only Teams connector hosts are asked for a roster (they get the bot's token). */
  readonly serviceUrlAllowed: (serviceUrl: string) => boolean;
};

interface Cached {
  readonly at: number;
  readonly key: string;
  readonly members: readonly Member[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Whose roster is a registered channel's (docs/channel-roster.md): a standard channel has exactly the
 * team's members, read by the team id (reading a standard channel by its own id gives a partial,
 * activity-based list); a private or shared channel has its own members, read by the channel id. A
 * channel of unknown kind is read by its own id, so it can only ever narrow who counts.
 */
export function rosterConversationId(ref: ConversationReference): string {
  if (ref.channelType === 'standard') return ref.teamId ?? ref.channelId ?? ref.conversationId;
  return ref.channelId ?? ref.conversationId;
}

/**
 * RUG membership is the roster of the channel registered as the RUG channel, and Beredningsgruppen
 * the roster of the channel registered as the preparation channel (not of their teams: a private or
 * shared channel has its own members), read through the Bot Framework connector page by page and
 * reused briefly. Someone who leaves a channel drops out at the next read; a shared channel's member
 * from another allowed organisation counts. Chair, secretary and admins are granted in the app
 * (StoredRolesDirectory adds them); configuration keeps the bootstrap admins and, as a deprecated
 * fallback, RUG_CHAIR_IDS / RUG_SECRETARY_IDS / BEREDNING_IDS.
 */
export class RosterDirectory implements Directory {
  private readonly cache = new Map<'rug' | 'beredning', Cached>();
  /** Bumped by rolesChanged: a read that started before keeps its answer out of the cache. */
  private generation = 0;

  constructor(
    private readonly app: App,
    private readonly conversations: ConversationStore,
    private readonly clock: Clock,
    private readonly opts: RosterDirectoryOptions,
    private readonly log: Logger,
  ) {}

  async rolesOf(objectId: string): Promise<readonly Role[]> {
    const has = (list: readonly string[]) => list.some((x) => same(x, objectId));
    const roles: Role[] = [];
    if (await this.isIn('rug', objectId)) roles.push('rug_member');
    if (has(this.opts.rugChairs)) roles.push('rug_chair');
    if (has(this.opts.rugSecretaries)) roles.push('rug_secretary');
    if (has(this.opts.beredning) || (await this.isIn('beredning', objectId))) roles.push('beredning');
    if (has(this.opts.admins)) roles.push('admin');
    return roles;
  }

  /**
   * Membership from a roster. If the roster cannot be read (the app removed from the team, Teams
   * throttling), nobody counts as a member until it can — configured and granted roles (chair,
   * secretary, admin) still work, so an admin can re-register the channel.
   */
  private async isIn(target: 'rug' | 'beredning', objectId: string): Promise<boolean> {
    try {
      return (await this.members(target)).some((m) => same(m.objectId, objectId));
    } catch (err) {
      this.log.error(`${target} roster could not be read; treating the person as not a member`, { err });
      return false;
    }
  }

  rugMembers(): Promise<readonly Member[]> {
    return this.members('rug');
  }

  async channelMembers(): Promise<readonly Member[]> {
    const all = new Map<string, Member>();
    for (const target of ['rug', 'beredning'] as const) {
      const members = await this.members(target).catch((err: unknown) => {
        this.log.warn(`${target} roster could not be read for the role picker`, { err });
        return [] as readonly Member[];
      });
      for (const m of members) all.set(m.objectId.toLowerCase(), m);
    }
    return [...all.values()];
  }

  /** A channel was registered (or a role changed) here: read the rosters afresh on this instance. */
  rolesChanged(): void {
    this.generation++;
    this.cache.clear();
  }

  async refreshAhead(): Promise<void> {
    for (const target of ['rug', 'beredning'] as const) {
      await this.members(target, true).catch((err: unknown) =>
        this.log.warn(`${target} roster could not be refreshed ahead; a turn reads it`, { err }),
      );
    }
  }

  private remember(target: 'rug' | 'beredning', generation: number, entry: Cached): void {
    if (generation === this.generation) this.cache.set(target, entry);
  }

  private async members(target: 'rug' | 'beredning', fresh = false): Promise<readonly Member[]> {
    // Within the TTL the roster is answered without reading the channel registration either: a
    // turn that checks membership and draws a card pays no store round trip for it. A channel
    // registered anew (another team) therefore counts after at most ROSTER_TTL_MS, like a roster change.
    const hit = this.cache.get(target);
    if (!fresh && hit && this.clock.now().getTime() - hit.at < this.opts.ttlMs) return hit.members;
    const generation = this.generation;
    const ref = await this.conversations.get(`channel:${target}`);
    if (!ref) {
      // No channel yet: for RUG only the configured members (useful before the app is added to the
      // team), for the preparation group nobody. Kept for the TTL too, so it costs no read per turn.
      const members =
        target === 'rug' ? this.opts.rugMembers.map((objectId) => ({ objectId, name: objectId })) : [];
      this.remember(target, generation, { at: this.clock.now().getTime(), key: '', members });
      return members;
    }
    const rosterId = rosterConversationId(ref);
    const now = this.clock.now().getTime();
    try {
      const members = await this.readRoster(ref.serviceUrl, rosterId, ref.tenantId, target);
      this.remember(target, generation, { at: now, key: rosterId, members });
      return members;
    } catch (err) {
      // A roster that cannot be read counts as empty until the TTL has passed, so a failing
      // connector is not asked again on every turn (and every turn does not pay a registration read).
      // A refresh ahead that fails keeps the last good roster until its TTL ends.
      if (!fresh || !hit) this.remember(target, generation, { at: now, key: rosterId, members: [] });
      throw err;
    }
  }

  private async readRoster(
    serviceUrl: string,
    conversationId: string,
    homeTenant: string,
    target: 'rug' | 'beredning',
  ): Promise<Member[]> {
    if (!this.opts.serviceUrlAllowed(serviceUrl))
      throw new Error('refused to read a roster: the serviceUrl is not a Teams connector host');
    const api = this.app.api.fromServiceUrl({ serviceUrl });
    // RUG_MEMBER_IDS narrows the RUG roster only (a RUG team that also has non-voting members).
    const narrow = target === 'rug' ? this.opts.rugMembers : [];
    const members: Member[] = [];
    let token: string | undefined;
    do {
      const page = await api.conversations.members(conversationId).getPaged(200, token);
      for (const m of page.members) {
        if (!m.aadObjectId) continue;
        // A shared channel can hold people of any organisation; only the allowed ones take part.
        const tenant = m.tenantId ?? homeTenant;
        if (!this.opts.allowedTenants.some((t) => same(t, tenant))) continue;
        if (narrow.length > 0 && !narrow.some((x) => same(x, m.aadObjectId!))) continue;
        members.push({
          objectId: m.aadObjectId,
          name: m.name ?? m.aadObjectId,
          teamsUserId: m.id,
          tenantId: tenant,
        });
      }
      token = page.continuationToken || undefined;
    } while (token);
    return members;
  }
}
