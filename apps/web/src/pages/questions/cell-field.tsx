import clsx from 'clsx';
import { useId, type ComponentPropsWithRef } from 'react';

type Common = { label: string; error?: string | undefined; className?: string };

/** A labelled field for a table cell: the label is for screen readers, the error sits under the control. */
export function CellTextArea({ label, error, className, ...props }: Common & ComponentPropsWithRef<'textarea'>) {
  const id = useId();
  return (
    <div className={clsx('ui-field', error && 'ui-field--invalid', className)}>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <textarea
        {...props}
        id={id}
        className="ui-field__input questions-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        spellCheck={false}
      />
      {error ? (
        <p className="ui-field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function CellInput({ label, error, className, ...props }: Common & ComponentPropsWithRef<'input'>) {
  const id = useId();
  return (
    <div className={clsx('ui-field', error && 'ui-field--invalid', className)}>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input
        {...props}
        id={id}
        className="ui-field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p className="ui-field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
