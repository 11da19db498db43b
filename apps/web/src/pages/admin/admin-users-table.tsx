import type { AdminUserOrder, AdminUserSort, AdminUserSummary } from '@interviewselect/contracts';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format-date';
import { StatusChip } from '../../ui/status-chip';
import { Table, type SortState, type TableColumn } from '../../ui/table';

export interface UserSortState {
  sort: AdminUserSort;
  order: AdminUserOrder;
}

/** The server's default: newest account first. */
export const DEFAULT_USER_SORT: UserSortState = { sort: 'createdAt', order: 'desc' };

/** Column key → the server's sort field, for the columns the server can sort by. */
const SORT_FIELD: Record<string, AdminUserSort> = { name: 'name', created: 'createdAt' };

const columns: TableColumn<AdminUserSummary>[] = [
  {
    key: 'name',
    header: 'User',
    isSortable: true,
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
    isSortable: true,
    cell: (u) => (
      <time dateTime={u.createdAt} className="admin-nowrap">
        {formatDateTime(u.createdAt)}
      </time>
    ),
  },
];

function toTableSort(sort: UserSortState): SortState {
  const columnKey = Object.keys(SORT_FIELD).find((key) => SORT_FIELD[key] === sort.sort) ?? 'created';
  return { columnKey, direction: sort.order === 'asc' ? 'ascending' : 'descending' };
}

/** The platform user list, sorted by the server (the page is only a slice, so sorting it in the browser would mislead). */
export function AdminUsersTable({
  rows,
  sort,
  onSortChange,
}: {
  rows: readonly AdminUserSummary[];
  sort: UserSortState;
  onSortChange: (next: UserSortState) => void;
}) {
  return (
    <Table
      caption="Users"
      isCaptionHidden
      columns={columns}
      rows={rows}
      getRowKey={(u) => u.id}
      emptyState="No users match these filters."
      sort={toTableSort(sort)}
      onSortChange={(next) =>
        onSortChange({
          sort: SORT_FIELD[next.columnKey] ?? DEFAULT_USER_SORT.sort,
          order: next.direction === 'ascending' ? 'asc' : 'desc',
        })
      }
    />
  );
}
