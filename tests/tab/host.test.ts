/** @jest-environment jsdom */
/**
 * How the tab reads its host: routes and deep links, the theme (Teams' or the browser's, including
 * forced colours), and when a token needs renewing.
 */
import { secondsLeft } from '../../src/tab/host/auth';
import { browserTheme, fromTeamsTheme } from '../../src/tab/host/theme';
import { hrefOf, parseHash } from '../../src/tab/router';

describe('routes', () => {
  it.each([
    ['', { name: 'all' }],
    ['#/overview', { name: 'overview' }],
    ['#/initiatives', { name: 'all' }],
    ['#/initiatives/OH-2026-0007', { name: 'initiative', key: 'OH-2026-0007' }],
    ['#/annual?print=1', { name: 'annual' }],
    ['#/nonsense', { name: 'all' }],
  ])('%s opens %j', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it('the start view of a channel tab is the fallback', () => {
    expect(parseHash('', 'todo')).toEqual({ name: 'todo' });
  });

  it('links round-trip, a reference included', () => {
    const route = { name: 'initiative', key: 'OH-2026-0007' } as const;
    expect(hrefOf(route)).toBe('#/initiatives/OH-2026-0007');
    expect(parseHash(hrefOf(route))).toEqual(route);
  });
});

describe('theme', () => {
  it("maps Teams' themes", () => {
    expect([fromTeamsTheme('default'), fromTeamsTheme('dark'), fromTeamsTheme('contrast')]).toEqual([
      'light',
      'dark',
      'contrast',
    ]);
    expect(fromTeamsTheme(undefined)).toBe('light');
  });

  it('follows the browser, forced colours (Windows high contrast) first', () => {
    const media = (matches: Record<string, boolean>) => {
      window.matchMedia = ((q: string) => ({
        matches: matches[q] ?? false,
      })) as unknown as typeof window.matchMedia;
    };
    media({});
    expect(browserTheme()).toBe('light');
    media({ '(prefers-color-scheme: dark)': true });
    expect(browserTheme()).toBe('dark');
    media({ '(prefers-color-scheme: dark)': true, '(forced-colors: active)': true });
    expect(browserTheme()).toBe('contrast');
  });
});

describe('token lifetime', () => {
  const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;
  it('reads the expiry so a token is renewed before it runs out', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(secondsLeft(jwt({ exp: now + 3600 }))).toBeGreaterThan(3500);
    expect(secondsLeft(jwt({ exp: now - 10 }))).toBeLessThan(0);
    expect(secondsLeft('not a token')).toBe(0);
  });
});
