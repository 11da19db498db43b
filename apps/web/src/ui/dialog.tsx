import * as RadixDialog from '@radix-ui/react-dialog';
import clsx from 'clsx';
import type { ReactNode } from 'react';
import { CloseIcon } from './icons';
import './dialog.css';

/** Re-exported so callers never import Radix directly: one way to open a dialog. */
export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

export interface DialogContentProps {
  title: ReactNode;
  /** Read with the title when the dialog opens; pass null when the content explains itself. */
  description: ReactNode | null;
  children?: ReactNode;
  /** Action buttons, right-aligned under the content. */
  footer?: ReactNode;
  /** `sheet` slides in from the inline start edge: used for the phone navigation drawer. */
  placement?: 'center' | 'sheet';
  /** Hide the title visually while keeping it as the dialog's accessible name. */
  isTitleHidden?: boolean;
  /** Call event.preventDefault() to keep focus where the caller moved it instead of on the trigger. */
  onCloseAutoFocus?: (event: Event) => void;
  className?: string;
}

export function DialogContent({
  title,
  description,
  children,
  footer,
  placement = 'center',
  isTitleHidden = false,
  onCloseAutoFocus,
  className,
}: DialogContentProps) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="ui-dialog__overlay" />
      <RadixDialog.Content
        className={clsx('ui-dialog', `ui-dialog--${placement}`, className)}
        onCloseAutoFocus={onCloseAutoFocus}
        // Radix warns when no description is linked; an explicit undefined opts out on purpose.
        {...(description === null ? { 'aria-describedby': undefined } : {})}
      >
        <div className="ui-dialog__header">
          <RadixDialog.Title className={clsx('ui-dialog__title', isTitleHidden && 'visually-hidden')}>
            {title}
          </RadixDialog.Title>
          <RadixDialog.Close className="ui-dialog__close" aria-label="Close">
            <CloseIcon />
          </RadixDialog.Close>
        </div>
        {description === null ? null : (
          <RadixDialog.Description className="ui-dialog__description">{description}</RadixDialog.Description>
        )}
        {children ? <div className="ui-dialog__body">{children}</div> : null}
        {footer ? <div className="ui-dialog__footer">{footer}</div> : null}
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}
