import { randomUUID } from 'node:crypto';
import { FakeHttpError } from './fake-errors';
import { FakeList } from './fake-list';
import { FakePaging } from './fake-query';

/** The roles a Sites.Selected grant can give an app on one site, weakest first. */
export const ROLES = ['read', 'write', 'manage', 'fullcontrol'] as const;
export type SiteRole = (typeof ROLES)[number];

export class FakeSite {
  readonly lists = new Map<string, FakeList>();
  readonly id: string;
  readonly webUrl: string;

  constructor(
    readonly hostname: string,
    readonly path: string,
    /** What the app was granted on this site (POST /sites/{id}/permissions); null = nothing. */
    public role: SiteRole | null,
    id?: string,
  ) {
    this.id = id ?? `${hostname},${randomUUID()},${randomUUID()}`;
    this.webUrl = `https://${hostname}${path}`;
  }

  /** Graph accepts a list's id or its display name in the URL. */
  findList(idOrName: string): FakeList {
    const wanted = decodeURIComponent(idOrName).toLowerCase();
    for (const list of this.lists.values()) {
      if (list.id === wanted || list.displayName.toLowerCase() === wanted) return list;
    }
    throw new FakeHttpError(404, 'itemNotFound', 'The list does not exist.');
  }

  createList(body: Record<string, unknown>): FakeList {
    if (typeof body.name === 'string') {
      throw new FakeHttpError(
        400,
        'invalidRequest',
        "Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'",
      );
    }
    const displayName = body.displayName;
    if (typeof displayName !== 'string' || !displayName.trim()) {
      throw new FakeHttpError(400, 'invalidRequest', 'A list needs a displayName.');
    }
    if ([...this.lists.values()].some((l) => l.displayName.toLowerCase() === displayName.toLowerCase())) {
      throw new FakeHttpError(409, 'nameAlreadyExists', 'A list with this name already exists.');
    }
    const template = String((body.list as { template?: unknown } | undefined)?.template ?? 'genericList');
    const list = new FakeList(displayName, String(body.description ?? ''), template);
    // Validate all columns before the list exists, so a bad column creates nothing.
    const columns = Array.isArray(body.columns) ? (body.columns as Record<string, unknown>[]) : [];
    const probe = new FakeList(displayName, '', template);
    for (const c of columns) probe.addColumn(c);
    for (const c of columns) list.addColumn(c);
    this.lists.set(list.id, list);
    return list;
  }

  /** Throws 403 the way SharePoint does when the app's grant on the site is too weak. */
  require(role: SiteRole): void {
    if (this.role === null || ROLES.indexOf(this.role) < ROLES.indexOf(role)) {
      throw new FakeHttpError(403, 'accessDenied', 'Access denied');
    }
  }
}

export interface SiteOptions {
  readonly hostname?: string;
  readonly path?: string;
  readonly role?: SiteRole | null;
  /** A fixed id (the standalone fake keeps one across restarts, for a stable SHAREPOINT_SITE_ID). */
  readonly id?: string;
}

export class FakeGraphState {
  readonly sites = new Map<string, FakeSite>();
  /** How item nextLinks look and are checked (see fake-query.ts). */
  readonly paging = new FakePaging();

  createSite(options: SiteOptions = {}): FakeSite {
    const site = new FakeSite(
      options.hostname ?? 'fake.sharepoint.local',
      options.path ?? `/sites/omtanke-${this.sites.size + 1}`,
      options.role === undefined ? 'manage' : options.role,
      options.id,
    );
    this.sites.set(site.id, site);
    return site;
  }

  /** A site by id (`host,guid,guid`) or by path (`host:/sites/x`), as Graph addresses them. */
  findSite(ref: string): FakeSite {
    const decoded = decodeURIComponent(ref);
    const byId = this.sites.get(decoded);
    if (byId) return byId;
    const match = /^([^:]+):(\/.*?):?$/.exec(decoded);
    if (match) {
      for (const site of this.sites.values()) {
        if (site.hostname === match[1] && site.path.toLowerCase() === match[2]!.toLowerCase()) return site;
      }
    }
    throw new FakeHttpError(404, 'itemNotFound', 'Requested site could not be found');
  }
}
