import { ForgotPasswordInputSchema } from '@interviewselect/contracts';
import { authApi } from '../../lib/auth-api';
import { useSchemaForm } from '../../lib/use-schema-form';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';

/**
 * "Send me a new confirmation link": with the address already known it is a
 * single button, otherwise a one-field form.
 */
export function ResendVerificationForm({ email }: { email?: string | undefined }) {
  const { toast } = useToast();
  const { setAlertElement, formProps, ...form } = useSchemaForm({
    schema: ForgotPasswordInputSchema,
    fields: ['email'] as const,
    errorTitle: "Couldn't send a new link",
    submit: (input) => authApi.resendVerification(input.email),
    onSuccess: (result) => toast({ title: 'Link sent', description: result.message, tone: 'success' }),
  });

  return (
    <>
      {form.alert ? (
        <Alert ref={setAlertElement} title={form.alert.title}>
          {form.alert.detail}
        </Alert>
      ) : null}
      {form.data ? (
        <p role="status" className="text-muted">
          {form.data.message}
        </p>
      ) : null}
      <form {...formProps} className="auth-page__form" aria-label="Resend confirmation link">
        {email ? (
          <input type="hidden" name="email" value={email} />
        ) : (
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
        )}
        <Button type="submit" variant={email ? 'secondary' : 'primary'} isLoading={form.isSubmitting}>
          {form.isSubmitting ? 'Sending…' : form.data ? 'Send another link' : 'Resend confirmation link'}
        </Button>
      </form>
    </>
  );
}
