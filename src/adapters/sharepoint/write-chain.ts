/**
 * The SharePoint store's `writeTogether`: the steps of a change as one `$batch` in which every
 * request depends on the one before (Graph's fully sequential batch) — each write, then its
 * records. Graph runs a request only if the one before it succeeded and answers the rest 424
 * (Failed Dependency), so records never go out for a write that did not land, and a later write
 * never lands after an earlier step failed. A request throttled or unavailable (429, 5xx) is sent
 * again, with everything after it, once its Retry-After has passed; a refusal that meets a resent
 * write is read as the single write reads it (its write token says whether it was its own).
 */
import { randomUUID } from 'node:crypto';
import type { StepResult, WriteStep, Written, WriteTogether } from '../../app/ports/write-together.port';
import { MAX_BATCH, sendChainOnce } from './http/batch';
import type { GraphClient } from './http/graph-client';
import { mapGraph } from './http/graph-errors';
import type { GraphCall } from './http/graph-http';
import { TRANSIENT_STATUSES, retryDelayMs } from './http/retry-policy';
import { type PlannedWrite, succeeded } from './planned-write';
import type { SharePointInitiatives } from './sharepoint-initiatives';
import type { SharePointOutbox } from './sharepoint-outbox';
import type { SharePointAuditLog } from './sharepoint-records';
import type { SharePointStances } from './sharepoint-stances';

export interface WriteChainDeps {
  readonly client: GraphClient;
  readonly initiatives: SharePointInitiatives;
  readonly stances: SharePointStances;
  readonly audit: SharePointAuditLog;
  readonly outbox: SharePointOutbox;
  /** Told of every write that landed (the replica: a person sees their own change at once). */
  readonly noted: (saved: Written) => void;
}

type Entry =
  | { readonly kind: 'write'; readonly step: number; readonly plan: PlannedWrite<Written> }
  | { readonly kind: 'record'; readonly step: number; readonly call: GraphCall };

async function planOf(deps: WriteChainDeps, write: WriteStep['write']): Promise<PlannedWrite<Written>> {
  const as = <T>(p: PlannedWrite<T>, f: (t: T) => Written): PlannedWrite<Written> => ({
    call: p.call,
    settle: async (answer) => f(await p.settle(answer)),
  });
  switch (write.kind) {
    case 'new-initiative':
      return as(deps.initiatives.planCreate(write.initiative), (r) => ({ kind: 'initiative', ...r }));
    case 'initiative':
      return as(await deps.initiatives.planUpdate(write.initiative), (initiative) => ({
        kind: 'initiative',
        initiative,
        created: false,
      }));
    case 'stance':
      return as(deps.stances.planPut(write.stance, write.expectedVersion), (stance) => ({
        kind: 'stance',
        stance,
      }));
  }
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

export function chainedWrites(deps: WriteChainDeps): WriteTogether {
  return (steps) => mapGraph('write a change and its records', () => run(deps, steps));
}

async function run(deps: WriteChainDeps, steps: readonly WriteStep[]): Promise<StepResult[]> {
  const useCase = steps.some((s) => s.records.events.length + s.records.notifications.length > 0)
    ? 'changes.write'
    : 'changes.clear';
  const entries: Entry[] = [];
  const total = steps.map((s) => s.records.events.length + s.records.notifications.length);
  // A write refused before anything is sent (a version not of this record) ends the chain there.
  let planError: { step: number; error: Error } | null = null;
  for (const [step, s] of steps.entries()) {
    try {
      entries.push({ kind: 'write', step, plan: await planOf(deps, s.write) });
    } catch (error) {
      planError = { step, error: asError(error) };
      break;
    }
    for (const e of s.records.events)
      entries.push({ kind: 'record', step, call: deps.audit.createRequest(e, randomUUID(), useCase) });
    for (const n of s.records.notifications)
      entries.push({ kind: 'record', step, call: deps.outbox.createRequest(n, useCase) });
  }

  const results: (StepResult | undefined)[] = steps.map(() => undefined);
  const confirmed = steps.map(() => 0);
  const attempts = new Map<number, number>();
  let at = 0;
  let halted = false;
  while (at < entries.length && !halted) {
    const chunk = entries.slice(at, at + MAX_BATCH);
    const calls = chunk.map((e) => (e.kind === 'write' ? e.plan.call : e.call));
    const answers = await sendChainOnce(deps.client, calls, useCase);
    let resendFrom: number | null = null;
    let waitMs = 0;
    for (const [k, e] of chunk.entries()) {
      const answer = answers[k]!;
      const index = at + k;
      if (TRANSIENT_STATUSES.has(answer.status)) {
        const attempt = attempts.get(index) ?? 1;
        const delay = retryDelayMs(attempt, answer.headers['retry-after'], deps.client.retry);
        if (delay !== null) {
          attempts.set(index, attempt + 1);
          resendFrom = index;
          waitMs = delay;
          break;
        }
      }
      if (answer.status === 424) {
        // Not run: something before it failed (already accounted for), so neither does the rest.
        halted = true;
        break;
      }
      if (e.kind === 'record') {
        // 409: a record with this id is already stored — the same change written by an earlier try.
        if (succeeded(answer) || answer.status === 409) {
          confirmed[e.step]! += 1;
          continue;
        }
        halted = true;
        break;
      }
      try {
        const saved = await e.plan.settle(answer);
        results[e.step] = { status: 'landed', saved, recordsWritten: false };
        deps.noted(saved);
      } catch (error) {
        results[e.step] = { status: 'refused', error: asError(error) };
        halted = true;
        break;
      }
      // Landed, but by an earlier send (its token told): the records after it were not run now.
      if (!succeeded(answer)) {
        halted = true;
        break;
      }
    }
    if (resendFrom === null) at += chunk.length;
    else {
      await deps.client.retry.sleep(waitMs);
      at = resendFrom;
    }
  }

  const complete = (step: number) => results[step]?.status === 'landed' && confirmed[step] === total[step];
  return steps.map((_s, step) => {
    const r = results[step];
    if (r?.status === 'landed') return { ...r, recordsWritten: complete(step) };
    if (r) return r;
    if (planError?.step === step && steps.slice(0, step).every((_x, k) => complete(k)))
      return { status: 'refused', error: planError.error };
    return { status: 'skipped' };
  });
}
