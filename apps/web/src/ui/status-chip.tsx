import clsx from 'clsx';
import type { ReactNode } from 'react';
import type { BadgeTone } from './badge';
import './badge.css';

export interface StatusChipProps {
  tone: BadgeTone;
  /** Required text: a status is never conveyed by colour alone. */
  children: ReactNode;
  className?: string;
}

/** Each tone also has its own glyph shape, so the chip survives greyscale and colour-blindness. */
const GLYPHS: Record<BadgeTone, ReactNode> = {
  success: <path d="M4 8.5l2.5 2.5L12 5.5" />,
  danger: <path d="M5 5l6 6M11 5l-6 6" />,
  warning: <path d="M8 4v5M8 11.5v.5" />,
  info: <path d="M8 7v5M8 4v.5" />,
  neutral: <circle cx="8" cy="8" r="2.5" fill="currentColor" />,
};

export function StatusChip({ tone, children, className }: StatusChipProps) {
  return (
    <span className={clsx('ui-badge', 'ui-status-chip', `ui-badge--${tone}`, className)}>
      <svg
        viewBox="0 0 16 16"
        width="14"
        height="14"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        {GLYPHS[tone]}
      </svg>
      {children}
    </span>
  );
}
