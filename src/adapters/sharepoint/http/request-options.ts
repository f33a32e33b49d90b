/**
 * Per-request facts the middleware reads, attached with `GraphRequest.middlewareOptions([...])`
 * (the SDK keys them by class in the request's MiddlewareControl).
 */
import type { MiddlewareOptions } from '@microsoft/microsoft-graph-client';

/** Which use case a request serves (for counting) and whether it may be sent twice (for retrying). */
export class RequestIntent implements MiddlewareOptions {
  constructor(
    readonly useCase: string,
    /** Present on a POST that is safe to resend (see GraphCall.idempotencyKey). */
    readonly idempotencyKey?: string,
  ) {}
}

/** The URL to send, byte for byte, instead of the one GraphRequest rebuilt (see exact-url.ts). */
export class ExactUrl implements MiddlewareOptions {
  constructor(readonly url: string) {}
}
