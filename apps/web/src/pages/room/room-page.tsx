import type { RoomInfo } from '@interviewselect/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { Spinner } from '../../ui/spinner';
import '../code-runner/code-runner.css';
import { executionKeys, executionsApi } from '../code-runner/executions-api';
import { roomInfoQuery } from './room-api';
import { canEnterRoom } from './room-rules';
import { RoomScreen } from './room-screen';
import { RoomSkeleton } from './room-skeleton';
import './room.css';

const WAITING_POLL_MS = 5_000;

const isWaiting = (info: RoomInfo | undefined) =>
  info !== undefined && info.status !== 'cancelled' && !canEnterRoom(info.me.role, info.status);

/** /interviews/:interviewId/room — the live interview room. */
export function RoomPage() {
  const { interviewId = '' } = useParams();
  const info = useQuery({
    ...roomInfoQuery(interviewId),
    // A candidate early for the interview waits here until the interviewer starts it.
    refetchInterval: (query) => (isWaiting(query.state.data) ? WAITING_POLL_MS : false),
  });
  const languages = useQuery({
    queryKey: executionKeys.languages,
    queryFn: ({ signal }) => executionsApi.languages(signal),
    staleTime: 5 * 60_000,
  });

  if (info.isPending || languages.isPending) return <RoomSkeleton />;
  if (info.isError)
    return <RoomLoadError error={info.error} onRetry={() => void info.refetch()} isRetrying={info.isFetching} />;
  const room = info.data;
  const title = <title>{`${room.title} · InterviewSelect`}</title>;
  if (room.status === 'cancelled') {
    return (
      <StandaloneMessage>
        {title}
        <EmptyState
          headingLevel={2}
          title="This interview was cancelled"
          description="There is nothing to join. If you think this is a mistake, contact whoever invited you."
        />
      </StandaloneMessage>
    );
  }
  if (isWaiting(room)) {
    return (
      <StandaloneMessage>
        {title}
        <EmptyState
          headingLevel={2}
          title="Waiting for the interviewer to start"
          icon={<Spinner />}
          description={
            <>
              {room.plannedStart ? `Planned for ${formatDateTime(room.plannedStart)}. ` : ''}
              The room opens by itself as soon as the interview starts; keep this page open.
            </>
          }
        />
      </StandaloneMessage>
    );
  }
  return (
    <>
      {title}
      <RoomScreen info={room} receivedAt={info.dataUpdatedAt} languages={languages.data?.languages ?? []} />
    </>
  );
}

function StandaloneMessage({ children }: { children: React.ReactNode }) {
  return (
    <main className="room-message" id="main" tabIndex={-1}>
      <h1 className="visually-hidden">Interview room</h1>
      {children}
    </main>
  );
}

function RoomLoadError({ error, onRetry, isRetrying }: { error: unknown; onRetry: () => void; isRetrying: boolean }) {
  const location = useLocation();
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 401 || status === 403) {
    return (
      <StandaloneMessage>
        <ErrorState
          headingLevel={2}
          title="You're not in this interview yet"
          message="Candidates and guests get in through the invite link they were sent. Interviewers: sign in with the account that was added to this interview."
          actions={
            <Button asChild variant="primary">
              <Link to={`/sign-in?next=${next}`}>Sign in</Link>
            </Button>
          }
        />
      </StandaloneMessage>
    );
  }
  if (status === 404) {
    return (
      <StandaloneMessage>
        <ErrorState
          headingLevel={2}
          title="No such interview"
          message="The link may be mistyped, or the interview was deleted."
        />
      </StandaloneMessage>
    );
  }
  return (
    <StandaloneMessage>
      <ErrorState
        headingLevel={2}
        title="Couldn't open the room"
        message={describeError(error)}
        onRetry={onRetry}
        isRetrying={isRetrying}
      />
    </StandaloneMessage>
  );
}
