import { SignInInputSchema, SignInTotpInputSchema, TotpCodeSchema, type CurrentUser } from '@interviewselect/contracts';
import { z } from 'zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { authApi } from '../../lib/auth-api';
import { describeError } from '../../lib/describe-error';
import { resetAfterIdentityChange } from '../../lib/session';
import { useSchemaForm, type FormAlert } from '../../lib/use-schema-form';

/** Recovery codes are lower-case on the server; people copy them from anywhere, so accept any case. */
const TotpFormSchema = SignInTotpInputSchema.extend({
  code: z
    .string()
    .transform((c) => c.trim().toLowerCase())
    .pipe(TotpCodeSchema),
});

function signInAlert(alert: FormAlert | undefined): FormAlert | undefined {
  if (!alert) return undefined;
  switch (alert.code) {
    case 'auth.email_unverified':
      return { ...alert, title: 'Confirm your e-mail address first' };
    case 'auth.suspended':
      return { ...alert, title: 'This account is suspended' };
    case 'auth.totp_invalid':
      return { ...alert, title: "That code didn't work" };
    default:
      return alert;
  }
}

/**
 * Sign-in in two steps: password, then (when the account has two-factor on)
 * a TOTP or recovery code for the challenge the first step returned.
 */
export function useSignIn({
  onSignedIn,
  initialChallenge = null,
}: {
  onSignedIn: (user: CurrentUser) => void;
  /** A challenge from elsewhere (an OIDC sign-in that needs a code): start at the code step. */
  initialChallenge?: string | null;
}) {
  const queryClient = useQueryClient();
  const [challenge, setChallenge] = useState<string | null>(initialChallenge);
  const [email, setEmail] = useState('');
  const heading = useRef<HTMLHeadingElement | null>(null);
  const setHeadingElement = useCallback((el: HTMLHeadingElement | null) => {
    heading.current = el;
  }, []);

  async function finish(user: CurrentUser) {
    await resetAfterIdentityChange(queryClient, user);
    onSignedIn(user);
  }

  const credentials = useSchemaForm({
    schema: SignInInputSchema,
    fields: ['email', 'password'] as const,
    errorTitle: "Couldn't sign you in",
    submit: (input) => {
      setEmail(input.email);
      return authApi.signIn(input);
    },
    onSuccess: (result) => {
      if (result.status === 'signed_in') return void finish(result.user);
      setChallenge(result.challenge);
      setTimeout(() => heading.current?.focus(), 0);
    },
  });

  const totp = useSchemaForm({
    schema: TotpFormSchema,
    fields: ['code'] as const,
    extra: () => ({ challenge }),
    errorTitle: "Couldn't sign you in",
    submit: authApi.signInTotp,
    onSuccess: (result) => {
      if (result.status === 'signed_in') void finish(result.user);
    },
  });

  const resend = useMutation({ mutationFn: () => authApi.resendVerification(email) });

  function startOver() {
    setChallenge(null);
    totp.reset();
    setTimeout(() => heading.current?.focus(), 0);
  }

  return {
    step: challenge ? ('totp' as const) : ('password' as const),
    setHeadingElement,
    credentials: { ...credentials, alert: signInAlert(credentials.alert) },
    totp: { ...totp, alert: signInAlert(totp.alert) },
    resend: {
      send: () => resend.mutate(),
      isSending: resend.isPending,
      sentMessage: resend.data?.message,
      error: resend.error ? describeError(resend.error) : undefined,
    },
    startOver,
  };
}
