import { EmailSchema } from '@interviewselect/contracts';

/** The few claims sign-in relies on, read defensively from an ID token and/or userinfo. */
export interface IdentityClaims {
  /** Stable id of the person at the provider; with the provider id it keys oauth_accounts. */
  subject: string;
  email: string | null;
  /** Only an explicit `true` counts: a missing claim is not a promise. */
  emailVerified: boolean;
  /** Display name for a new account; never empty. */
  name: string;
}

type ClaimSet = Record<string, unknown>;

function text(claims: ClaimSet, key: string): string | undefined {
  const v = claims[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * Merges ID token claims with userinfo (the ID token wins on `sub`; some
 * providers, oidc-provider by default among them, release e-mail only
 * through userinfo). `email_verified` is sometimes the string "true"
 * (Cognito and older Azure AD B2C), so that is accepted too.
 */
export function readIdentityClaims(idToken: ClaimSet, userinfo: ClaimSet = {}): IdentityClaims | null {
  const subject = text(idToken, 'sub');
  if (!subject) return null;
  const merged: ClaimSet = { ...userinfo, ...idToken };
  const parsedEmail = EmailSchema.safeParse(text(merged, 'email') ?? '');
  const email = parsedEmail.success ? parsedEmail.data : null;
  const verified = merged.email_verified === true || merged.email_verified === 'true';
  const joined = [text(merged, 'given_name'), text(merged, 'family_name')].filter(Boolean).join(' ');
  const rawName = text(merged, 'name') ?? (joined || (email?.split('@')[0] ?? 'New user'));
  // Same limits as PersonNameSchema: no control characters, at most 100 characters.
  const name =
    rawName
      .replace(/\p{Cc}/gu, ' ')
      .trim()
      .slice(0, 100) || 'New user';
  return { subject, email, emailVerified: email !== null && verified, name };
}

/** True when the claims already carry what sign-in needs, so the userinfo round trip can be skipped. */
export function hasEmailClaims(claims: ClaimSet): boolean {
  return typeof claims.email === 'string' && claims.email_verified !== undefined;
}
