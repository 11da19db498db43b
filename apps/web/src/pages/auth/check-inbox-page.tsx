import { Link, useLocation } from 'react-router';
import { useHasDevMailbox } from '../../lib/dev-mailbox';
import { safeNext } from '../../lib/session';
import { MailIcon } from '../../ui/icons';
import { AuthPanel } from './auth-panel';
import { ResendVerificationForm } from './resend-form';

function emailFromState(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('email' in state)) return undefined;
  return typeof state.email === 'string' ? state.email : undefined;
}

function nextFromState(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('next' in state) || typeof state.next !== 'string') return null;
  return safeNext(state.next);
}

/** After sign-up. The address travels in history state, not the URL, so it stays out of logs. */
export function CheckInboxPage() {
  const state: unknown = useLocation().state;
  const email = emailFromState(state);
  const next = nextFromState(state);
  const hasDevMailbox = useHasDevMailbox();
  return (
    <AuthPanel
      title="Check your inbox"
      footnote={
        <>
          Confirmed already? <Link to={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'}>Sign in</Link>
        </>
      }
    >
      <div className="auth-page__center">
        <MailIcon width={40} height={40} className="text-muted" />
        <p>
          {email ? (
            <>
              We sent a confirmation link to <strong>{email}</strong>.
            </>
          ) : (
            'We sent you a confirmation link.'
          )}{' '}
          Open it to finish creating your account. The link works once.
        </p>
        <p className="text-muted">Nothing after a few minutes? Check your spam folder, or send a new link.</p>
        {hasDevMailbox ? (
          <p>
            Running locally? <Link to="/dev/mailbox">Open the dev mailbox</Link>
          </p>
        ) : null}
      </div>
      <ResendVerificationForm email={email} />
    </AuthPanel>
  );
}
