import { z } from 'zod';

/** One configured sign-in provider: the sign-in page shows a button per entry. */
export const OidcProviderSchema = z.object({
  /** Lower-case id used in URLs: /api/v1/auth/oidc/<id>/start. */
  id: z.string(),
  /** Button label, e.g. "Google". */
  label: z.string(),
});
export type OidcProvider = z.infer<typeof OidcProviderSchema>;

export const OidcProviderListSchema = z.array(OidcProviderSchema);

/**
 * Query of GET /api/v1/auth/oidc/:provider/start. `next` is where to land
 * after sign-in; anything but a same-site path (starting with one "/") is
 * replaced by "/" so the flow cannot be turned into an open redirect.
 */
export const OidcStartQuerySchema = z.object({
  next: z.string().max(2048).optional(),
});

/**
 * Why an OIDC sign-in ended on `/sign-in?error=<code>`. The server redirects
 * there (a browser navigation, not an API call), so these are query values,
 * not problem+json codes.
 */
export const OIDC_SIGN_IN_ERRORS = [
  /** The sign-in cookie was missing, expired, tampered with, or did not match `state`: start again. */
  'oidc.state_invalid',
  /** The provider is not (or no longer) configured. */
  'oidc.unknown_provider',
  /** The provider could not be reached or its discovery document was unusable. */
  'oidc.provider_unavailable',
  /** The user declined at the provider. */
  'oidc.access_denied',
  /** The provider answered with another error. */
  'oidc.provider_error',
  /** Code exchange or ID token validation (signature, nonce, PKCE) failed. */
  'oidc.exchange_failed',
  /** The provider did not share an e-mail address. */
  'oidc.email_missing',
  /** The provider does not vouch for the e-mail address, so we neither link nor create an account. */
  'oidc.email_unverified',
  /** The matching account is suspended. */
  'oidc.account_suspended',
  /** The account has two-factor on: the sign-in page asks for a code with `challenge` (also in the query). */
  'oidc.totp_required',
] as const;
export const OidcSignInErrorSchema = z.enum(OIDC_SIGN_IN_ERRORS);
export type OidcSignInError = z.infer<typeof OidcSignInErrorSchema>;
