/**
 * @jest-environment jsdom
 *
 * A person whose organisation has no access sees a page saying so, not a sign-in loop: the tab's
 * API client asks for a fresh token (which in local mode means the sign-in page) only on 401, and
 * the 403 problem's message is what the error state shows.
 */
import { ApiError, createApi } from '../../src/tab/api/client';
import { errorMessage } from '../../src/tab/components/states';
import { tabStrings } from '../../src/tab/i18n';

const problem = {
  type: 'about:blank',
  status: 403,
  code: 'AUTH.TENANT_NOT_ALLOWED',
  userMessage: {
    sv: 'Din organisation har inte tillgång till Omtanke Halland. Kontakta Region Hallands samordnare om du behöver tillgång.',
    en: 'Your organisation does not have access to Omtanke Halland.',
  },
};

it('does not ask for a new token (sign-in) on 403, and shows the server’s message', async () => {
  const refreshes: boolean[] = [];
  const realFetch = globalThis.fetch;
  // jsdom has no Response; the client reads only these parts of one.
  globalThis.fetch = (async () => ({
    ok: false,
    status: 403,
    headers: { get: () => null },
    json: async () => problem,
  })) as unknown as typeof fetch;
  try {
    const api = createApi(async ({ refresh } = {}) => {
      refreshes.push(refresh === true);
      return 'token';
    });
    const err = await api.get('/api/me').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(refreshes).toEqual([false]);
    expect(errorMessage(err, tabStrings('sv'), 'sv')).toMatch(/^Din organisation har inte tillgång/);
  } finally {
    globalThis.fetch = realFetch;
  }
});
