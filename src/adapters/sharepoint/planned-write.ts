/**
 * A write as one request of a `$batch` (src/adapters/sharepoint/write-chain.ts), with the rules for
 * reading its answer that the single write applies to its own: the saved record, a refusal turned
 * into a store error, or — a refusal met by a resent request — the write's own earlier landing,
 * told by its write token.
 */
import type { GraphCall, GraphResponse } from './http/graph-http';

export interface PlannedWrite<T> {
  readonly call: GraphCall;
  /** The saved record from the request's answer in the batch; throws a store error if it did not land. */
  settle(answer: GraphResponse): Promise<T>;
}

export const succeeded = (answer: GraphResponse): boolean => answer.status >= 200 && answer.status < 300;
