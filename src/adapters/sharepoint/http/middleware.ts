/**
 * Small helpers for writing `@microsoft/microsoft-graph-client` middleware as functions, in the
 * style of pnpjs' `using(...)`: each piece is `(context, next) => …` and does one thing, and the
 * chain is an array handed to `Client.initWithMiddleware` (the SDK links it with `setNext`).
 */
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';

export type Next = (context: Context) => Promise<void>;
export type Step = (context: Context, next: Next) => Promise<void>;

/** Wraps a step as an SDK middleware. One instance per chain: the SDK sets its successor on it. */
export function middleware(name: string, step: Step): Middleware {
  let successor: Middleware | undefined;
  const next: Next = (context) => {
    if (!successor) throw new Error(`Graph middleware ${name} has no next handler`);
    return successor.execute(context);
  };
  return {
    execute: (context) => step(context, next),
    setNext: (m) => {
      successor = m;
    },
  };
}

/** A per-request option (`GraphRequest.middlewareOptions([...])`) by its class, if the request has one. */
export function optionOf<T extends MiddlewareOptions>(
  context: Context,
  kind: abstract new (...args: never[]) => T,
): T | undefined {
  const found: unknown = context.middlewareControl?.getMiddlewareOptions(kind);
  return found instanceof kind ? found : undefined;
}

/** The URL a request will go to (the SDK passes a string; a Request object is allowed too). */
export function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

export function requestMethod(context: Context): string {
  return (context.options?.method ?? 'GET').toUpperCase();
}

/** Sets (replaces, case-insensitively) a request header in the fetch options the SDK built. */
export function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) {
    headers.set(name, value);
  } else if (Array.isArray(headers)) {
    options.headers = [...headers.filter(([k]) => k.toLowerCase() !== name.toLowerCase()), [name, value]];
  } else {
    const plain: Record<string, string> = headers ?? {};
    for (const k of Object.keys(plain)) if (k.toLowerCase() === name.toLowerCase()) delete plain[k];
    plain[name] = value;
    options.headers = plain;
  }
}

/** The response the rest of the chain produced; a middleware below must have set one. */
export function responseOf(context: Context): Response {
  if (!context.response) throw new Error('Graph middleware chain produced no response');
  return context.response;
}
