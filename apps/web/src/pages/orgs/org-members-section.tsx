import type { OrgMember, OrgRole } from '@interviewselect/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { assignableRoles, canManageMembers, orgKeys, orgsApi, ROLE_LABELS } from '../../lib/orgs-api';
import { resetAfterIdentityChange, useSession } from '../../lib/session';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Dialog, DialogClose, DialogContent } from '../../ui/dialog';
import { ErrorState } from '../../ui/error-state';
import { SelectField } from '../../ui/select-field';
import { Skeleton } from '../../ui/skeleton';
import { Table, type TableColumn } from '../../ui/table';
import { useToast } from '../../ui/toast';
import { canRenameOrg, OrgNameForm } from './org-name-form';
import { useOrgContext } from './org-page';
import { RoleBadge } from './role-badge';

/** A problem from a member change, worded for the screen: last-owner gets its own explanation. */
export function describeMemberError(error: unknown): { title: string; detail: string } {
  if (error instanceof ApiError && error.code === 'org.last_owner') {
    return {
      title: 'An organisation needs at least one owner',
      detail: error.detail,
    };
  }
  if (error instanceof ApiError && error.code === 'auth.forbidden') {
    return { title: "You don't have permission to do that", detail: error.detail };
  }
  return { title: "Couldn't update the member", detail: describeError(error) };
}

type Pending = { kind: 'remove'; member: OrgMember } | { kind: 'leave' } | null;

export function OrgMembersSection() {
  const { org } = useOrgContext();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { toast } = useToast();
  const [problem, setProblem] = useState<{ title: string; detail: string } | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const list = useQuery({
    queryKey: orgKeys.members(org.id),
    queryFn: ({ signal }) => orgsApi.members(org.id, signal),
  });
  const isManager = canManageMembers(org.role);
  const roles = assignableRoles(org.role);

  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.members(org.id) });

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: OrgMember; role: OrgRole }) =>
      orgsApi.changeRole(org.id, member.userId, role),
    onMutate: () => setProblem(null),
    onSuccess: async (_r, { member, role }) => {
      toast({ title: `${member.name} is now ${ROLE_LABELS[role].toLowerCase()}`, tone: 'success' });
      await refresh();
      // Changing your own role changes what this page may show you.
      if (member.userId === user?.id) await resetAfterIdentityChange(queryClient);
    },
    onError: (error) => setProblem(describeMemberError(error)),
  });

  const remove = useMutation({
    mutationFn: (member: OrgMember) => orgsApi.removeMember(org.id, member.userId),
    onMutate: () => setProblem(null),
    onSuccess: async (_r, member) => {
      setPending(null);
      toast({ title: `Removed ${member.name}`, tone: 'success' });
      await refresh();
    },
    onError: (error) => {
      setPending(null);
      setProblem(describeMemberError(error));
    },
  });

  const leave = useMutation({
    mutationFn: () => orgsApi.leave(org.id),
    onMutate: () => setProblem(null),
    onSuccess: async () => {
      setPending(null);
      toast({ title: `You left ${org.name}`, tone: 'success' });
      await navigate('/orgs', { replace: true });
      await resetAfterIdentityChange(queryClient);
    },
    onError: (error) => {
      setPending(null);
      setProblem(describeMemberError(error));
    },
  });

  const columns = ((): TableColumn<OrgMember>[] => {
    const isSelf = (m: OrgMember) => m.userId === user?.id;
    // Only owners may change an owner's role; admins see owners' roles read-only.
    const canEdit = (m: OrgMember) => isManager && (org.role === 'owner' || m.role !== 'owner');
    return [
      {
        key: 'name',
        header: 'Member',
        isRowHeader: true,
        sortValue: (m) => m.name,
        cell: (m) => (
          <span className="orgs-person">
            <span>
              {m.name} {isSelf(m) ? <Badge tone="info">You</Badge> : null}
            </span>
            <span className="orgs-person__email">{m.email}</span>
          </span>
        ),
      },
      {
        key: 'role',
        header: 'Role',
        sortValue: (m) => m.role,
        cell: (m) =>
          canEdit(m) ? (
            <SelectField
              label={`Role of ${m.name}`}
              isLabelHidden
              className="orgs-role-select"
              value={
                changeRole.isPending && changeRole.variables.member.userId === m.userId
                  ? changeRole.variables.role
                  : m.role
              }
              disabled={changeRole.isPending}
              onChange={(event) => changeRole.mutate({ member: m, role: event.target.value as OrgRole })}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </SelectField>
          ) : (
            <RoleBadge role={m.role} />
          ),
      },
      {
        key: 'joined',
        header: 'Joined',
        sortValue: (m) => m.joinedAt,
        cell: (m) => (
          <time dateTime={m.joinedAt} className="orgs-nowrap">
            {formatDateTime(m.joinedAt)}
          </time>
        ),
      },
      ...(isManager
        ? [
            {
              key: 'actions',
              header: 'Actions',
              align: 'end' as const,
              cell: (m: OrgMember) =>
                isSelf(m) || !canEdit(m) ? null : (
                  <Button
                    size="sm"
                    variant="secondary"
                    aria-label={`Remove ${m.name}`}
                    onClick={() => setPending({ kind: 'remove', member: m })}
                  >
                    Remove
                  </Button>
                ),
            },
          ]
        : []),
    ];
  })();

  return (
    <div className="orgs-stack">
      <title>{`Members · ${org.name} · InterviewSelect`}</title>
      {problem ? (
        <Alert title={problem.title}>
          <p>{problem.detail}</p>
        </Alert>
      ) : null}
      <Card
        title="Members"
        headerEnd={
          <Button variant="danger" size="sm" onClick={() => setPending({ kind: 'leave' })}>
            Leave organisation
          </Button>
        }
      >
        {list.isPending ? (
          <div aria-busy="true" className="orgs-stack">
            <span className="visually-hidden" role="status">
              Loading members…
            </span>
            <Skeleton height="2.5rem" shape="block" />
            <Skeleton height="2.5rem" shape="block" />
            <Skeleton height="2.5rem" shape="block" />
          </div>
        ) : list.isError ? (
          <ErrorState
            title="Couldn't load the members"
            message={describeError(list.error)}
            onRetry={() => void list.refetch()}
            isRetrying={list.isFetching}
          />
        ) : (
          <div className="orgs-stack">
            {isManager ? (
              <p className="text-muted">
                Change a role from the list; it applies at once. Only owners can grant or remove the owner role.
              </p>
            ) : null}
            <Table
              caption={`Members of ${org.name}`}
              isCaptionHidden
              columns={columns}
              rows={list.data}
              getRowKey={(m) => m.userId}
              defaultSort={{ columnKey: 'name', direction: 'ascending' }}
              emptyState="No members."
            />
          </div>
        )}
      </Card>
      {canRenameOrg(org.role) ? <OrgNameForm key={org.id} org={org} /> : null}

      <Dialog open={pending !== null} onOpenChange={(open) => (open ? undefined : setPending(null))}>
        {pending?.kind === 'remove' ? (
          <DialogContent
            title={`Remove ${pending.member.name}?`}
            description={`${pending.member.name} (${pending.member.email}) loses access to ${org.name} at once. You can invite them again later.`}
            footer={
              <>
                <DialogClose asChild>
                  <Button>Cancel</Button>
                </DialogClose>
                <Button variant="danger" isLoading={remove.isPending} onClick={() => remove.mutate(pending.member)}>
                  Remove member
                </Button>
              </>
            }
          />
        ) : pending?.kind === 'leave' ? (
          <DialogContent
            title={`Leave ${org.name}?`}
            description="You lose access to its interviews and questions. Someone will have to invite you to come back."
            footer={
              <>
                <DialogClose asChild>
                  <Button>Cancel</Button>
                </DialogClose>
                <Button variant="danger" isLoading={leave.isPending} onClick={() => leave.mutate()}>
                  Leave organisation
                </Button>
              </>
            }
          />
        ) : null}
      </Dialog>
    </div>
  );
}
