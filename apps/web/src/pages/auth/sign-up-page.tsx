import { SignUpInputSchema } from '@interviewselect/contracts';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { authApi } from '../../lib/auth-api';
import { safeNext } from '../../lib/session';
import { useSchemaForm } from '../../lib/use-schema-form';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';
import { AuthPanel } from './auth-panel';

export function SignUpPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Where to go after signing in (an invitation, say): carried to "Check your inbox" and the sign-in links.
  const next = params.get('next') ? safeNext(params.get('next')) : null;
  const signInPath = next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
  const { toast } = useToast();
  const { setAlertElement, formProps, ...form } = useSchemaForm({
    schema: SignUpInputSchema,
    fields: ['name', 'email', 'password'] as const,
    // The confirmation link carries it on, so confirming leads to the invitation (or wherever).
    extra: () => (next ? { next } : {}),
    errorTitle: "Couldn't create your account",
    submit: authApi.signUp,
    onSuccess: (_result, input) => {
      toast({ title: 'Check your inbox', description: `We sent a link to ${input.email}.`, tone: 'success' });
      void navigate('/check-inbox', { state: { email: input.email, next } });
    },
  });

  return (
    <AuthPanel
      title="Create your account"
      intro="Run structured technical interviews with your team. It takes a minute."
      footnote={
        <>
          Already have an account? <Link to={signInPath}>Sign in</Link>
        </>
      }
    >
      {form.alert ? (
        <Alert ref={setAlertElement} title={form.alert.title} className="auth-page__alert">
          {form.alert.detail}
        </Alert>
      ) : null}
      <form {...formProps} className="auth-page__form" aria-label="Create account">
        <TextField label="Name" name="name" autoComplete="name" required error={form.fieldErrors.name} />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="email"
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
          autoComplete="new-password"
          hint="At least 10 characters. A few unrelated words make a strong, memorable passphrase."
          required
          error={form.fieldErrors.password}
        />
        <Button type="submit" variant="primary" size="lg" isLoading={form.isSubmitting}>
          {form.isSubmitting ? 'Creating account…' : 'Create account'}
        </Button>
      </form>
    </AuthPanel>
  );
}
