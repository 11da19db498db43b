import { describeError } from '../../lib/describe-error';
import { useSession } from '../../lib/session';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { StatusChip } from '../../ui/status-chip';
import { TextField } from '../../ui/text-field';
import { RecoveryCodes } from './recovery-codes';
import { groupSecret, useTwoFactor } from './use-two-factor';

export function TwoFactorSection() {
  const { user } = useSession();
  const tf = useTwoFactor();
  const isOn = user?.totpEnabled ?? false;

  return (
    <div className="settings-section">
      <title>Two-factor · Settings · InterviewSelect</title>
      <Card
        title="Two-factor authentication"
        headerEnd={isOn ? <StatusChip tone="success">On</StatusChip> : <StatusChip tone="neutral">Off</StatusChip>}
      >
        {tf.recoveryCodes ? (
          <RecoveryCodes codes={tf.recoveryCodes} onDone={tf.dismissRecoveryCodes} />
        ) : isOn ? (
          <DisableForm tf={tf} />
        ) : tf.setup.data ? (
          <EnableForm tf={tf} secret={tf.setup.data.secret} otpauthUri={tf.setup.data.otpauthUri} />
        ) : (
          <div className="settings-stack">
            <p className="text-muted">
              Ask for a code from an authenticator app (1Password, Google Authenticator, Authy…) each time you sign in,
              so a stolen password alone is not enough.
            </p>
            {tf.setup.error ? <Alert title="Couldn't start the setup">{describeError(tf.setup.error)}</Alert> : null}
            <div className="settings-actions">
              <Button variant="primary" onClick={() => tf.setup.mutate()} isLoading={tf.setup.isPending}>
                Set up two-factor
              </Button>
            </div>
          </div>
        )}
      </Card>
    </div>
  );
}

type TwoFactor = ReturnType<typeof useTwoFactor>;

function EnableForm({ tf, secret, otpauthUri }: { tf: TwoFactor; secret: string; otpauthUri: string }) {
  const { setAlertElement, formProps, ...form } = tf.enable;
  return (
    <div className="settings-stack">
      <ol className="settings-stack">
        <li>
          <p>
            Add InterviewSelect to your authenticator app: <a href={otpauthUri}>open in authenticator app</a>, or enter
            this key by hand:
          </p>
          <p className="totp-secret" aria-label={`Setup key: ${secret}`}>
            {groupSecret(secret).map((group, index) => (
              <span key={index} aria-hidden="true">
                {group}
              </span>
            ))}
          </p>
        </li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      {form.alert ? (
        <Alert ref={setAlertElement} title={form.alert.title}>
          {form.alert.detail}
        </Alert>
      ) : null}
      <form {...formProps} className="settings-form" aria-label="Turn on two-factor">
        <TextField
          label="6-digit code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          autoFocus
          error={form.fieldErrors.code}
        />
        <div className="settings-actions">
          <Button type="submit" variant="primary" isLoading={form.isSubmitting}>
            {form.isSubmitting ? 'Checking…' : 'Turn on'}
          </Button>
          <Button variant="ghost" onClick={() => tf.setup.reset()}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}

function DisableForm({ tf }: { tf: TwoFactor }) {
  const { setAlertElement, formProps, ...form } = tf.disable;
  return (
    <div className="settings-stack">
      <p className="text-muted">
        Sign-in asks for a code from your authenticator app. To turn this off, confirm with your password.
      </p>
      {form.alert ? (
        <Alert ref={setAlertElement} title={form.alert.title}>
          {form.alert.detail}
        </Alert>
      ) : null}
      <form {...formProps} className="settings-form" aria-label="Turn off two-factor">
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={form.fieldErrors.password}
        />
        <Button type="submit" variant="danger" isLoading={form.isSubmitting}>
          {form.isSubmitting ? 'Turning off…' : 'Turn off two-factor'}
        </Button>
      </form>
    </div>
  );
}
