import type { Readiness } from '@interviewselect/contracts';
import { EmptyState } from '../ui/empty-state';
import { StatusChip } from '../ui/status-chip';
import { Table, type TableColumn } from '../ui/table';

type Check = Readiness['checks'][number];

const COLUMNS: readonly TableColumn<Check>[] = [
  { key: 'name', header: 'Check', cell: (c) => c.name, sortValue: (c) => c.name, isRowHeader: true },
  {
    key: 'status',
    header: 'Status',
    cell: (c) => <StatusChip tone={c.ok ? 'success' : 'danger'}>{c.ok ? 'Ready' : 'Failing'}</StatusChip>,
    // Failing first when ascending: that is what someone opening this page is looking for.
    sortValue: (c) => (c.ok ? 1 : 0),
  },
  {
    key: 'detail',
    header: 'Detail',
    cell: (c) => (c.detail ? c.detail : <span className="text-muted">No detail reported</span>),
  },
];

export function ReadinessChecksTable({ checks }: { checks: Readiness['checks'] }) {
  return (
    <Table
      caption="Readiness checks"
      columns={COLUMNS}
      rows={checks}
      getRowKey={(c) => c.name}
      emptyState={
        <EmptyState
          title="No checks reported"
          description="This server reported no readiness checks. Checks for the database and migrations appear here once the server registers them."
        />
      }
    />
  );
}
