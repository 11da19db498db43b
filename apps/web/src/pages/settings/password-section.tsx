import { ChangePasswordInputSchema } from '@interviewselect/contracts';
import { z } from 'zod';
import { authApi } from '../../lib/auth-api';
import { useSchemaForm } from '../../lib/use-schema-form';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';

const FormSchema = ChangePasswordInputSchema.extend({
  currentPassword: z.string().min(1, { error: 'Enter your current password.' }).max(1024),
});

export function PasswordSection() {
  const { toast } = useToast();
  const { setAlertElement, formProps, ...form } = useSchemaForm({
    schema: FormSchema,
    fields: ['currentPassword', 'newPassword'] as const,
    errorTitle: "Couldn't change your password",
    submit: authApi.changePassword,
    onSuccess: (result) => {
      toast({ title: 'Password changed', description: result.message, tone: 'success' });
      form.clearInputs();
    },
  });
  return (
    <div className="settings-section">
      <title>Password · Settings · InterviewSelect</title>
      <Card title="Change password">
        <div className="settings-stack">
          <p className="text-muted">Changing your password signs out every other device.</p>
          {form.alert ? (
            <Alert ref={setAlertElement} title={form.alert.title}>
              {form.alert.detail}
            </Alert>
          ) : null}
          <form {...formProps} className="settings-form" aria-label="Change password">
            <TextField
              label="Current password"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              required
              error={form.fieldErrors.currentPassword}
            />
            <TextField
              label="New password"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              hint="At least 10 characters. Common or breached passwords are refused."
              required
              error={form.fieldErrors.newPassword}
            />
            <Button type="submit" variant="primary" isLoading={form.isSubmitting}>
              {form.isSubmitting ? 'Saving…' : 'Change password'}
            </Button>
          </form>
        </div>
      </Card>
    </div>
  );
}
