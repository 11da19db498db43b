import { Skeleton } from '../../ui/skeleton';

/** The room's shape while its details or its connection load. */
export function RoomSkeleton({ title }: { title?: string }) {
  return (
    <div className="room room--loading" aria-busy="true">
      <span className="visually-hidden" role="status">
        {title ? `Opening ${title}…` : 'Loading the interview room…'}
      </span>
      <div className="room-top-bar">
        <Skeleton width="14rem" height="1.5rem" />
        <Skeleton width="5rem" height="1.5rem" />
      </div>
      <div className="room-skeleton">
        <Skeleton shape="block" height="100%" />
        <Skeleton shape="block" height="100%" />
        <Skeleton shape="block" height="100%" />
      </div>
    </div>
  );
}
