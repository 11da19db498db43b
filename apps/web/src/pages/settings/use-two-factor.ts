import { PasswordConfirmInputSchema, TotpEnableInputSchema } from '@interviewselect/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { authApi } from '../../lib/auth-api';
import { SESSION_KEY } from '../../lib/session';
import { useSchemaForm } from '../../lib/use-schema-form';
import { useToast } from '../../ui/toast';

const DisableSchema = PasswordConfirmInputSchema.extend({
  password: z.string().min(1, { error: 'Enter your password.' }).max(1024),
});

/** "ABCDEFGHIJKL" → ["ABCD", "EFGH", "IJKL"]: easier to type into a phone by hand. */
export function groupSecret(secret: string, size = 4): string[] {
  return secret.replace(/\s+/g, '').match(new RegExp(`.{1,${size}}`, 'g')) ?? [];
}

/**
 * Setup → enable with a code → recovery codes (shown once, kept in memory
 * only until the user says they saved them) → on. Disable needs the password.
 */
export function useTwoFactor() {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const refreshSession = () => queryClient.invalidateQueries({ queryKey: SESSION_KEY });

  const setup = useMutation({ mutationFn: authApi.totpSetup });

  const enable = useSchemaForm({
    schema: TotpEnableInputSchema,
    fields: ['code'] as const,
    errorTitle: "Couldn't turn on two-factor",
    submit: (input) => authApi.totpEnable(input.code),
    onSuccess: (result) => {
      setRecoveryCodes(result.recoveryCodes);
      setup.reset();
      toast({ title: 'Two-factor authentication is on', tone: 'success' });
      void refreshSession();
    },
  });

  const disable = useSchemaForm({
    schema: DisableSchema,
    fields: ['password'] as const,
    errorTitle: "Couldn't turn off two-factor",
    submit: (input) => authApi.totpDisable(input.password),
    onSuccess: () => {
      toast({ title: 'Two-factor authentication is off', tone: 'success' });
      void refreshSession();
    },
  });

  return {
    setup,
    enable,
    disable,
    recoveryCodes,
    dismissRecoveryCodes: () => setRecoveryCodes(null),
  };
}
