import { Skeleton } from '../../ui/skeleton';

/** The scheduling pages' loading state: a title bar and a block, announced to screen readers. */
export function PageLoading({ label }: { label: string }) {
  return (
    <div className="scheduling-page" aria-busy="true">
      <span className="visually-hidden" role="status">
        {label}
      </span>
      <Skeleton width="40%" height="2rem" />
      <Skeleton shape="block" height="16rem" />
    </div>
  );
}
