import {
  AzureAuthorityHosts,
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';

/** App-only credentials: exactly one kind is used, in this order of preference. */
export interface GraphCredentialSettings {
  readonly tenantId: string;
  /** The Entra app (client) id; also the client id of a user-assigned managed identity. */
  readonly clientId: string;
  readonly clientSecret?: string | null;
  /** PEM file with the certificate and its private key. */
  readonly certificatePath?: string | null;
  readonly useManagedIdentity?: boolean;
  /** Entra authority, e.g. `https://login.microsoftonline.us` for US Government; defaults to public cloud. */
  readonly authorityHost?: string;
}

const KNOWN_AUTHORITIES: ReadonlySet<string> = new Set(
  Object.values(AzureAuthorityHosts).map((h: string) => new URL(h).origin),
);

/**
 * Builds the app-only credential. Instance discovery stays on for Microsoft's own clouds and is
 * switched off for any other authority (a sovereign proxy, or the local fake in tests), since
 * discovery would ask login.microsoftonline.com about a host it does not know.
 */
export function createGraphCredential(settings: GraphCredentialSettings): TokenCredential {
  const authorityHost = settings.authorityHost ?? AzureAuthorityHosts.AzurePublicCloud;
  const common = {
    authorityHost,
    disableInstanceDiscovery: !KNOWN_AUTHORITIES.has(new URL(authorityHost).origin),
  };
  if (settings.useManagedIdentity) return new ManagedIdentityCredential({ clientId: settings.clientId });
  if (settings.certificatePath) {
    return new ClientCertificateCredential(
      settings.tenantId,
      settings.clientId,
      { certificatePath: settings.certificatePath },
      common,
    );
  }
  if (settings.clientSecret) {
    return new ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret, common);
  }
  throw new Error(
    'SharePoint store needs app credentials: a client secret, a certificate, or a managed identity',
  );
}
