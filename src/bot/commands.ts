import { parseReference } from '../domain/initiative/reference';

/** What a typed message asks for. */
export type Command =
  | { readonly kind: 'new' }
  | { readonly kind: 'mine' }
  | { readonly kind: 'status'; readonly ref: string | null }
  | { readonly kind: 'help' }
  | { readonly kind: 'connect'; readonly target: 'rug' | 'beredning' }
  /** The admin's roles card (chair, secretary, admins). */
  | { readonly kind: 'roles' }
  | { readonly kind: 'unknown' };

/** Lower-case, accents folded, mentions and punctuation removed: "Hjälp!" and "hjalp" are the same. */
export function normalise(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const NEW = new Set([
  'ny',
  'nytt',
  'nytt initiativ',
  'ny initiativ',
  'nytt initiativ tack',
  'new',
  'new initiative',
  'start',
  'skapa',
  'skapa initiativ',
  'lamna initiativ',
]);
const MINE = new Set(['mina', 'mina initiativ', 'mitt', 'my', 'my initiatives', 'mine', 'lista', 'list']);
const HELP = new Set([
  'hej',
  'hallo',
  'hjalp',
  'help',
  'hi',
  'hello',
  'hey',
  'tjena',
  'meny',
  'menu',
  '?',
  'start over',
]);

const ROLES = new Set(['roller', 'roll', 'roles', 'role', 'hantera roller', 'manage roles']);

/** Parses a free-text message in Swedish or English. Unknown text is `unknown`, never ignored. */
export function parseCommand(text: string): Command {
  const t = normalise(text);
  if (NEW.has(t)) return { kind: 'new' };
  if (MINE.has(t)) return { kind: 'mine' };
  if (HELP.has(t) || t === '') return { kind: 'help' };
  if (ROLES.has(t)) return { kind: 'roles' };
  if (t === 'status' || t === 'lage') return { kind: 'status', ref: null };
  const status = /^(?:status|lage|visa|show)\s+(.+)$/.exec(t);
  if (status) return { kind: 'status', ref: parseReference(status[1]!)?.ref ?? null };
  if (parseReference(t)) return { kind: 'status', ref: parseReference(t)!.ref };
  const connect =
    /^(?:koppla|connect|registrera|register)\s+(?:kanal\s+|channel\s+)?(?:for\s+|as\s+|som\s+)?(.+)$/.exec(t);
  if (connect) {
    const target = connect[1]!;
    if (/^rug\b/.test(target)) return { kind: 'connect', target: 'rug' };
    if (/^(beredning|beredningsgruppen|preparation|preparation group)\b/.test(target))
      return { kind: 'connect', target: 'beredning' };
  }
  return { kind: 'unknown' };
}
