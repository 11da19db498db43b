import { Skeleton } from '../ui/skeleton';

/** Stands in for a page while its code loads: the shape of a header and a few blocks. */
export function PageSkeleton() {
  return (
    <div className="page-skeleton" aria-busy="true">
      <span className="visually-hidden" role="status">
        Loading page…
      </span>
      <Skeleton width="40%" height="2rem" />
      <Skeleton width="65%" />
      <Skeleton shape="block" height="8rem" />
      <Skeleton shape="block" height="12rem" />
    </div>
  );
}
