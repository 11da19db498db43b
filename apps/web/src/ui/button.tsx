import { Slot, Slottable } from '@radix-ui/react-slot';
import clsx from 'clsx';
import type { ComponentPropsWithRef } from 'react';
import { Spinner } from './spinner';
import './button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md' | 'lg';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, sets aria-busy and blocks further presses while work is in flight. */
  isLoading?: boolean;
  /** Renders the single child element (a router Link, an <a>) with the button's look and behaviour. */
  asChild?: boolean;
}

export function Button({
  variant = 'secondary',
  size = 'md',
  isLoading = false,
  asChild = false,
  disabled,
  className,
  children,
  type,
  ...rest
}: ButtonProps) {
  const Component = asChild ? Slot : 'button';
  const isDisabled = Boolean(disabled) || isLoading;
  return (
    <Component
      {...rest}
      // A plain <button> defaults to submit inside forms; make callers opt in.
      type={asChild ? undefined : (type ?? 'button')}
      // Links cannot be disabled natively; aria-disabled keeps them announced as unavailable.
      disabled={asChild ? undefined : isDisabled}
      aria-disabled={asChild && isDisabled ? true : undefined}
      aria-busy={isLoading || undefined}
      className={clsx('ui-button', `ui-button--${variant}`, `ui-button--${size}`, className)}
    >
      {isLoading ? <Spinner size="sm" /> : null}
      <Slottable>{children}</Slottable>
    </Component>
  );
}
