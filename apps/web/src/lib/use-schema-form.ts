import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiError, type ApiErrorCode } from './api';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface FormAlert {
  title: string;
  detail: string;
  code: ApiErrorCode | 'client.unknown';
}

export interface SchemaFormOptions<S extends z.ZodType, F extends string, R> {
  schema: S;
  /** The form's input names, in visual order (the first invalid one gets focus). */
  fields: readonly F[];
  /** Values that are not inputs: a token from the URL, a sign-in challenge. */
  extra?: () => Record<string, unknown>;
  submit: (input: z.output<S>) => Promise<R>;
  onSuccess?: (result: R, input: z.output<S>) => void;
  /** Title of the alert for errors that belong to no field. */
  errorTitle: string;
}

/** Server issue paths look like "body.email"; older handlers sent "email". */
export function fieldFromIssuePath<F extends string>(path: string, fields: readonly F[]): F | undefined {
  const bare = path.replace(/^body\./, '');
  return fields.find((f) => f === bare);
}

function clientErrors<F extends string>(error: z.ZodError, fields: readonly F[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of error.issues) {
    const field = fields.find((f) => f === String(issue.path[0]));
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

function serverErrors<F extends string>(error: unknown, fields: readonly F[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  if (!(error instanceof ApiError)) return errors;
  for (const issue of error.issues) {
    const field = fieldFromIssuePath(issue.path, fields);
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

export function describeFormError<F extends string>(
  error: unknown,
  fields: readonly F[],
  title: string,
): FormAlert | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiError)) {
    return { title, detail: 'Something unexpected went wrong. Please try again.', code: 'client.unknown' };
  }
  const unmatched = error.issues.filter((i) => !fieldFromIssuePath(i.path, fields));
  if (error.issues.length > 0 && unmatched.length === 0) return undefined; // all shown inline
  if (error.code === 'client.network_unreachable') {
    return { title: "Can't reach the server", detail: error.detail, code: error.code };
  }
  if (error.code === 'auth.throttled' || error.code === 'request.rate_limited') {
    return { title: 'Too many attempts', detail: error.detail, code: error.code };
  }
  if (error.code === 'auth.csrf_failed') {
    return {
      title: 'Your session needs a refresh',
      detail: `${error.detail} Reload the page and try again.`,
      code: error.code,
    };
  }
  const detail = unmatched.length > 0 ? unmatched.map((i) => i.message).join(' ') : error.detail;
  return { title, detail, code: error.code };
}

/**
 * One form backed by a shared zod schema: validates on submit, then live once
 * the user has tried to submit; maps the server's field issues next to the
 * fields; puts everything else in an alert; moves focus to what needs fixing.
 */
export function useSchemaForm<S extends z.ZodType, F extends string, R>(options: SchemaFormOptions<S, F, R>) {
  const { schema, fields, extra, submit, onSuccess, errorTitle } = options;
  const [localErrors, setLocalErrors] = useState<FieldErrors<F>>({});
  const [remoteErrors, setRemoteErrors] = useState<FieldErrors<F>>({});
  const [hasTriedSubmit, setHasTriedSubmit] = useState(false);
  // Elements are kept in refs but handed out as callback refs: render code never reads them.
  const formElement = useRef<HTMLFormElement | null>(null);
  const alertElement = useRef<HTMLDivElement | null>(null);
  const setFormElement = useCallback((el: HTMLFormElement | null) => {
    formElement.current = el;
  }, []);
  const setAlertElement = useCallback((el: HTMLDivElement | null) => {
    alertElement.current = el;
  }, []);

  const mutation = useMutation({
    mutationFn: submit,
    onSuccess: (result, input) => onSuccess?.(result, input),
    onError: (error) => {
      const errors = serverErrors(error, fields);
      setRemoteErrors(errors);
      // After React has rendered the messages: focus the first bad field, else the alert.
      setTimeout(() => {
        const first = fields.find((f) => errors[f]);
        const input = first ? formElement.current?.querySelector<HTMLElement>(`[name="${first}"]`) : null;
        (input ?? alertElement.current)?.focus();
      }, 0);
    },
  });

  function read(form: HTMLFormElement) {
    const data = new FormData(form);
    const values: Record<string, unknown> = { ...extra?.() };
    for (const field of fields) values[field] = data.get(field) ?? '';
    return schema.safeParse(values);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const form = event.currentTarget;
    setHasTriedSubmit(true);
    const result = read(form);
    if (!result.success) {
      const errors = clientErrors(result.error, fields);
      setLocalErrors(errors);
      const first = fields.find((f) => errors[f]);
      if (first) form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setLocalErrors({});
    setRemoteErrors({});
    mutation.mutate(result.data);
  }

  function handleChange(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement;
    if (target.name && target.name in remoteErrors) {
      setRemoteErrors((current) => {
        const next = { ...current };
        delete next[target.name as F];
        return next;
      });
    }
    if (!hasTriedSubmit) return;
    const result = read(event.currentTarget);
    setLocalErrors(result.success ? {} : clientErrors(result.error, fields));
  }

  /** Empties the inputs after a success, keeping the result on screen. */
  function clearInputs() {
    formElement.current?.reset();
    setHasTriedSubmit(false);
  }

  function reset() {
    formElement.current?.reset();
    setLocalErrors({});
    setRemoteErrors({});
    setHasTriedSubmit(false);
    mutation.reset();
  }

  return {
    /** Spread onto the <form>: submit, live re-validation, and no browser bubbles (screen readers miss them). */
    formProps: { ref: setFormElement, onSubmit: handleSubmit, onChange: handleChange, noValidate: true },
    setAlertElement,
    fieldErrors: { ...remoteErrors, ...localErrors },
    alert: describeFormError(mutation.error, fields, errorTitle),
    error: mutation.error,
    data: mutation.data,
    isSuccess: mutation.isSuccess,
    isSubmitting: mutation.isPending,
    clearInputs,
    reset,
  };
}
