import {
  AdminUserOrderSchema,
  AdminUserSortSchema,
  PLATFORM_ROLES,
  USER_STATUSES,
  type AdminUserOrder,
  type AdminUserSort,
} from '@interviewselect/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { adminApi, adminKeys, type AdminUserFilters } from '../../lib/admin-api';
import { describeError } from '../../lib/describe-error';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { Pager, readOffset } from '../../ui/pager';
import { SelectField } from '../../ui/select-field';
import { Skeleton } from '../../ui/skeleton';
import { TextField } from '../../ui/text-field';
import { AdminUsersTable, DEFAULT_USER_SORT, type UserSortState } from './admin-users-table';
import './admin.css';

const PAGE_SIZE = 20;

/** Sort from the URL; anything unknown falls back to the server's default. */
function readSort(params: URLSearchParams): UserSortState {
  const sort = AdminUserSortSchema.safeParse(params.get('sort'));
  const order = AdminUserOrderSchema.safeParse(params.get('order'));
  if (!sort.success) return DEFAULT_USER_SORT;
  return { sort: sort.data, order: order.success ? order.data : 'asc' };
}

function isDefaultSort({ sort, order }: UserSortState): boolean {
  return sort === DEFAULT_USER_SORT.sort && order === DEFAULT_USER_SORT.order;
}

/** /admin/users: every account on the platform, searchable; the filters live in the URL. */
export function AdminUsersPage() {
  const [params, setParams] = useSearchParams();
  const sort = readSort(params);
  // adminApi.users sends every filter it is given; sort and order only when not the default.
  const filters: AdminUserFilters & { sort?: AdminUserSort; order?: AdminUserOrder } = {
    q: params.get('q') ?? '',
    status: params.get('status') ?? '',
    platformRole: params.get('platformRole') ?? '',
    ...(isDefaultSort(sort) ? {} : sort),
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
    // A new search keeps the chosen order and starts again at the first page.
    for (const key of ['sort', 'order']) {
      const value = params.get(key);
      if (value) next.set(key, value);
    }
    setParams(next);
  }

  function setSort(nextSort: UserSortState) {
    const next = new URLSearchParams(params);
    next.delete('offset');
    if (isDefaultSort(nextSort)) {
      next.delete('sort');
      next.delete('order');
    } else {
      next.set('sort', nextSort.sort);
      next.set('order', nextSort.order);
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
          <AdminUsersTable rows={query.data.items} sort={sort} onSortChange={setSort} />
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
