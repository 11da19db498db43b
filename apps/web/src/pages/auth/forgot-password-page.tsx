import { ForgotPasswordInputSchema } from '@interviewselect/contracts';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { authApi } from '../../lib/auth-api';
import { useSchemaForm } from '../../lib/use-schema-form';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';
import { AuthPanel } from './auth-panel';

export function ForgotPasswordPage() {
  const { toast } = useToast();
  const { setAlertElement, formProps, ...form } = useSchemaForm({
    schema: ForgotPasswordInputSchema,
    fields: ['email'] as const,
    errorTitle: "Couldn't send a reset link",
    submit: (input) => authApi.forgotPassword(input.email),
    onSuccess: () => {
      toast({ title: 'Reset link sent', tone: 'success' });
    },
  });

  if (form.data) return <SentPanel message={form.data.message} onAgain={form.reset} />;

  return (
    <AuthPanel
      title="Reset your password"
      intro="Enter the address you sign in with and we'll e-mail you a link to choose a new password."
      footnote={
        <>
          Remembered it? <Link to="/sign-in">Sign in</Link>
        </>
      }
    >
      {form.alert ? (
        <Alert ref={setAlertElement} title={form.alert.title}>
          {form.alert.detail}
        </Alert>
      ) : null}
      <form {...formProps} className="auth-page__form" aria-label="Reset password">
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
        <Button type="submit" variant="primary" size="lg" isLoading={form.isSubmitting}>
          {form.isSubmitting ? 'Sending…' : 'Send reset link'}
        </Button>
      </form>
    </AuthPanel>
  );
}

/** "Check your inbox": the page changes under the user, so focus starts at its new heading. */
function SentPanel({ message, onAgain }: { message: string; onAgain: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <AuthPanel title="Check your inbox" headingRef={headingRef}>
      <p role="status">{message}</p>
      <div className="auth-page__actions">
        <Button asChild variant="primary">
          <Link to="/sign-in">Back to sign in</Link>
        </Button>
        <Button variant="ghost" onClick={onAgain}>
          Use another address
        </Button>
      </div>
    </AuthPanel>
  );
}
