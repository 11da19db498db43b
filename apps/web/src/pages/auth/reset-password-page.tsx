import { ResetPasswordInputSchema } from '@interviewselect/contracts';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { authApi } from '../../lib/auth-api';
import { useSchemaForm } from '../../lib/use-schema-form';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';
import { AuthPanel } from './auth-panel';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const { toast } = useToast();
  const { setAlertElement, formProps, ...form } = useSchemaForm({
    schema: ResetPasswordInputSchema,
    fields: ['password'] as const,
    extra: () => ({ token }),
    errorTitle: "Couldn't change your password",
    submit: authApi.resetPassword,
    onSuccess: (result) => {
      toast({ title: 'Password changed', description: result.message, tone: 'success' });
      void navigate('/sign-in');
    },
  });
  const isLinkBroken =
    !ResetPasswordInputSchema.shape.token.safeParse(token).success || form.alert?.code === 'auth.token_invalid';

  return (
    <AuthPanel title="Choose a new password" intro="Your other sessions are signed out when the password changes.">
      {isLinkBroken ? (
        <Alert ref={setAlertElement} title="This reset link doesn't work">
          <p>
            {form.alert?.detail ?? 'The link is incomplete. Reset links work once, for one hour.'}{' '}
            <Link to="/forgot-password">Ask for a new link</Link>.
          </p>
        </Alert>
      ) : form.alert ? (
        <Alert ref={setAlertElement} title={form.alert.title}>
          {form.alert.detail}
        </Alert>
      ) : null}
      <form {...formProps} className="auth-page__form" aria-label="Choose a new password">
        <TextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. A few unrelated words make a strong, memorable passphrase."
          required
          error={form.fieldErrors.password}
        />
        <Button type="submit" variant="primary" size="lg" isLoading={form.isSubmitting} disabled={isLinkBroken}>
          {form.isSubmitting ? 'Saving…' : 'Change password'}
        </Button>
      </form>
    </AuthPanel>
  );
}
