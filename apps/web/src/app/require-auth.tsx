import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { describeError } from '../lib/describe-error';
import { useSession, wasJustSignedOut } from '../lib/session';
import { ErrorState } from '../ui/error-state';
import { PageSkeleton } from './page-skeleton';

/** Wraps signed-in-only routes: visitors go to /sign-in?next=<where they were going>. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  if (session.isPending) return <PageSkeleton />;
  if (session.isError) {
    return (
      <ErrorState
        title="Couldn't check your session"
        headingLevel={1}
        message={describeError(session.error)}
        onRetry={session.refetch}
      />
    );
  }
  // Someone who just signed out should not be offered a way back into the old account's page.
  if (!session.user && wasJustSignedOut(queryClient)) return <Navigate to="/sign-in" replace />;
  if (!session.user) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Inside RequireAuth: platform-admin pages show a plain refusal to everyone else. */
export function RequireAdmin() {
  const { user } = useSession();
  if (user?.platformRole !== 'admin') {
    return (
      <ErrorState
        title="Platform administrators only"
        headingLevel={1}
        message="This page is for the people who run this InterviewSelect installation."
      />
    );
  }
  return <Outlet />;
}
