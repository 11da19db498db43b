import { Skeleton } from './skeleton';

/** A section that is loading: a placeholder block, announced once to screen readers. */
export function LoadingBlock({ label = 'Loading…', height = '4rem' }: { label?: string; height?: string }) {
  return (
    <div aria-busy="true">
      <span className="visually-hidden" role="status">
        {label}
      </span>
      <Skeleton shape="block" height={height} />
    </div>
  );
}
