import type { Label } from '../../domain/shared/label';

/** A failed API call as the tab shows it: a status, a stable code, maybe a message safe to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly userMessage: Label | null,
    readonly correlationId: string | null,
    readonly issues: readonly { field: string; message: Label }[] = [],
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiError';
  }
}

export type TokenGetter = (opts?: { refresh?: boolean }) => Promise<string>;

/** Calls the API with the signed-in person's token; one retry with a fresh token on 401. */
export function createApi(getToken: TokenGetter, base = '') {
  const call = async (path: string, init: RequestInit = {}, refresh = false): Promise<Response> => {
    const token = await getToken({ refresh });
    const res = await fetch(`${base}${path}`, {
      ...init,
      headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    if (res.status === 401 && !refresh) return call(path, init, true);
    if (!res.ok) {
      let body: {
        code?: string;
        userMessage?: Label;
        correlationId?: string;
        issues?: { field: string; message: Label }[];
      } = {};
      try {
        body = (await res.json()) as typeof body;
      } catch {
        // not a problem response (e.g. a proxy's error page)
      }
      throw new ApiError(
        res.status,
        body.code ?? `HTTP_${res.status}`,
        body.userMessage ?? null,
        body.correlationId ?? res.headers.get('x-correlation-id'),
        body.issues ?? [],
      );
    }
    return res;
  };
  return {
    async get<T>(path: string): Promise<T> {
      return (await call(path)).json() as Promise<T>;
    },
    async post<T>(path: string, body: unknown): Promise<T> {
      const res = await call(path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
      return res.json() as Promise<T>;
    },
    /** Any other write (PUT, DELETE, POST without a body); answers with the JSON body. */
    async send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
      const res = await call(path, {
        method,
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      });
      return res.json() as Promise<T>;
    },
    /** Downloads a file with the token (a plain link cannot carry it) and saves it. */
    async download(path: string, filename: string): Promise<void> {
      const blob = await (await call(path)).blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}

export type Api = ReturnType<typeof createApi>;
