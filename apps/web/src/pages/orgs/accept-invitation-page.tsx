import { InvitationTokenInputSchema, type InvitationPreview } from '@interviewselect/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { orgsApi, ROLE_LABELS } from '../../lib/orgs-api';
import { resetAfterIdentityChange, useSession, useSignOut } from '../../lib/session';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { ErrorState } from '../../ui/error-state';
import { Skeleton } from '../../ui/skeleton';
import { StatusChip } from '../../ui/status-chip';
import { useToast } from '../../ui/toast';
import { AuthPanel } from '../auth/auth-panel';
import './orgs.css';

const UNUSABLE: Record<Exclude<InvitationPreview['status'], 'pending'>, { title: string; detail: string }> = {
  expired: {
    title: 'This invitation has expired',
    detail: 'Invitations are only valid for a limited time. Ask the person who invited you to send a new one.',
  },
  revoked: {
    title: 'This invitation was withdrawn',
    detail: 'Someone in the organisation revoked it. Ask them for a new invitation if you still need access.',
  },
  accepted: {
    title: 'This invitation has already been used',
    detail: 'Each invitation link works once. If it was you, the organisation is already in your list.',
  },
};

/**
 * /invitations/accept?token=…: what the e-mailed link opens. Shows who is
 * inviting to what; signed-out visitors sign in (or sign up) and come back here.
 */
export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const token = params.get('token') ?? '';
  const isWellFormed = InvitationTokenInputSchema.safeParse({ token }).success;
  const session = useSession();
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => orgsApi.previewInvitation(token),
    enabled: isWellFormed,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const here = `${location.pathname}${location.search}`;

  if (!isWellFormed) return <Invalid detail="The link has no valid token. Open the link from the e-mail again." />;
  if (preview.isPending || session.isPending) {
    return (
      <AuthPanel title="Invitation">
        <div aria-busy="true" className="orgs-stack">
          <span className="visually-hidden" role="status">
            Loading the invitation…
          </span>
          <Skeleton width="70%" />
          <Skeleton width="50%" />
          <Skeleton shape="block" height="2.75rem" />
        </div>
      </AuthPanel>
    );
  }
  if (preview.isError) {
    if (preview.error instanceof ApiError && preview.error.code === 'auth.token_invalid') {
      return (
        <Invalid detail="We don't recognise this invitation link. Check you copied all of it, or ask for a new one." />
      );
    }
    return (
      <AuthPanel title="Invitation">
        <ErrorState
          title="Couldn't load the invitation"
          message={describeError(preview.error)}
          onRetry={() => void preview.refetch()}
          isRetrying={preview.isFetching}
        />
      </AuthPanel>
    );
  }

  const invitation = preview.data;
  const unusable =
    invitation.status !== 'pending' ? UNUSABLE[invitation.status] : invitation.isValid ? null : UNUSABLE.expired;
  return (
    <AuthPanel
      title={`Join ${invitation.orgName}`}
      intro={
        invitation.inviterName
          ? `${invitation.inviterName} invited you to join ${invitation.orgName} on InterviewSelect.`
          : `You've been invited to join ${invitation.orgName} on InterviewSelect.`
      }
    >
      <dl className="orgs-facts">
        <dt>Organisation</dt>
        <dd>{invitation.orgName}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[invitation.role]}</dd>
        <dt>Invited by</dt>
        <dd>{invitation.inviterName ?? 'Someone in the organisation'}</dd>
        <dt>{unusable ? 'Status' : 'Expires'}</dt>
        <dd>
          {unusable ? (
            <StatusChip tone="warning">{invitation.status === 'pending' ? 'Expired' : invitation.status}</StatusChip>
          ) : (
            <time dateTime={invitation.expiresAt}>{formatDateTime(invitation.expiresAt)}</time>
          )}
        </dd>
      </dl>
      {unusable ? (
        <Alert title={unusable.title} tone="warning">
          {unusable.detail}
        </Alert>
      ) : session.user ? (
        <AcceptAction token={token} invitation={invitation} email={session.user.email} />
      ) : (
        <div className="orgs-stack">
          <p className="text-muted">Sign in with the e-mail address the invitation was sent to, then accept it.</p>
          <Button asChild variant="primary" size="lg">
            <Link to={`/sign-in?next=${encodeURIComponent(here)}`}>Sign in to accept</Link>
          </Button>
          <Button asChild variant="secondary" size="lg">
            <Link to={`/sign-up?next=${encodeURIComponent(here)}`}>Create account</Link>
          </Button>
        </div>
      )}
      {unusable && session.user ? (
        <Button asChild variant="secondary">
          <Link to="/orgs">Your organisations</Link>
        </Button>
      ) : null}
    </AuthPanel>
  );
}

function Invalid({ detail }: { detail: string }) {
  return (
    <AuthPanel title="Invitation">
      <Alert title="This invitation link doesn't work">{detail}</Alert>
    </AuthPanel>
  );
}

function AcceptAction({ token, invitation, email }: { token: string; invitation: InvitationPreview; email: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { toast } = useToast();
  const signOut = useSignOut();
  const accept = useMutation({
    mutationFn: () => orgsApi.acceptInvitation(token),
    onSuccess: async () => {
      toast({
        title: `You joined ${invitation.orgName}`,
        description: `Your role: ${ROLE_LABELS[invitation.role].toLowerCase()}.`,
        tone: 'success',
      });
      // Leave first: refreshing here would show the now-used invitation.
      await navigate('/orgs', { replace: true });
      queryClient.removeQueries({ queryKey: ['invitation-preview'] });
      await resetAfterIdentityChange(queryClient);
    },
  });
  const error = accept.error instanceof ApiError ? accept.error : null;
  return (
    <div className="orgs-stack">
      {accept.isError ? (
        error?.code === 'org.already_member' ? (
          <Alert title="You're already a member" tone="info">
            <p>
              {error.detail} <Link to="/orgs">Go to your organisations</Link>
            </p>
          </Alert>
        ) : error?.code === 'auth.forbidden' ? (
          <Alert title="This invitation is for another e-mail address">
            <p>
              You're signed in as {email}. Sign out and sign in (or create an account) with the address the invitation
              was sent to.
            </p>
            <Button size="sm" onClick={() => signOut.mutate()} isLoading={signOut.isPending}>
              Sign out
            </Button>
          </Alert>
        ) : (
          <Alert title="Couldn't accept the invitation">{describeError(accept.error)}</Alert>
        )
      ) : null}
      <p className="text-muted">You're signed in as {email}.</p>
      <Button variant="primary" size="lg" isLoading={accept.isPending} onClick={() => accept.mutate()}>
        {accept.isPending ? 'Joining…' : `Accept and join ${invitation.orgName}`}
      </Button>
    </div>
  );
}
