import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { finishCard, markData } from './inert-text';

/** Card templates in adaptive-cards/ (editable in the Adaptive Cards designer). */
export const TEMPLATE_NAMES = [
  'welcome',
  'message',
  'initiative-form',
  'confirmation',
  'initiative-list',
  'notification',
  'review',
  'preparation',
  'decision',
  'channel-notice',
  'meeting-agenda',
  'justering',
  'protokollsutdrag',
  'roles',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly [key: string]: unknown;
}

const TEMPLATE_DIR = join(__dirname, '..', '..', 'adaptive-cards');
const cache = new Map<TemplateName, ACData.Template>();

function template(name: TemplateName): ACData.Template {
  let t = cache.get(name);
  if (!t) {
    t = new ACData.Template(JSON.parse(readFileSync(join(TEMPLATE_DIR, `${name}.json`), 'utf8')));
    cache.set(name, t);
  }
  return t;
}

/**
 * Binds a template to its view model with adaptivecards-templating. Every card goes through here,
 * and so every bound value shows literally: markdown in data is escaped (inert-text.ts).
 */
export function renderCard(name: TemplateName, data: object): AdaptiveCardJson {
  return finishCard(template(name).expand({ $root: markData(data) }) as AdaptiveCardJson);
}

export function templateNames(): TemplateName[] {
  return [...TEMPLATE_NAMES];
}
