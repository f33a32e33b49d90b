/**
 * Brings a site's lists and columns up to list-design.ts: creates what is missing, adds indexes,
 * unique constraints and new choice values, and never deletes anything. Running it again on a
 * provisioned site plans no step. Column types are never changed (that would lose data): a column
 * of the wrong type is reported as a problem for a person to resolve.
 */
import type { GraphClient } from './http/graph-client';
import { LISTS, LIST_KEYS, type ColumnDesign, type ColumnKind, type ListDesign } from './list-design';
import { type SiteList, fetchSiteLists } from './list-resolver';

export interface ProvisionStep {
  readonly list: string;
  readonly action: 'create list' | 'add column' | 'update column';
  readonly column?: string;
  /** What changes, for the progress output. */
  readonly detail: string;
  readonly request: { readonly method: 'POST' | 'PATCH'; readonly url: string; readonly body: unknown };
}

export interface ProvisionPlan {
  readonly steps: readonly ProvisionStep[];
  readonly problems: readonly string[];
}

/** The Graph columnDefinition for a designed column. */
export function columnDefinition(c: ColumnDesign): Record<string, unknown> {
  const base = {
    name: c.name,
    displayName: c.name,
    indexed: !!(c.indexed || c.unique),
    enforceUniqueValues: !!c.unique,
  };
  switch (c.kind) {
    case 'text':
      return { ...base, text: { maxLength: 255 } };
    case 'note':
      return { ...base, text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 6 } };
    case 'number':
      return { ...base, number: { decimalPlaces: 'none' } };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime', displayAs: 'standard' } };
    case 'choice':
    case 'multiChoice':
      return {
        ...base,
        choice: {
          allowTextEntry: !!c.allowTextEntry,
          choices: [...(c.choices ?? [])],
          displayAs: c.kind === 'multiChoice' ? 'checkBoxes' : 'dropDownMenu',
        },
      };
  }
}

/** The kind of an existing column, read back from its Graph definition. */
export function kindOfDefinition(def: Readonly<Record<string, unknown>>): ColumnKind | 'other' {
  const facet = (name: string) =>
    typeof def[name] === 'object' && def[name] !== null ? (def[name] as Record<string, unknown>) : null;
  const text = facet('text');
  if (text) return text.allowMultipleLines === true ? 'note' : 'text';
  const choice = facet('choice');
  if (choice) return choice.displayAs === 'checkBoxes' ? 'multiChoice' : 'choice';
  if (facet('number')) return 'number';
  if (facet('dateTime')) return 'dateTime';
  return 'other';
}

function columnSteps(design: ListDesign, list: SiteList, base: string, problems: string[]): ProvisionStep[] {
  const steps: ProvisionStep[] = [];
  for (const want of design.columns) {
    const have = list.columns.find((c) => c.name === want.name);
    const at = { list: design.displayName, column: want.name };
    if (!have) {
      const body = columnDefinition(want);
      steps.push({
        ...at,
        action: 'add column',
        detail: describe(want),
        request: { method: 'POST', url: `${base}/columns`, body },
      });
      continue;
    }
    const kind = kindOfDefinition(have);
    if (kind !== want.kind) {
      problems.push(
        `${design.displayName}.${want.name} is a ${kind} column, the design needs ${want.kind}; change it by hand`,
      );
      continue;
    }
    const patch: Record<string, unknown> = {};
    const changes: string[] = [];
    if ((want.indexed || want.unique) && have.indexed !== true) {
      patch.indexed = true;
      changes.push('indexed');
    }
    if (want.unique && have.enforceUniqueValues !== true) {
      patch.enforceUniqueValues = true;
      changes.push('unique');
    }
    const haveChoice = (have.choice ?? {}) as { choices?: unknown; allowTextEntry?: unknown };
    const existing = (Array.isArray(haveChoice.choices) ? haveChoice.choices : []) as string[];
    const added = (want.choices ?? []).filter((c) => !existing.includes(c));
    const fillIn = !!want.allowTextEntry && haveChoice.allowTextEntry !== true;
    if (added.length > 0 || fillIn) {
      // Choices are only added: old items may still hold a value the catalogue has since dropped.
      patch.choice = {
        ...haveChoice,
        choices: [...existing, ...added],
        ...(want.allowTextEntry ? { allowTextEntry: true } : {}),
      };
      if (added.length > 0) changes.push(`choices + ${added.join(', ')}`);
      if (fillIn) changes.push('fill-in choices');
    }
    if (changes.length > 0) {
      steps.push({
        ...at,
        action: 'update column',
        detail: changes.join('; '),
        request: { method: 'PATCH', url: `${base}/columns/${String(have.id)}`, body: patch },
      });
    }
  }
  return steps;
}

function describe(c: ColumnDesign): string {
  const flags = [
    c.kind,
    c.unique ? 'unique' : c.indexed ? 'indexed' : '',
    c.choices ? `${c.choices.length} choices` : '',
  ];
  return flags.filter(Boolean).join(', ');
}

/** What provisioning would do on this site now. */
export async function planProvisioning(client: GraphClient, siteId: string): Promise<ProvisionPlan> {
  const lists = await fetchSiteLists(client, siteId, 'provision');
  const steps: ProvisionStep[] = [];
  const problems: string[] = [];
  for (const key of LIST_KEYS) {
    const design = LISTS[key];
    const found = lists.find((l) => l.displayName === design.displayName);
    if (!found) {
      const body = {
        displayName: design.displayName,
        description: design.description,
        list: { template: design.template ?? 'genericList' },
        columns: design.columns.map(columnDefinition),
      };
      const detail = `${design.columns.length} columns: ${design.columns.map((c) => c.name).join(', ')}`;
      steps.push({
        list: design.displayName,
        action: 'create list',
        detail,
        request: { method: 'POST', url: `/sites/${siteId}/lists`, body },
      });
      continue;
    }
    steps.push(...columnSteps(design, found, `/sites/${siteId}/lists/${found.id}`, problems));
  }
  return { steps, problems };
}

/** Carries out a plan step by step, reporting each before it is sent. */
export async function applyPlan(
  client: GraphClient,
  plan: ProvisionPlan,
  progress: (step: ProvisionStep) => void,
): Promise<void> {
  for (const step of plan.steps) {
    progress(step);
    await client.send({ ...step.request, useCase: 'provision' });
  }
}
