import { ChangeEmailInputSchema, type CurrentUser } from '@interviewselect/contracts';
import { authApi } from '../../lib/auth-api';
import { useSession } from '../../lib/session';
import { useSchemaForm } from '../../lib/use-schema-form';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { StatusChip } from '../../ui/status-chip';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';

export function ProfileSection() {
  const { user } = useSession();
  if (!user) return null; // RequireAuth guarantees a user
  return (
    <div className="settings-section">
      <title>Profile · Settings · InterviewSelect</title>
      <Card title="Profile">
        <dl className="settings-facts">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>E-mail</dt>
          <dd>
            {user.email}
            {user.emailVerified ? (
              <StatusChip tone="success">Confirmed</StatusChip>
            ) : (
              <StatusChip tone="warning">Not confirmed</StatusChip>
            )}
          </dd>
          {user.memberships.length > 0 ? (
            <>
              <dt>Organisations</dt>
              <dd>{user.memberships.map((m) => `${m.orgName} (${m.role})`).join(', ')}</dd>
            </>
          ) : null}
        </dl>
      </Card>
      <ChangeEmailCard user={user} />
    </div>
  );
}

function ChangeEmailCard({ user }: { user: CurrentUser }) {
  const { toast } = useToast();
  const { setAlertElement, formProps, ...form } = useSchemaForm({
    schema: ChangeEmailInputSchema,
    fields: ['newEmail', 'password'] as const,
    errorTitle: "Couldn't change your e-mail",
    submit: authApi.changeEmail,
    onSuccess: (result) => {
      toast({ title: 'Confirmation link sent', description: result.message, tone: 'success' });
      form.clearInputs();
    },
  });
  return (
    <Card title="Change e-mail">
      <div className="settings-stack">
        <p className="text-muted">
          You sign in with {user.email}. We&apos;ll send a link to the new address; the change takes effect when you
          open it.
        </p>
        {form.alert ? (
          <Alert ref={setAlertElement} title={form.alert.title}>
            {form.alert.detail}
          </Alert>
        ) : null}
        {form.data ? (
          <Alert tone="info" role="status" title="Check the new inbox">
            {form.data.message}
          </Alert>
        ) : null}
        <form {...formProps} className="settings-form" aria-label="Change e-mail">
          <TextField
            label="New e-mail"
            name="newEmail"
            type="email"
            autoComplete="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            error={form.fieldErrors.newEmail}
          />
          <TextField
            label="Current password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={form.fieldErrors.password}
          />
          <Button type="submit" variant="primary" isLoading={form.isSubmitting}>
            {form.isSubmitting ? 'Sending…' : 'Send confirmation link'}
          </Button>
        </form>
      </div>
    </Card>
  );
}
