import clsx from 'clsx';
import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';
import './text-field.css';

export interface SelectFieldProps extends Omit<ComponentPropsWithRef<'select'>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  id?: string;
  /** Keep the label for screen readers only (inside a table row, say). */
  isLabelHidden?: boolean;
}

/** A native <select> with the text field's label, hint and error: keyboard and screen readers just work. */
export function SelectField({
  label,
  hint,
  error,
  id,
  className,
  required,
  isLabelHidden = false,
  children,
  ...selectProps
}: SelectFieldProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={clsx('ui-field', error && 'ui-field--invalid', className)}>
      <label className={clsx('ui-field__label', isLabelHidden && 'visually-hidden')} htmlFor={selectId}>
        {label}
        {required ? (
          <span className="ui-field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {hint ? (
        <p className="ui-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <select
        {...selectProps}
        id={selectId}
        required={required}
        className="ui-field__input ui-field__select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {children}
      </select>
      {error ? (
        <p className="ui-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
