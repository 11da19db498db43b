import clsx from 'clsx';
import type { CSSProperties } from 'react';
import './skeleton.css';

export interface SkeletonProps {
  /** CSS length; defaults to the full width of the container. */
  width?: CSSProperties['width'];
  /** CSS length; defaults to one line of text. */
  height?: CSSProperties['height'];
  shape?: 'text' | 'block' | 'circle';
  className?: string;
}

/**
 * A placeholder shape. Purely visual (aria-hidden): wrap a group of them in
 * an element with aria-busy and a visually hidden "Loading…" label.
 */
export function Skeleton({ width, height, shape = 'text', className }: SkeletonProps) {
  // React applies `style` through the CSSOM, which the CSP's style-src 'self' permits.
  return (
    <span
      className={clsx('ui-skeleton', `ui-skeleton--${shape}`, className)}
      style={{ width, height }}
      aria-hidden="true"
    />
  );
}
