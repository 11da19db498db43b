import { CreateInvitationInputSchema, type Invitation, type OrgRole } from '@interviewselect/contracts';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { canInvite, invitableRoles, orgKeys, orgsApi, ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../lib/orgs-api';
import { useSchemaForm, type FormAlert } from '../../lib/use-schema-form';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ErrorState } from '../../ui/error-state';
import { SelectField } from '../../ui/select-field';
import { Skeleton } from '../../ui/skeleton';
import { Table, type TableColumn } from '../../ui/table';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';
import { useOrgContext } from './org-page';
import { RoleBadge } from './role-badge';

function inviteAlert(alert: FormAlert | undefined): FormAlert | undefined {
  if (alert?.code === 'org.already_member') return { ...alert, title: 'Already a member' };
  if (alert?.code === 'auth.forbidden') return { ...alert, title: "You can't invite with that role" };
  return alert;
}

export function OrgInvitationsSection() {
  const { org } = useOrgContext();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const mayInvite = canInvite(org.role);
  const roles = invitableRoles(org.role);
  const [roleHint, setRoleHint] = useState<OrgRole>('interviewer');
  const list = useQuery({
    queryKey: orgKeys.invitations(org.id),
    queryFn: ({ signal }) => orgsApi.invitations(org.id, signal),
    enabled: mayInvite,
  });

  const { setAlertElement, formProps, ...form } = useSchemaForm({
    schema: CreateInvitationInputSchema,
    fields: ['email', 'role'] as const,
    errorTitle: "Couldn't send the invitation",
    submit: (input) => orgsApi.invite(org.id, input),
    onSuccess: (invitation) => {
      toast({
        title: `Invitation sent to ${invitation.email}`,
        description: `They'll join as ${ROLE_LABELS[invitation.role].toLowerCase()}.`,
        tone: 'success',
      });
      form.clearInputs();
      setRoleHint('interviewer');
      void queryClient.invalidateQueries({ queryKey: orgKeys.invitations(org.id) });
    },
  });
  const alert = inviteAlert(form.alert);

  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => orgsApi.revokeInvitation(org.id, invitation.id),
    onSuccess: async (_r, invitation) => {
      toast({ title: `Invitation for ${invitation.email} revoked`, tone: 'success' });
      await queryClient.invalidateQueries({ queryKey: orgKeys.invitations(org.id) });
    },
    onError: (error) =>
      toast({ title: "Couldn't revoke the invitation", description: describeError(error), tone: 'error' }),
  });

  if (!mayInvite) {
    return (
      <ErrorState
        title="Only owners, admins and recruiters can invite"
        message="Ask one of them to invite the people you want to add."
      />
    );
  }

  const columns: TableColumn<Invitation>[] = [
    { key: 'email', header: 'E-mail', isRowHeader: true, sortValue: (i) => i.email, cell: (i) => i.email },
    { key: 'role', header: 'Role', sortValue: (i) => i.role, cell: (i) => <RoleBadge role={i.role} /> },
    { key: 'invitedBy', header: 'Invited by', cell: (i) => i.invitedBy?.name ?? <span className="text-muted">—</span> },
    {
      key: 'expires',
      header: 'Expires',
      sortValue: (i) => i.expiresAt,
      cell: (i) => (
        <time dateTime={i.expiresAt} className="orgs-nowrap">
          {formatDateTime(i.expiresAt)}
        </time>
      ),
    },
    {
      key: 'actions',
      header: 'Actions',
      align: 'end',
      cell: (i) => (
        <Button
          size="sm"
          variant="secondary"
          aria-label={`Revoke invitation for ${i.email}`}
          isLoading={revoke.isPending && revoke.variables.id === i.id}
          onClick={() => revoke.mutate(i)}
        >
          Revoke
        </Button>
      ),
    },
  ];

  return (
    <div className="orgs-stack">
      <title>{`Invitations · ${org.name} · InterviewSelect`}</title>
      <Card title="Invite someone">
        <div className="orgs-stack">
          <p className="text-muted">
            We e-mail them a link that is valid for a limited time. Inviting the same address again replaces its pending
            invitation.
          </p>
          {alert ? (
            <Alert ref={setAlertElement} title={alert.title}>
              {alert.detail}
            </Alert>
          ) : null}
          <form {...formProps} className="orgs-invite-form" aria-label="Invite someone">
            <TextField
              label="E-mail"
              name="email"
              type="email"
              autoComplete="off"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              required
              error={form.fieldErrors.email}
            />
            <SelectField
              label="Role"
              name="role"
              required
              defaultValue="interviewer"
              error={form.fieldErrors.role}
              onChange={(event) => setRoleHint(event.target.value as OrgRole)}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </SelectField>
            <Button type="submit" variant="primary" isLoading={form.isSubmitting}>
              {form.isSubmitting ? 'Sending…' : 'Send invitation'}
            </Button>
          </form>
          <p className="text-muted">
            <strong>{ROLE_LABELS[roleHint]}:</strong> {ROLE_DESCRIPTIONS[roleHint].toLowerCase()}.
          </p>
        </div>
      </Card>
      <Card title="Pending invitations">
        {list.isPending ? (
          <div aria-busy="true" className="orgs-stack">
            <span className="visually-hidden" role="status">
              Loading invitations…
            </span>
            <Skeleton height="2.5rem" shape="block" />
            <Skeleton height="2.5rem" shape="block" />
          </div>
        ) : list.isError ? (
          <ErrorState
            title="Couldn't load the invitations"
            message={describeError(list.error)}
            onRetry={() => void list.refetch()}
            isRetrying={list.isFetching}
          />
        ) : (
          <Table
            caption={`Pending invitations to ${org.name}`}
            isCaptionHidden
            columns={columns}
            rows={list.data}
            getRowKey={(i) => i.id}
            defaultSort={{ columnKey: 'expires', direction: 'ascending' }}
            emptyState="No pending invitations. Invite someone above."
          />
        )}
      </Card>
    </div>
  );
}
