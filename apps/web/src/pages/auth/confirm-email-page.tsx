import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { authApi } from '../../lib/auth-api';
import { useSession } from '../../lib/session';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { ErrorState } from '../../ui/error-state';
import { Spinner } from '../../ui/spinner';
import { StatusChip } from '../../ui/status-chip';
import { AuthPanel } from './auth-panel';
import { useTokenAction } from './use-token-action';

/** The link e-mailed to a new address after "Change e-mail" in Settings. */
export function ConfirmEmailPage() {
  const state = useTokenAction('confirm-email', authApi.confirmEmail);
  const { user } = useSession();
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.kind !== 'pending') resultRef.current?.focus();
  }, [state.kind]);

  return (
    <AuthPanel title="Confirm your new e-mail address">
      <div ref={resultRef} tabIndex={-1} className="auth-page__result">
        {state.kind === 'pending' ? (
          <div className="auth-page__center">
            <Spinner size="lg" label="Confirming your new address…" />
            <p className="text-muted" aria-hidden="true">
              Confirming your new address…
            </p>
          </div>
        ) : state.kind === 'success' ? (
          <div className="auth-page__center" role="status">
            <StatusChip tone="success">Changed</StatusChip>
            <p>{state.message} Use the new address the next time you sign in.</p>
            <Button asChild variant="primary" size="lg">
              {user ? <Link to="/settings">Back to settings</Link> : <Link to="/sign-in">Sign in</Link>}
            </Button>
          </div>
        ) : state.kind === 'failed' ? (
          <ErrorState
            title="Couldn't confirm the new address"
            message={state.detail}
            onRetry={state.retry}
            isRetrying={state.isRetrying}
          />
        ) : (
          <div className="auth-page__form">
            <Alert title="This confirmation link doesn't work">
              {state.kind === 'missing'
                ? 'The link has no token. Open the link from the e-mail again.'
                : `${state.detail} Your sign-in address has not changed. Ask for the change again in Settings.`}
            </Alert>
            <Button asChild variant="secondary">
              <Link to="/settings">Go to settings</Link>
            </Button>
          </div>
        )}
      </div>
    </AuthPanel>
  );
}
