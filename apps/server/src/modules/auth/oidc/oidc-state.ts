import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

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

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM rather than a bare HMAC: the PKCE code_verifier must stay
 * secret from anyone who sees the cookie value (logs, proxies), not just
 * be tamper-proof. The key is derived, so SECRET_KEY is never used raw for
 * two purposes.
 */
export function createOidcStateSealer(secretKey: string) {
  const key = Buffer.from(hkdfSync('sha256', secretKey, 'isel-oidc-state', 'aes-256-gcm', 32));

  return {
    seal(value: OidcState): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },

    /** The state if the cookie is authentic and unexpired, else null. */
    unseal(sealed: string | undefined, now: Date): OidcState | null {
      if (!sealed || sealed.length > 4096) return null;
      const raw = Buffer.from(sealed, 'base64url');
      if (raw.length <= IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const json = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
        const value = parseState(JSON.parse(json.toString('utf8')) as unknown);
        return value && value.expiresAt > now.getTime() ? value : null;
      } catch {
        // Wrong key, tampered bytes or bad JSON all mean the same: no valid state.
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
