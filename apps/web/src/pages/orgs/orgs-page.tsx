import { CreateOrgInputSchema, type Org } from '@interviewselect/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { orgKeys, orgsApi } from '../../lib/orgs-api';
import { SESSION_KEY, useSession } from '../../lib/session';
import { useSchemaForm } from '../../lib/use-schema-form';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../../ui/dialog';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { UsersIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import { Table, type TableColumn } from '../../ui/table';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';
import { RoleBadge } from './role-badge';
import './orgs.css';

/** /orgs: the organisations the signed-in user belongs to, and a way to start a new one. */
export function OrgsPage() {
  const { user } = useSession();
  const list = useQuery({ queryKey: orgKeys.list, queryFn: ({ signal }) => orgsApi.list(signal) });
  const activeOrgId = user?.activeOrgId ?? null;

  const columns = useMemo<TableColumn<Org>[]>(
    () => [
      {
        key: 'name',
        header: 'Name',
        isRowHeader: true,
        sortValue: (o) => o.name,
        cell: (o) => (
          <span className="orgs-person">
            <span>
              <Link to={`/orgs/${o.id}/members`}>{o.name}</Link>{' '}
              {o.id === activeOrgId ? <Badge tone="success">Active</Badge> : null}
            </span>
            <span className="orgs-person__email">{o.slug}</span>
          </span>
        ),
      },
      { key: 'role', header: 'Your role', cell: (o) => <RoleBadge role={o.role} />, sortValue: (o) => o.role },
      {
        key: 'created',
        header: 'Created',
        sortValue: (o) => o.createdAt,
        cell: (o) => (
          <time dateTime={o.createdAt} className="orgs-nowrap">
            {formatDateTime(o.createdAt)}
          </time>
        ),
      },
    ],
    [activeOrgId],
  );

  return (
    <div className="orgs-page">
      <PageHeader
        title="Organisations"
        description="The teams you interview with. Open one to see its members and invitations."
        actions={<CreateOrgDialog />}
      />
      {list.isPending ? (
        <div aria-busy="true" className="orgs-stack">
          <span className="visually-hidden" role="status">
            Loading organisations…
          </span>
          <Skeleton height="2.5rem" shape="block" />
          <Skeleton height="2.5rem" shape="block" />
        </div>
      ) : list.isError ? (
        <ErrorState
          title="Couldn't load your organisations"
          message={describeError(list.error)}
          onRetry={() => void list.refetch()}
          isRetrying={list.isFetching}
        />
      ) : list.data.length === 0 ? (
        <EmptyState
          icon={<UsersIcon />}
          headingLevel={2}
          title="You're not in any organisation yet"
          description="Create one for your team, or open the invitation link a colleague sent you."
        />
      ) : (
        <Table
          caption="Your organisations"
          isCaptionHidden
          columns={columns}
          rows={list.data}
          getRowKey={(o) => o.id}
          defaultSort={{ columnKey: 'name', direction: 'ascending' }}
          emptyState="No organisations."
        />
      )}
    </div>
  );
}

function CreateOrgDialog() {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Dialog open={isOpen} onOpenChange={setIsOpen}>
      <DialogTrigger asChild>
        <Button variant="primary">Create organisation</Button>
      </DialogTrigger>
      {isOpen ? <CreateOrgForm onDone={() => setIsOpen(false)} /> : null}
    </Dialog>
  );
}

function CreateOrgForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { toast } = useToast();
  const { setAlertElement, formProps, ...form } = useSchemaForm({
    schema: CreateOrgInputSchema,
    fields: ['name'] as const,
    errorTitle: "Couldn't create the organisation",
    submit: orgsApi.create,
    onSuccess: (org) => {
      toast({ title: `Created ${org.name}`, description: 'You are its owner.', tone: 'success' });
      onDone();
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      void navigate(`/orgs/${org.id}/members`);
    },
  });
  return (
    <DialogContent
      title="Create organisation"
      description="You become its owner and can invite your team next."
      footer={
        <>
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <Button type="submit" form="create-org-form" variant="primary" isLoading={form.isSubmitting}>
            {form.isSubmitting ? 'Creating…' : 'Create organisation'}
          </Button>
        </>
      }
    >
      <div className="orgs-stack">
        {form.alert ? (
          <Alert ref={setAlertElement} title={form.alert.title}>
            {form.alert.detail}
          </Alert>
        ) : null}
        <form {...formProps} id="create-org-form" className="orgs-form" aria-label="Create organisation">
          <TextField
            label="Name"
            name="name"
            autoComplete="organization"
            required
            maxLength={100}
            hint="Shown to members and to people you invite."
            error={form.fieldErrors.name}
          />
        </form>
      </div>
    </DialogContent>
  );
}
