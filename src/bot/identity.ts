import type { Person } from '../domain/initiative/initiative.types';

/** The parts of an incoming Teams activity that say who is acting. */
export interface ActivityIdentity {
  readonly from?: { readonly id?: string; readonly name?: string; readonly aadObjectId?: string };
  readonly conversation?: { readonly tenantId?: string };
  readonly channelData?: { readonly tenant?: { readonly id?: string } };
}

/**
 * Who is acting, from the activity Teams signed — never from card data. Null when Teams sent no
 * Entra identity (e.g. an anonymous or consumer account), which the app does not serve.
 */
export function personFromActivity(activity: ActivityIdentity): Person | null {
  const objectId = activity.from?.aadObjectId;
  const tenantId = activity.channelData?.tenant?.id ?? activity.conversation?.tenantId;
  if (!objectId || !tenantId) return null;
  return { objectId, tenantId, name: activity.from?.name?.trim() || objectId };
}

/** True when the person's tenant is on the allow-list (the region's and the municipalities' tenants). */
export function tenantAllowed(person: Person, allowedTenants: readonly string[]): boolean {
  return allowedTenants.some((t) => t.toLowerCase() === person.tenantId.toLowerCase());
}
