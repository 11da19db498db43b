import clsx from 'clsx';
import type { ReactNode } from 'react';
import './badge.css';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface BadgeProps {
  tone?: BadgeTone;
  /** The text is the meaning; the tone only reinforces it. */
  children: ReactNode;
  className?: string;
}

export function Badge({ tone = 'neutral', children, className }: BadgeProps) {
  return <span className={clsx('ui-badge', `ui-badge--${tone}`, className)}>{children}</span>;
}
