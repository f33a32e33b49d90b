import { useEffect, useState } from 'react';

/** The tab's views; the hash keeps them deep-linkable (`#/initiatives/OH-2026-0007`). */
export type Route =
  | { readonly name: 'overview' }
  | { readonly name: 'all' }
  | { readonly name: 'mine' }
  | { readonly name: 'todo' }
  | { readonly name: 'annual' }
  | { readonly name: 'meetings' }
  /** Admins only: the nav offers it to admins, the server refuses anyone else. */
  | { readonly name: 'administration' }
  | { readonly name: 'initiative'; readonly key: string }
  | { readonly name: 'meeting'; readonly id: string };

export type ViewName = Exclude<Route['name'], 'initiative' | 'meeting'>;
export const VIEWS: readonly ViewName[] = [
  'overview',
  'all',
  'mine',
  'todo',
  'annual',
  'meetings',
  'administration',
];

export function parseHash(hash: string, fallback: ViewName = 'all'): Route {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  const [first, second] = path.split('/');
  if (first === 'initiatives' && second) return { name: 'initiative', key: decodeURIComponent(second) };
  if (first === 'initiatives') return { name: 'all' };
  if (first === 'meetings' && second) return { name: 'meeting', id: decodeURIComponent(second) };
  if ((VIEWS as readonly string[]).includes(first ?? '')) return { name: first as ViewName };
  return { name: fallback };
}

export function hrefOf(route: Route): string {
  if (route.name === 'initiative') return `#/initiatives/${encodeURIComponent(route.key)}`;
  if (route.name === 'meeting') return `#/meetings/${encodeURIComponent(route.id)}`;
  return route.name === 'all' ? '#/initiatives' : `#/${route.name}`;
}

export function navigate(route: Route): void {
  location.hash = hrefOf(route);
}

/** The current route, following hash changes. */
export function useRoute(fallback: ViewName): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash, fallback));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash, fallback));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, [fallback]);
  return route;
}
