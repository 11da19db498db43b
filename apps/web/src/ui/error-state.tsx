import clsx from 'clsx';
import type { ReactNode } from 'react';
import { Button } from './button';
import { AlertIcon, RefreshIcon } from './icons';
import './empty-state.css';

export interface ErrorStateProps {
  title?: string;
  /** What went wrong, in words a user can act on (e.g. an ApiError's detail). */
  message: ReactNode;
  /** Shows a Retry button when given. */
  onRetry?: () => void;
  /** "Retry" unless the action is better named, e.g. "Reload". */
  retryLabel?: string;
  isRetrying?: boolean;
  /** Extra actions next to Retry, such as a link home. */
  actions?: ReactNode;
  headingLevel?: 1 | 2 | 3 | 4;
  className?: string;
}

export function ErrorState({
  title = 'Something went wrong',
  message,
  onRetry,
  retryLabel = 'Retry',
  isRetrying = false,
  actions,
  headingLevel = 3,
  className,
}: ErrorStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={clsx('ui-empty-state', 'ui-empty-state--error', className)} role="alert">
      <div className="ui-empty-state__icon" aria-hidden="true">
        <AlertIcon />
      </div>
      <Heading className="ui-empty-state__title">{title}</Heading>
      <p className="ui-empty-state__description">{message}</p>
      {onRetry || actions ? (
        <div className="ui-empty-state__action">
          {onRetry ? (
            <Button variant="secondary" onClick={onRetry} isLoading={isRetrying}>
              {isRetrying ? null : <RefreshIcon width={16} height={16} />}
              {retryLabel}
            </Button>
          ) : null}
          {actions}
        </div>
      ) : null}
    </div>
  );
}
