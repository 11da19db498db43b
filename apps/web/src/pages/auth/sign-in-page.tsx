import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext, useSession } from '../../lib/session';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';
import { AuthPanel } from './auth-panel';
import { OIDC_ERROR_MESSAGES, OidcButtons, readOidcError } from './oidc';
import { useSignIn } from './use-sign-in';

export function SignInPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { toast } = useToast();
  const session = useSession();
  const oidcError = readOidcError(params.get('error'));
  // An OIDC sign-in for an account with two-factor comes back here to finish with a code.
  const oidcChallenge = oidcError === 'oidc.totp_required' ? params.get('challenge') : null;
  const oidcAlert = oidcError && oidcError !== 'oidc.totp_required' ? OIDC_ERROR_MESSAGES[oidcError] : null;
  const signIn = useSignIn({
    initialChallenge: oidcChallenge,
    onSignedIn: (user) => {
      toast({ title: `Signed in as ${user.name}`, tone: 'success' });
      void navigate(next, { replace: true });
    },
  });
  if (session.user && !signIn.credentials.isSuccess && !signIn.totp.isSuccess) return <Navigate to={next} replace />;

  if (signIn.step === 'totp') {
    const { setAlertElement, formProps, ...form } = signIn.totp;
    return (
      <AuthPanel
        title="Two-factor code"
        intro="Enter the 6-digit code from your authenticator app, or one of your recovery codes."
        headingRef={signIn.setHeadingElement}
      >
        {form.alert ? (
          <Alert ref={setAlertElement} title={form.alert.title} className="auth-page__alert">
            {form.alert.detail}
          </Alert>
        ) : null}
        <form {...formProps} className="auth-page__form" aria-label="Two-factor code">
          <TextField
            label="Code"
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            hint="6 digits, or a recovery code like abcd-efgh-jkmn"
            error={form.fieldErrors.code}
          />
          <Button type="submit" variant="primary" size="lg" isLoading={form.isSubmitting}>
            {form.isSubmitting ? 'Verifying…' : 'Verify and sign in'}
          </Button>
        </form>
        <Button
          variant="ghost"
          onClick={() => {
            signIn.startOver();
            if (oidcChallenge) setParams(next === '/' ? {} : { next }, { replace: true });
          }}
        >
          Use a different account
        </Button>
      </AuthPanel>
    );
  }

  const { setAlertElement, formProps, ...form } = signIn.credentials;
  return (
    <AuthPanel
      title="Sign in"
      intro="Welcome back. Sign in to run interviews, write scorecards and manage questions."
      headingRef={signIn.setHeadingElement}
      footnote={
        <>
          No account yet? <Link to="/sign-up">Create an account</Link>
        </>
      }
    >
      {oidcAlert && !form.alert ? (
        <Alert title={oidcAlert.title} className="auth-page__alert">
          {oidcAlert.detail}
        </Alert>
      ) : null}
      {form.alert ? (
        <Alert ref={setAlertElement} title={form.alert.title} className="auth-page__alert">
          <p>{form.alert.detail}</p>
          {form.alert.code === 'auth.email_unverified' ? (
            signIn.resend.sentMessage ? (
              <p role="status">{signIn.resend.sentMessage}</p>
            ) : (
              <>
                {signIn.resend.error ? <p>{signIn.resend.error}</p> : null}
                <Button size="sm" onClick={signIn.resend.send} isLoading={signIn.resend.isSending}>
                  Resend confirmation link
                </Button>
              </>
            )
          ) : null}
        </Alert>
      ) : null}

      <OidcButtons next={next} />
      <form {...formProps} className="auth-page__form" aria-label="Sign in">
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={form.fieldErrors.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={form.fieldErrors.password}
        />
        <div className="auth-page__links">
          <Link to="/forgot-password">Forgot password?</Link>
        </div>
        <Button type="submit" variant="primary" size="lg" isLoading={form.isSubmitting}>
          {form.isSubmitting ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </AuthPanel>
  );
}
