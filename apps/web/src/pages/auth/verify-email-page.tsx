import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { authApi } from '../../lib/auth-api';
import { safeNext, useSession } from '../../lib/session';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { ErrorState } from '../../ui/error-state';
import { Spinner } from '../../ui/spinner';
import { StatusChip } from '../../ui/status-chip';
import { AuthPanel } from './auth-panel';
import { ResendVerificationForm } from './resend-form';
import { useTokenAction } from './use-token-action';

export function VerifyEmailPage() {
  const state = useTokenAction('verify-email', authApi.verifyEmail);
  const { user } = useSession();
  const [params] = useSearchParams();
  // Set by sign-up from an invitation link: confirming leads on to it.
  const next = params.get('next') ? safeNext(params.get('next')) : null;
  const resultRef = useRef<HTMLDivElement>(null);
  // Announce and focus the outcome once the spinner is gone.
  useEffect(() => {
    if (state.kind !== 'pending') resultRef.current?.focus();
  }, [state.kind]);

  return (
    <AuthPanel title="Confirm your e-mail address">
      <div ref={resultRef} tabIndex={-1} className="auth-page__result">
        {state.kind === 'pending' ? (
          <div className="auth-page__center">
            <Spinner size="lg" label="Confirming your e-mail address…" />
            <p className="text-muted" aria-hidden="true">
              Confirming your e-mail address…
            </p>
          </div>
        ) : state.kind === 'success' ? (
          <div className="auth-page__center" role="status">
            <StatusChip tone="success">Confirmed</StatusChip>
            <p>{state.message}</p>
            <Button asChild variant="primary" size="lg">
              {user ? (
                <Link to={next ?? '/'}>Continue to InterviewSelect</Link>
              ) : (
                <Link to={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'}>Sign in</Link>
              )}
            </Button>
          </div>
        ) : state.kind === 'failed' ? (
          <ErrorState
            title="Couldn't confirm your address"
            message={state.detail}
            onRetry={state.retry}
            isRetrying={state.isRetrying}
          />
        ) : (
          <div className="auth-page__form">
            <Alert title="This confirmation link doesn't work">
              {state.kind === 'missing'
                ? 'The link has no token. Open the link from the e-mail again, or ask for a new one.'
                : `${state.detail} Enter your address below and we'll send a fresh link.`}
            </Alert>
            <ResendVerificationForm />
          </div>
        )}
      </div>
    </AuthPanel>
  );
}
