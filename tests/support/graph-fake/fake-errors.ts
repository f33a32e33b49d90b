import { randomUUID } from 'node:crypto';

/** An HTTP error answer, shaped the way Graph shapes its errors. */
export class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'FakeHttpError';
  }

  get body(): Record<string, unknown> {
    return graphErrorBody(this.code, this.message);
  }
}

export function graphErrorBody(code: string, message: string): Record<string, unknown> {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString(),
        'request-id': randomUUID(),
        'client-request-id': randomUUID(),
      },
    },
  };
}

/** An answer of the fake: what the HTTP server or a $batch step sends back. */
export interface FakeAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export function errorAnswer(err: unknown): FakeAnswer {
  if (err instanceof FakeHttpError) return { status: err.status, headers: err.headers, body: err.body };
  const message = err instanceof Error ? err.message : String(err);
  return { status: 500, body: graphErrorBody('generalException', `fake failure: ${message}`) };
}
