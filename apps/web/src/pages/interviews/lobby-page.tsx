import type { Lobby } from '@interviewselect/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../lib/format-date';
import { interviewKeys, interviewsApi } from '../../lib/interviews-api';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/button';
import { ErrorState } from '../../ui/error-state';
import { Skeleton } from '../../ui/skeleton';
import { Spinner } from '../../ui/spinner';
import { StatusChip } from '../../ui/status-chip';
import { formatDuration, ROLE_LABELS } from './interview-status';
import { DeviceCheck, JoinForm } from './join-form';
import { describeLobbyError, LOBBY_POLL_MS, LOBBY_TOKEN_KEY, lobbyStage, readLobbyToken } from './lobby-logic';
import './interviews.css';
import './lobby.css';

function readStoredToken(): string | null {
  try {
    return readLobbyToken(window.sessionStorage.getItem(LOBBY_TOKEN_KEY) ?? '');
  } catch {
    return null; // storage disabled: a reload then needs the link again
  }
}

/**
 * The token arrives in the fragment (/join#<token>), so it never reaches a
 * server log or a Referer. It is taken out of the address bar at once (a
 * screenshot or a shared screen must not leak it) and kept for this tab only.
 */
function useLobbyToken(): string | null {
  const [token] = useState(() => readLobbyToken(window.location.hash) ?? readStoredToken());
  useEffect(() => {
    if (!window.location.hash) return;
    try {
      if (token) window.sessionStorage.setItem(LOBBY_TOKEN_KEY, token);
    } catch {
      // Not remembered: fine, the link still works now.
    }
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  }, [token]);
  return token;
}

/** /join#<token>: the lobby. Public; works signed in (joins with the account) or as a guest. */
export function LobbyPage() {
  const token = useLobbyToken();
  if (!token) {
    return (
      <LobbyShell>
        <title>Join an interview · InterviewSelect</title>
        <ErrorState
          headingLevel={1}
          title="This invite link is incomplete"
          message="Open the link from your invitation again, or copy all of it into the address bar. Ask the person who invited you if it still doesn't work."
        />
      </LobbyShell>
    );
  }
  return <LobbyForToken token={token} />;
}

function LobbyShell({ children }: { children: ReactNode }) {
  return <div className="lobby">{children}</div>;
}

function LobbyForToken({ token }: { token: string }) {
  const navigate = useNavigate();
  const session = useSession();
  /** Set once this tab joined: until the lookup says `joined`, the wait starts from here. */
  const [hasJoined, setHasJoined] = useState(false);
  const stageOf = (lobby: Lobby) => lobbyStage({ ...lobby, joined: lobby.joined || hasJoined });
  const lookup = useQuery({
    queryKey: interviewKeys.lobby(token),
    queryFn: ({ signal }) => interviewsApi.lookupLink(token, signal),
    refetchInterval: (query) => (query.state.data && stageOf(query.state.data) === 'waiting' ? LOBBY_POLL_MS : false),
    // A candidate waiting in another tab must still be let in when the interviewer starts.
    refetchIntervalInBackground: true,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
  const stage = lookup.data ? stageOf(lookup.data) : null;
  const roomUrl = lookup.data ? `/interviews/${lookup.data.interviewId}/room` : null;

  useEffect(() => {
    if (stage === 'enter' && roomUrl) void navigate(roomUrl, { replace: true });
  }, [stage, roomUrl, navigate]);

  if (lookup.isPending || session.isPending) {
    return (
      <LobbyShell>
        <div aria-busy="true" className="lobby__card">
          <span className="visually-hidden" role="status">
            Opening your invitation…
          </span>
          <Skeleton width="70%" height="2rem" />
          <Skeleton width="50%" />
          <Skeleton shape="block" height="6rem" />
          <Skeleton shape="block" height="2.75rem" />
        </div>
      </LobbyShell>
    );
  }
  if (lookup.isError) {
    const problem = describeLobbyError(lookup.error);
    return (
      <LobbyShell>
        <title>{`${problem.title} · InterviewSelect`}</title>
        <ErrorState
          headingLevel={1}
          title={problem.title}
          message={problem.message}
          onRetry={problem.canRetry ? () => void lookup.refetch() : undefined}
          isRetrying={lookup.isFetching}
        />
      </LobbyShell>
    );
  }
  const lobby = lookup.data;
  return (
    <LobbyShell>
      <title>{`${lobby.title} · InterviewSelect`}</title>
      <div className="lobby__card">
        <LobbyHeader lobby={lobby} />
        {stage === 'cancelled' ? (
          <ErrorState
            title="This interview was cancelled"
            message={`${lobby.orgName} cancelled it. If you think this is a mistake, contact the person who invited you.`}
          />
        ) : stage === 'ended' ? (
          <ErrorState
            title="This interview has ended"
            message="Thank you for your time. There is nothing more to join."
          />
        ) : stage === 'waiting' ? (
          <Waiting lobby={lobby} />
        ) : stage === 'enter' ? (
          <p role="status" className="lobby__status">
            <Spinner size="sm" /> Taking you to the room…
          </p>
        ) : (
          <JoinForm
            token={token}
            lobby={lobby}
            user={session.user}
            onJoined={() => {
              setHasJoined(true);
              void lookup.refetch();
            }}
          />
        )}
        {session.user && (stage === 'cancelled' || stage === 'ended') ? (
          <Button asChild variant="secondary">
            <Link to="/me/interviews">My interviews</Link>
          </Button>
        ) : null}
      </div>
    </LobbyShell>
  );
}

function LobbyHeader({ lobby }: { lobby: Lobby }) {
  return (
    <header className="lobby__header">
      <p className="lobby__org">{lobby.orgName}</p>
      <h1 className="lobby__title">{lobby.title}</h1>
      <div className="lobby__meta">
        <StatusChip tone="info">You join as {ROLE_LABELS[lobby.role].toLowerCase()}</StatusChip>
        <span>
          {lobby.plannedStart ? (
            <time dateTime={lobby.plannedStart}>{formatDateTime(lobby.plannedStart)}</time>
          ) : (
            'Time not set'
          )}
          {' · '}
          {formatDuration(lobby.durationMinutes)}
        </span>
      </div>
    </header>
  );
}

function Waiting({ lobby }: { lobby: Lobby }) {
  return (
    <div className="lobby__waiting">
      <p role="status" className="lobby__status">
        <Spinner size="sm" />
        Waiting for the interviewer to start…
      </p>
      <p className="text-muted">
        Keep this page open: you are let in as soon as the interview starts
        {lobby.plannedStart ? `, planned for ${formatDateTime(lobby.plannedStart)}` : ''}.
      </p>
      <DeviceCheck />
    </div>
  );
}
