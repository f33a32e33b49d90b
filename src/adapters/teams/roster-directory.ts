import type { App } from '@microsoft/teams.apps';
import type { ConversationStore } from '../../app/ports/conversation-store.port';
import type { Clock, Directory, Logger, Member } from '../../app/ports/system.port';
import type { Role } from '../../domain/initiative/actors';
import type { Config } from '../../config';

/**
 * Roles from configuration (chair, secretary, preparation group, admins), the optional narrowing of
 * the roster (a RUG team that also has non-voting members), and how long a roster read is reused.
 */
export type RosterDirectoryOptions = Config['roles'] & {
  readonly ttlMs: number;
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
 * RUG membership is the roster of the team whose channel is registered as the RUG channel, read
 * through the Bot Framework connector page by page and reused briefly. Someone who leaves the team
 * drops out at the next read and loses the right to vote. Other roles come from configuration.
 */
export class RosterDirectory implements Directory {
  private cache: Cached | null = null;

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
    if (await this.isRugMember(objectId)) roles.push('rug_member');
    if (has(this.opts.rugChairs)) roles.push('rug_chair');
    if (has(this.opts.rugSecretaries)) roles.push('rug_secretary');
    if (has(this.opts.beredning)) roles.push('beredning');
    if (has(this.opts.admins)) roles.push('admin');
    return roles;
  }

  /**
   * Membership from the roster. If the roster cannot be read (the app removed from the team, Teams
   * throttling), nobody counts as a member until it can — configured roles (chair, secretary, admin)
   * still work, so an admin can re-register the channel.
   */
  private async isRugMember(objectId: string): Promise<boolean> {
    try {
      return (await this.rugMembers()).some((m) => same(m.objectId, objectId));
    } catch (err) {
      this.log.error('RUG roster could not be read; treating the person as not a member', { err });
      return false;
    }
  }

  async rugMembers(): Promise<readonly Member[]> {
    const ref = await this.conversations.get('channel:rug');
    if (!ref) {
      // No RUG channel yet: only the configured members (useful before the app is added to the team).
      return this.opts.rugMembers.map((objectId) => ({ objectId, name: objectId }));
    }
    const rosterId = ref.teamId ?? ref.conversationId;
    const now = this.clock.now().getTime();
    if (this.cache && this.cache.key === rosterId && now - this.cache.at < this.opts.ttlMs)
      return this.cache.members;
    const members = await this.readRoster(ref.serviceUrl, rosterId);
    this.cache = { at: now, key: rosterId, members };
    return members;
  }

  private async readRoster(serviceUrl: string, conversationId: string): Promise<Member[]> {
    if (!this.opts.serviceUrlAllowed(serviceUrl))
      throw new Error('refused to read a roster: the serviceUrl is not a Teams connector host');
    const api = this.app.api.fromServiceUrl({ serviceUrl });
    const members: Member[] = [];
    let token: string | undefined;
    do {
      const page = await api.conversations.members(conversationId).getPaged(200, token);
      for (const m of page.members) {
        if (!m.aadObjectId) continue;
        if (this.opts.rugMembers.length > 0 && !this.opts.rugMembers.some((x) => same(x, m.aadObjectId!)))
          continue;
        members.push({ objectId: m.aadObjectId, name: m.name ?? m.aadObjectId, teamsUserId: m.id });
      }
      token = page.continuationToken || undefined;
    } while (token);
    return members;
  }
}
