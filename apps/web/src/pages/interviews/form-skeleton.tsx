import { Skeleton } from '../../ui/skeleton';

/** The shape of the interview form while its members and languages load. */
export function FormSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" className="interviews-stack">
      <span className="visually-hidden" role="status">
        {label}
      </span>
      <Skeleton shape="block" height="16rem" />
      <Skeleton shape="block" height="8rem" />
      <Skeleton shape="block" height="8rem" />
    </div>
  );
}
