import { createSecretBox } from '../../../platform/secret-box.js';

/**
 * What a browser must bring back to the callback: it lives only in this
 * browser's cookie, so an attacker cannot make a victim's browser finish a
 * sign-in the attacker started (login CSRF) — the victim has no matching state.
 */
export interface OidcState {
  provider: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Same-site path to land on after sign-in. */
  next: string;
  /** Expiry, epoch milliseconds. */
  expiresAt: number;
}

/** The cookie holding the sealed OidcState; scoped to the OIDC routes so no other request carries it. */
export const OIDC_COOKIE = 'isel_oidc';
export const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';
/** Long enough to type a password and approve consent at the provider, short enough to be useless later. */
export const OIDC_STATE_TTL_MS = 10 * 60_000;

/**
 * AES-256-GCM rather than a bare HMAC: the PKCE code_verifier must stay
 * secret from anyone who sees the cookie value (logs, proxies), not just
 * be tamper-proof.
 */
export function createOidcStateSealer(secretKey: string) {
  // The purpose string keeps the key derivation of earlier releases, so cookies in flight stay valid.
  const box = createSecretBox(secretKey, 'oidc-state');

  return {
    seal(value: OidcState): string {
      return box.seal(JSON.stringify(value));
    },

    /** The state if the cookie is authentic and unexpired, else null. */
    unseal(sealed: string | undefined, now: Date): OidcState | null {
      if (!sealed || sealed.length > 4096) return null;
      const json = box.open(sealed);
      if (json === null) return null;
      try {
        const value = parseState(JSON.parse(json) as unknown);
        return value && value.expiresAt > now.getTime() ? value : null;
      } catch {
        // Bad JSON means the same as a wrong key: no valid state.
        return null;
      }
    },
  };
}

export type OidcStateSealer = ReturnType<typeof createOidcStateSealer>;

function parseState(v: unknown): OidcState | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const strings = ['provider', 'state', 'nonce', 'codeVerifier', 'next'] as const;
  if (!strings.every((k) => typeof o[k] === 'string') || typeof o.expiresAt !== 'number') return null;
  return {
    provider: o.provider as string,
    state: o.state as string,
    nonce: o.nonce as string,
    codeVerifier: o.codeVerifier as string,
    next: o.next as string,
    expiresAt: o.expiresAt,
  };
}

/**
 * `next` if it is a path on this site, else "/". Rejects "//host" and "/\host"
 * (browsers treat both as another origin) and anything with a scheme.
 */
export function safeNextPath(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Control characters (tabs, newlines) are stripped by browsers and could smuggle a "//".
  if (/\p{Cc}/u.test(next)) return '/';
  return next;
}
