import type { Middleware } from '@microsoft/microsoft-graph-client';
import { middleware, optionOf } from './middleware';
import { ExactUrl } from './request-options';

/**
 * Sends a link Graph issued (`@odata.nextLink`) exactly as issued. `client.api(link)` parses the
 * link and rebuilds it (GraphRequest.parsePath / createQueryString in 3.0.7): it recognises only
 * `https://` links (an `http://` one is appended to the base URL), moves the OData-named parameters
 * in front of the others (`$skiptoken`, spelt so by Graph, is not one of them; nor is `%24top`),
 * merges or drops repeated parameters, and treats `https://` anywhere in the string as a host. A
 * skiptoken is opaque and bound to its link, so the request carries the link as an ExactUrl option
 * and this first piece of the chain puts it back before anything else looks at the URL.
 */
export function withExactUrl(): Middleware {
  return middleware('exact-url', async (context, next) => {
    const exact = optionOf(context, ExactUrl);
    if (exact) context.request = exact.url;
    await next(context);
  });
}
