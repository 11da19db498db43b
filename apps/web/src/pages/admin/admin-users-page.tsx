import { PLATFORM_ROLES, USER_STATUSES, type AdminUserSummary } from '@interviewselect/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { adminApi, adminKeys, type AdminUserFilters } from '../../lib/admin-api';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { SelectField } from '../../ui/select-field';
import { Skeleton } from '../../ui/skeleton';
import { StatusChip } from '../../ui/status-chip';
import { Table, type TableColumn } from '../../ui/table';
import { TextField } from '../../ui/text-field';
import { Pager, readOffset } from './pager';
import './admin.css';

const PAGE_SIZE = 20;

const columns: TableColumn<AdminUserSummary>[] = [
  {
    key: 'name',
    header: 'User',
    isRowHeader: true,
    cell: (u) => (
      <span className="admin-person">
        <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
        <span className="admin-person__sub">{u.email}</span>
      </span>
    ),
  },
  {
    key: 'status',
    header: 'Status',
    cell: (u) =>
      u.status === 'active' ? (
        <StatusChip tone="success">Active</StatusChip>
      ) : (
        <StatusChip tone="danger">Suspended</StatusChip>
      ),
  },
  {
    key: 'role',
    header: 'Platform role',
    cell: (u) => (u.platformRole === 'admin' ? <StatusChip tone="info">Admin</StatusChip> : 'User'),
  },
  {
    key: 'verified',
    header: 'E-mail',
    cell: (u) =>
      u.emailVerified ? (
        <StatusChip tone="success">Confirmed</StatusChip>
      ) : (
        <StatusChip tone="warning">Not confirmed</StatusChip>
      ),
  },
  {
    key: 'created',
    header: 'Created',
    cell: (u) => (
      <time dateTime={u.createdAt} className="admin-nowrap">
        {formatDateTime(u.createdAt)}
      </time>
    ),
  },
];

/** /admin/users: every account on the platform, searchable; the filters live in the URL. */
export function AdminUsersPage() {
  const [params, setParams] = useSearchParams();
  const filters: AdminUserFilters = {
    q: params.get('q') ?? '',
    status: params.get('status') ?? '',
    platformRole: params.get('platformRole') ?? '',
    limit: PAGE_SIZE,
    offset: readOffset(params.get('offset')),
  };
  const query = useQuery({
    queryKey: adminKeys.users(filters),
    queryFn: ({ signal }) => adminApi.users(filters, signal),
    placeholderData: keepPreviousData,
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['q', 'status', 'platformRole']) {
      const raw = data.get(key);
      const value = typeof raw === 'string' ? raw.trim() : '';
      if (value) next.set(key, value);
    }
    setParams(next);
  }

  function setOffset(offset: number) {
    const next = new URLSearchParams(params);
    if (offset > 0) next.set('offset', String(offset));
    else next.delete('offset');
    setParams(next);
  }

  return (
    <div className="admin-page">
      <PageHeader
        title="Users"
        description="Every account on this installation. Open one to suspend it or change its platform role."
      />
      <Card>
        <form
          className="admin-filters"
          role="search"
          aria-label="Filter users"
          onSubmit={handleSubmit}
          key={params.toString()}
        >
          <TextField label="Search" name="q" type="search" defaultValue={filters.q} placeholder="Name or e-mail" />
          <SelectField label="Status" name="status" defaultValue={filters.status}>
            <option value="">Any status</option>
            {USER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'active' ? 'Active' : 'Suspended'}
              </option>
            ))}
          </SelectField>
          <SelectField label="Platform role" name="platformRole" defaultValue={filters.platformRole}>
            <option value="">Any role</option>
            {PLATFORM_ROLES.map((r) => (
              <option key={r} value={r}>
                {r === 'admin' ? 'Admin' : 'User'}
              </option>
            ))}
          </SelectField>
          <div className="admin-filters__actions">
            <Button type="submit" variant="primary">
              Search
            </Button>
            {params.size > 0 ? (
              <Button type="button" variant="ghost" onClick={() => setParams(new URLSearchParams())}>
                Clear
              </Button>
            ) : null}
          </div>
        </form>
      </Card>
      {query.isPending ? (
        <div aria-busy="true" className="admin-stack">
          <span className="visually-hidden" role="status">
            Loading users…
          </span>
          <Skeleton height="2.5rem" shape="block" />
          <Skeleton height="2.5rem" shape="block" />
          <Skeleton height="2.5rem" shape="block" />
        </div>
      ) : query.isError ? (
        <ErrorState
          title="Couldn't load users"
          message={describeError(query.error)}
          onRetry={() => void query.refetch()}
          isRetrying={query.isFetching}
        />
      ) : (
        <div className="admin-stack" aria-busy={query.isPlaceholderData || undefined}>
          <Table
            caption="Users"
            isCaptionHidden
            columns={columns}
            rows={query.data.items}
            getRowKey={(u) => u.id}
            emptyState="No users match these filters."
          />
          <Pager
            total={query.data.total}
            limit={query.data.limit}
            offset={query.data.offset}
            onOffsetChange={setOffset}
            noun="users"
          />
        </div>
      )}
    </div>
  );
}
