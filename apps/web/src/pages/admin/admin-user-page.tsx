import type { AdminUserDetail, PlatformRole } from '@interviewselect/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { adminApi, adminKeys } from '../../lib/admin-api';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { ROLE_LABELS } from '../../lib/orgs-api';
import { useSession } from '../../lib/session';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Dialog, DialogClose, DialogContent } from '../../ui/dialog';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import { StatusChip } from '../../ui/status-chip';
import './admin.css';

type Action = 'suspend' | 'unsuspend' | PlatformRole;

const ACTIONS: Record<Action, { title: string; verb: string; done: string; describe: (u: AdminUserDetail) => string }> =
  {
    suspend: {
      title: 'Suspend this account?',
      verb: 'Suspend account',
      done: 'Account suspended',
      describe: (u) => `${u.name} is signed out everywhere and can't sign in until you unsuspend the account.`,
    },
    unsuspend: {
      title: 'Unsuspend this account?',
      verb: 'Unsuspend account',
      done: 'Account unsuspended',
      describe: (u) => `${u.name} can sign in again.`,
    },
    admin: {
      title: 'Make platform admin?',
      verb: 'Make platform admin',
      done: 'Now a platform admin',
      describe: (u) => `${u.name} will be able to see every user and the audit log, and suspend accounts.`,
    },
    user: {
      title: 'Remove platform admin?',
      verb: 'Remove platform admin',
      done: 'No longer a platform admin',
      describe: (u) => `${u.name} keeps their account and organisations but loses access to the admin pages.`,
    },
  };

/** /admin/users/:userId: one account, with suspend and platform-role changes behind confirmations. */
export function AdminUserPage() {
  const { userId = '' } = useParams();
  const { user: me } = useSession();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Action | null>(null);
  const query = useQuery({ queryKey: adminKeys.user(userId), queryFn: ({ signal }) => adminApi.user(userId, signal) });
  const mutation = useMutation({
    mutationFn: (action: Action) =>
      action === 'suspend'
        ? adminApi.suspend(userId)
        : action === 'unsuspend'
          ? adminApi.unsuspend(userId)
          : adminApi.setPlatformRole(userId, action),
    onSuccess: async () => {
      setPending(null);
      await queryClient.invalidateQueries({ queryKey: adminKeys.all });
    },
    onError: () => setPending(null),
  });

  if (query.isPending) {
    return (
      <div className="admin-page" aria-busy="true">
        <span className="visually-hidden" role="status">
          Loading user…
        </span>
        <Skeleton width="16rem" height="2rem" />
        <Skeleton shape="block" height="12rem" />
      </div>
    );
  }
  if (query.isError) {
    const isMissing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <ErrorState
        headingLevel={1}
        title={isMissing ? 'User not found' : "Couldn't load this user"}
        message={isMissing ? 'There is no account with this id.' : describeError(query.error)}
        {...(isMissing ? {} : { onRetry: () => void query.refetch(), isRetrying: query.isFetching })}
        actions={
          <Button asChild variant="ghost">
            <Link to="/admin/users">All users</Link>
          </Button>
        }
      />
    );
  }

  const u = query.data;
  const isSelf = u.id === me?.id;
  const lastAction = mutation.variables;
  return (
    <div className="admin-page">
      <PageHeader
        title={u.name}
        description={
          <>
            {u.email} · <Link to="/admin/users">All users</Link>
          </>
        }
      />
      {mutation.isError ? (
        <Alert title="Couldn't change the account">{describeError(mutation.error)}</Alert>
      ) : mutation.isSuccess && lastAction ? (
        <Alert tone="info" role="status" title={ACTIONS[lastAction].done} />
      ) : null}
      <Card title="Account">
        <dl className="admin-facts">
          <dt>Status</dt>
          <dd>
            {u.status === 'active' ? (
              <StatusChip tone="success">Active</StatusChip>
            ) : (
              <StatusChip tone="danger">Suspended</StatusChip>
            )}
          </dd>
          <dt>Platform role</dt>
          <dd>{u.platformRole === 'admin' ? <StatusChip tone="info">Admin</StatusChip> : 'User'}</dd>
          <dt>E-mail</dt>
          <dd>
            {u.email}
            {u.emailVerified ? (
              <StatusChip tone="success">Confirmed</StatusChip>
            ) : (
              <StatusChip tone="warning">Not confirmed</StatusChip>
            )}
          </dd>
          <dt>Live sessions</dt>
          <dd>{u.sessionCount}</dd>
          <dt>Created</dt>
          <dd>
            <time dateTime={u.createdAt}>{formatDateTime(u.createdAt)}</time>
          </dd>
          <dt>Organisations</dt>
          <dd>
            {u.memberships.length === 0
              ? 'None'
              : u.memberships.map((m) => `${m.orgName} (${ROLE_LABELS[m.role].toLowerCase()})`).join(', ')}
          </dd>
        </dl>
      </Card>
      <Card title="Actions">
        <div className="admin-stack">
          {isSelf ? <p className="text-muted">This is your own account: ask another admin to change it.</p> : null}
          <div className="admin-actions">
            {u.status === 'active' ? (
              <Button variant="danger" disabled={isSelf} onClick={() => setPending('suspend')}>
                Suspend account
              </Button>
            ) : (
              <Button disabled={isSelf} onClick={() => setPending('unsuspend')}>
                Unsuspend account
              </Button>
            )}
            {u.platformRole === 'admin' ? (
              <Button disabled={isSelf} onClick={() => setPending('user')}>
                Remove platform admin
              </Button>
            ) : (
              <Button disabled={isSelf} onClick={() => setPending('admin')}>
                Make platform admin
              </Button>
            )}
          </div>
        </div>
      </Card>
      <Dialog open={pending !== null} onOpenChange={(open) => (open ? undefined : setPending(null))}>
        {pending ? (
          <DialogContent
            title={ACTIONS[pending].title}
            description={ACTIONS[pending].describe(u)}
            footer={
              <>
                <DialogClose asChild>
                  <Button>Cancel</Button>
                </DialogClose>
                <Button
                  variant={pending === 'suspend' || pending === 'user' ? 'danger' : 'primary'}
                  isLoading={mutation.isPending}
                  onClick={() => mutation.mutate(pending)}
                >
                  {ACTIONS[pending].verb}
                </Button>
              </>
            }
          />
        ) : null}
      </Dialog>
    </div>
  );
}
