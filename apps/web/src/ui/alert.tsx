import clsx from 'clsx';
import type { ReactNode, Ref } from 'react';
import { AlertIcon } from './icons';
import './alert.css';

export interface AlertProps {
  tone?: 'danger' | 'warning' | 'info';
  title: string;
  children?: ReactNode;
  /**
   * `alert` interrupts assistive tech (use for errors the user just caused);
   * `status` waits politely (background refresh failures).
   */
  role?: 'alert' | 'status';
  ref?: Ref<HTMLDivElement>;
  className?: string;
}

/** An inline message box: form-level errors, stale-data warnings. */
export function Alert({ tone = 'danger', title, children, role = 'alert', ref, className }: AlertProps) {
  return (
    <div ref={ref} role={role} tabIndex={-1} className={clsx('ui-alert', `ui-alert--${tone}`, className)}>
      <AlertIcon className="ui-alert__icon" width={18} height={18} />
      <div className="ui-alert__text">
        <p className="ui-alert__title">{title}</p>
        {children ? <div className="ui-alert__body">{children}</div> : null}
      </div>
    </div>
  );
}
