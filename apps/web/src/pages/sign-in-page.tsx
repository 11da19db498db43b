import { useNavigate } from 'react-router';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast';
import { useSignInForm } from './use-sign-in-form';
import './sign-in-page.css';

export function SignInPage() {
  const navigate = useNavigate();
  const { toast } = useToast();
  const form = useSignInForm({
    onSignedIn: ({ user }) => {
      toast({ title: `Signed in as ${user.name}`, tone: 'success' });
      void navigate('/');
    },
  });

  return (
    <div className="sign-in-page">
      <title>Sign in · InterviewSelect</title>
      <div className="sign-in-page__panel">
        <div className="sign-in-page__intro">
          <h1 className="sign-in-page__title">Sign in</h1>
          <p className="text-muted">Welcome back. Sign in to run interviews, write scorecards and manage questions.</p>
        </div>

        {form.alert ? (
          <Alert title={form.alert.title} className="sign-in-page__alert">
            {form.alert.detail}
          </Alert>
        ) : null}

        {/* noValidate: our schema's messages replace the browser's bubbles, which screen readers miss. */}
        <form
          className="sign-in-page__form"
          noValidate
          onSubmit={form.handleSubmit}
          onChange={form.handleChange}
          aria-label="Sign in"
        >
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
          <Button type="submit" variant="primary" size="lg" isLoading={form.isSubmitting}>
            {form.isSubmitting ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      </div>
      <p className="sign-in-page__footnote text-muted">
        No account yet? Accounts are created by invitation. Ask your organisation&apos;s admin to invite you.
      </p>
    </div>
  );
}
