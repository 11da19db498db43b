import * as client from 'openid-client';
import type { OidcProviderConfig } from '../../../config.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const DISCOVERY_TIMEOUT_SECONDS = 10;

/**
 * client_secret_basic is the OIDC default and what most issuers expect, but
 * some (LinkedIn) list only client_secret_post. The method is picked per
 * request from the discovered metadata, so one discovery call is enough.
 */
function clientSecretAuth(secret: string): client.ClientAuth {
  const basic = client.ClientSecretBasic(secret);
  const post = client.ClientSecretPost(secret);
  return (as, metadata, body, headers) => {
    const methods = as.token_endpoint_auth_methods_supported;
    const useBasic = !methods || methods.includes('client_secret_basic') || !methods.includes('client_secret_post');
    (useBasic ? basic : post)(as, metadata, body, headers);
  };
}

/**
 * Discovers each issuer on first use and keeps the result for the life of the
 * process (signing keys are fetched and rotated by openid-client itself). A
 * failed discovery is not cached, so the next sign-in retries.
 */
export function createOidcDiscovery(providers: OidcProviderConfig[]) {
  const cache = new Map<string, Promise<client.Configuration>>();

  function discover(provider: OidcProviderConfig): Promise<client.Configuration> {
    const issuer = new URL(provider.issuer);
    // openid-client refuses http; allow it only for a local issuer (development, tests), never over a network.
    const insecure = issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname);
    return client.discovery(issuer, provider.clientId, undefined, clientSecretAuth(provider.clientSecret), {
      timeout: DISCOVERY_TIMEOUT_SECONDS,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
  }

  return {
    list(): readonly OidcProviderConfig[] {
      return providers;
    },

    find(id: string): OidcProviderConfig | undefined {
      return providers.find((p) => p.id === id);
    },

    configuration(provider: OidcProviderConfig): Promise<client.Configuration> {
      let pending = cache.get(provider.id);
      if (!pending) {
        pending = discover(provider);
        cache.set(provider.id, pending);
        void pending.catch(() => cache.delete(provider.id));
      }
      return pending;
    },
  };
}

export type OidcDiscovery = ReturnType<typeof createOidcDiscovery>;
