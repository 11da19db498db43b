import { OidcSignInErrorSchema, type OidcSignInError } from '@interviewselect/contracts';
import { useQuery } from '@tanstack/react-query';
import { authApi, oidcStartUrl } from '../../lib/auth-api';
import { Button } from '../../ui/button';

/** What went wrong on an OIDC round trip, for `/sign-in?error=oidc.*`. totp_required is not an error: it continues. */
export const OIDC_ERROR_MESSAGES: Record<
  Exclude<OidcSignInError, 'oidc.totp_required'>,
  { title: string; detail: string }
> = {
  'oidc.state_invalid': {
    title: 'That sign-in took too long',
    detail: 'The sign-in attempt expired or was opened in another browser. Please start again.',
  },
  'oidc.unknown_provider': {
    title: 'That sign-in option is not available',
    detail: 'This provider is not configured here any more. Choose another way to sign in.',
  },
  'oidc.provider_unavailable': {
    title: "Couldn't reach the sign-in provider",
    detail: 'The provider did not answer. Try again in a moment, or sign in with your password.',
  },
  'oidc.access_denied': {
    title: 'Sign-in was cancelled',
    detail: 'You declined at the provider, so you were not signed in.',
  },
  'oidc.provider_error': {
    title: 'The sign-in provider reported an error',
    detail: 'Please try again, or sign in with your password.',
  },
  'oidc.exchange_failed': {
    title: "Couldn't complete the sign-in",
    detail: "We couldn't verify the provider's answer. Please try again.",
  },
  'oidc.email_missing': {
    title: 'No e-mail address from the provider',
    detail: 'The provider did not share your e-mail address, which we need to find your account.',
  },
  'oidc.email_unverified': {
    title: 'Your e-mail address is not verified at the provider',
    detail: 'Verify it with the provider first, or sign in with your password.',
  },
  'oidc.account_suspended': {
    title: 'This account is suspended',
    detail: 'Contact the administrators of this installation if you think this is a mistake.',
  },
};

/** The ?error= of the sign-in URL, if it is a known OIDC failure. */
export function readOidcError(value: string | null): OidcSignInError | null {
  const parsed = OidcSignInErrorSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** One link per configured provider; nothing at all when none is configured (or the list can't be read). */
export function OidcButtons({ next }: { next: string }) {
  const providers = useQuery({
    queryKey: ['public', 'oidc-providers'],
    queryFn: ({ signal }) => authApi.oidcProviders(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (!providers.data || providers.data.length === 0) return null;
  return (
    <div className="auth-page__oidc">
      <ul className="auth-page__oidc-list" aria-label="Other ways to sign in">
        {providers.data.map((p) => (
          <li key={p.id}>
            <Button asChild variant="secondary" size="lg">
              <a href={oidcStartUrl(p.id, next)}>Continue with {p.label}</a>
            </Button>
          </li>
        ))}
      </ul>
      <p className="auth-page__divider">
        <span>or with your password</span>
      </p>
    </div>
  );
}
