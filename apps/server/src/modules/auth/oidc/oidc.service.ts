import type { OidcProvider, OidcSignInError } from '@interviewselect/contracts';
import * as client from 'openid-client';
import type { AuditService } from '../../audit/audit.service.js';
import type { UsersRepo } from '../../users/users.repo.js';
import type { UserRow } from '../../users/users.tables.js';
import type { RequestMeta, SessionsService } from '../sessions.service.js';
import type { TotpService } from '../totp.service.js';
import { hasEmailClaims, readIdentityClaims, type IdentityClaims } from './oidc-claims.js';
import type { OidcDiscovery } from './oidc-discovery.js';
import { OIDC_STATE_TTL_MS, type OidcState } from './oidc-state.js';
import type { OidcRepo } from './oidc.repo.js';

export type OidcService = ReturnType<typeof createOidcService>;

/** Outcome of /start: where to send the browser, and the state its cookie must carry back. */
export type OidcBeginOutcome =
  | { status: 'redirect'; url: URL; state: OidcState }
  | { status: 'unknown_provider' }
  | { status: 'failed'; error: OidcSignInError; cause: unknown };

/** Outcome of the callback; `cause` is for the log only, never for the browser. */
export type OidcCallbackOutcome =
  | { status: 'signed_in'; token: string; next: string }
  | { status: 'totp_required'; challenge: string; next: string }
  | { status: 'failed'; error: OidcSignInError; cause?: unknown };

type Failure = Extract<OidcCallbackOutcome, { status: 'failed' }>;
const fail = (error: OidcSignInError, cause?: unknown): Failure => ({ status: 'failed', error, cause });

/**
 * Sign-in through an OpenID Connect provider (authorization code + PKCE),
 * then matching the external identity to a user:
 * 1. an existing link (provider, subject) → that user;
 * 2. else a verified e-mail of an existing user → link, then that user;
 * 3. else a verified e-mail → a new user (no password), linked.
 * An e-mail the provider does not vouch for is never linked or used to
 * create an account: anyone can type someone else's address at some IdPs.
 */
export function createOidcService(deps: {
  discovery: OidcDiscovery;
  publicUrl: string;
  users: UsersRepo;
  links: OidcRepo;
  sessions: Pick<SessionsService, 'startSession'>;
  totp: Pick<TotpService, 'isEnabled' | 'issueChallenge'>;
  audit: AuditService;
  now: () => Date;
}) {
  const { discovery, users, links, audit } = deps;

  function callbackUrl(providerId: string): string {
    return `${deps.publicUrl}/api/v1/auth/oidc/${encodeURIComponent(providerId)}/callback`;
  }

  /** Code exchange (PKCE, state, nonce and ID token checks by openid-client), then the claims we need. */
  async function exchange(config: client.Configuration, currentUrl: URL, state: OidcState) {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: state.codeVerifier,
      expectedState: state.state,
      expectedNonce: state.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('no ID token in the token response');
    const userinfo =
      !hasEmailClaims(idClaims) && config.serverMetadata().userinfo_endpoint
        ? await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)
        : {};
    return readIdentityClaims(idClaims, userinfo);
  }

  /** Steps 1–3 of the header comment; a refusal is a value. */
  async function resolveUser(
    providerId: string,
    identity: IdentityClaims,
    meta: RequestMeta,
  ): Promise<{ user: UserRow } | Failure> {
    const link = await links.findLink(providerId, identity.subject);
    const linked = link && (await users.findById(link.userId));
    if (linked) return { user: linked };
    if (!identity.email) return fail('oidc.email_missing');
    if (!identity.emailVerified) return fail('oidc.email_unverified');

    const now = deps.now();
    let user = await users.findByEmail(identity.email);
    const created = !user;
    let passwordCleared = false;
    if (!user) {
      user = await users.insert({ email: identity.email, name: identity.name, emailVerifiedAt: now });
    } else if (!user.emailVerifiedAt && user.status === 'active') {
      // Pre-hijack defence: whoever set this unconfirmed account's password never proved they own
      // the address; the provider just did. Drop that password so it cannot open the account later.
      passwordCleared = user.passwordHash !== null;
      user = await users.update(user.id, { emailVerifiedAt: now, passwordHash: null });
    }
    if (user.status === 'active') {
      await links.insertLink({
        provider: providerId,
        subject: identity.subject,
        userId: user.id,
        email: identity.email,
      });
      await audit.record({
        action: 'auth.oidc_linked',
        actorUserId: user.id,
        targetType: 'user',
        targetId: user.id,
        ip: meta.ip,
        userAgent: meta.userAgent,
        data: { provider: providerId, subject: identity.subject, email: identity.email, created, passwordCleared },
      });
    }
    return { user };
  }

  return {
    /** The providers to show as sign-in buttons. */
    listProviders(): OidcProvider[] {
      return deps.discovery.list().map((p) => ({ id: p.id, label: p.label }));
    },

    async begin(providerId: string, next: string): Promise<OidcBeginOutcome> {
      const provider = discovery.find(providerId);
      if (!provider) return { status: 'unknown_provider' };
      let config: client.Configuration;
      try {
        config = await discovery.configuration(provider);
      } catch (cause) {
        return { status: 'failed', error: 'oidc.provider_unavailable', cause };
      }
      const codeVerifier = client.randomPKCECodeVerifier();
      const state: OidcState = {
        provider: provider.id,
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier,
        next,
        expiresAt: deps.now().getTime() + OIDC_STATE_TTL_MS,
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: callbackUrl(provider.id),
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state: state.state,
        nonce: state.nonce,
      });
      return { status: 'redirect', url, state };
    },

    /**
     * Finishes sign-in. `query` is the callback's raw query string; `state`
     * is what this browser's cookie carried (null when missing or forged).
     */
    async complete(
      providerId: string,
      query: string,
      state: OidcState | null,
      meta: RequestMeta,
    ): Promise<OidcCallbackOutcome> {
      const provider = discovery.find(providerId);
      if (!provider) return fail('oidc.unknown_provider');
      const params = new URLSearchParams(query);
      // Checked before anything else: a response meant for another browser or provider stops here.
      if (!state || state.provider !== provider.id || params.get('state') !== state.state) {
        return fail('oidc.state_invalid');
      }
      const idpError = params.get('error');
      if (idpError) return fail(idpError === 'access_denied' ? 'oidc.access_denied' : 'oidc.provider_error', idpError);

      let config: client.Configuration;
      try {
        config = await discovery.configuration(provider);
      } catch (cause) {
        return fail('oidc.provider_unavailable', cause);
      }
      let identity: IdentityClaims | null;
      try {
        // The registered redirect URI plus the query: never rebuilt from the Host header.
        identity = await exchange(config, new URL(`${callbackUrl(provider.id)}?${query}`), state);
      } catch (cause) {
        return fail('oidc.exchange_failed', cause);
      }
      if (!identity) return fail('oidc.exchange_failed', 'ID token without sub');

      const resolved = await resolveUser(provider.id, identity, meta);
      if (!('user' in resolved)) return resolved;
      const user = resolved.user;
      if (user.status !== 'active') return fail('oidc.account_suspended');
      // The provider stands in for the password, not for the second factor the user chose to add.
      if (await deps.totp.isEnabled(user.id)) {
        return { status: 'totp_required', challenge: deps.totp.issueChallenge(user.id), next: state.next };
      }
      const started = await deps.sessions.startSession(user, meta);
      await audit.record({
        action: 'auth.oidc_sign_in',
        actorUserId: user.id,
        ip: meta.ip,
        userAgent: meta.userAgent,
        data: { provider: provider.id, subject: identity.subject },
      });
      return { status: 'signed_in', token: started.token, next: state.next };
    },
  };
}
