import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { ApiError, apiSend } from '../lib/api';
import { SignInInputSchema, SignInResultSchema, type SignInInput, type SignInResult } from '../lib/sign-in-schema';

export type SignInField = keyof SignInInput;
export type FieldErrors = Partial<Record<SignInField, string>>;

const FIELDS: readonly SignInField[] = ['email', 'password'];

function readForm(form: HTMLFormElement): Record<SignInField, unknown> {
  const data = new FormData(form);
  return { email: data.get('email'), password: data.get('password') };
}

function validate(form: HTMLFormElement): { input: SignInInput } | { errors: FieldErrors } {
  const result = SignInInputSchema.safeParse(readForm(form));
  if (result.success) return { input: result.data };
  const flat = z.flattenError(result.error).fieldErrors;
  return { errors: { email: flat.email?.[0], password: flat.password?.[0] } };
}

/** The server's field issues (path "email", "password") shown inline like our own. */
function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = FIELDS.find((f) => f === issue.path);
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

export interface SignInAlert {
  title: string;
  detail: string;
}

function describeSignInError(error: unknown): SignInAlert | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiError)) {
    return { title: "Couldn't sign you in", detail: 'Something unexpected went wrong. Please try again.' };
  }
  if (error.status === 404) return { title: 'Sign-in is not available on this server yet', detail: error.detail };
  if (error.code === 'request.rate_limited') return { title: 'Too many attempts', detail: error.detail };
  return { title: "Couldn't sign you in", detail: error.detail };
}

/**
 * Validates on submit with the shared schema, then live on every change once
 * the user has tried to submit (so errors clear as they are fixed, but do not
 * shout while someone is still typing their address for the first time).
 */
export function useSignInForm({ onSignedIn }: { onSignedIn: (result: SignInResult) => void }) {
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [hasTriedSubmit, setHasTriedSubmit] = useState(false);
  const mutation = useMutation({
    mutationFn: (input: SignInInput) => apiSend('POST', '/api/v1/auth/sign-in', input, SignInResultSchema),
    onSuccess: onSignedIn,
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const form = event.currentTarget;
    setHasTriedSubmit(true);
    const result = validate(form);
    if ('errors' in result) {
      setClientErrors(result.errors);
      const firstInvalid = FIELDS.find((f) => result.errors[f]);
      if (firstInvalid) form.querySelector<HTMLInputElement>(`[name="${firstInvalid}"]`)?.focus();
      return;
    }
    setClientErrors({});
    mutation.mutate(result.input);
  }

  function handleChange(event: FormEvent<HTMLFormElement>) {
    if (!hasTriedSubmit) return;
    const result = validate(event.currentTarget);
    setClientErrors('errors' in result ? result.errors : {});
  }

  return {
    fieldErrors: { ...serverFieldErrors(mutation.error), ...clientErrors },
    alert: describeSignInError(mutation.error),
    isSubmitting: mutation.isPending,
    handleSubmit,
    handleChange,
  };
}
