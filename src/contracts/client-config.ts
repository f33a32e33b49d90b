/** Where the tab signs in: the client needs this before it has a token (GET /api/client-config). */
export type ClientAuth =
  | { readonly kind: 'local'; readonly signInUrl: string }
  | {
      readonly kind: 'entra';
      readonly clientId: string;
      readonly authority: string;
      readonly scopes: readonly string[];
    };

export interface ClientConfig {
  readonly mode: 'local' | 'production';
  readonly auth: ClientAuth;
}
