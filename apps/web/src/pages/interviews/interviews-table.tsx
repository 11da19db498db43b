import type { InterviewSummary } from '@interviewselect/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format-date';
import { Table, type SortState, type TableColumn } from '../../ui/table';
import { formatDuration, InterviewStatusChip } from './interview-status';
import { DEFAULT_SORT, type InterviewSort } from './list-query';

export interface InterviewSortState {
  sort: InterviewSort;
  order: 'asc' | 'desc';
}

const columns: TableColumn<InterviewSummary>[] = [
  { key: 'status', header: 'Status', isSortable: true, cell: (i) => <InterviewStatusChip status={i.status} /> },
  {
    key: 'title',
    header: 'Title',
    isSortable: true,
    isRowHeader: true,
    cell: (i) => (
      <Link to={`/interviews/${i.id}`} className="interviews-title-link interviews-person-cell">
        {i.title}
      </Link>
    ),
  },
  {
    key: 'candidate',
    header: 'Candidate',
    cell: (i) => <span className="interviews-person-cell">{i.candidateName}</span>,
  },
  {
    key: 'interviewers',
    header: 'Interviewers',
    cell: (i) => (
      <span className="interviews-person-cell">
        {i.interviewerNames.length > 0 ? i.interviewerNames.join(', ') : <span className="text-muted">None</span>}
      </span>
    ),
  },
  {
    key: 'plannedStart',
    header: 'Planned start',
    isSortable: true,
    cell: (i) =>
      i.plannedStart ? (
        <time dateTime={i.plannedStart} className="interviews-nowrap">
          {formatDateTime(i.plannedStart)}
        </time>
      ) : (
        <span className="text-muted">Not planned</span>
      ),
  },
  {
    key: 'duration',
    header: 'Duration',
    align: 'end',
    cell: (i) => <span className="interviews-nowrap">{formatDuration(i.durationMinutes)}</span>,
  },
];

const SORTABLE: readonly InterviewSort[] = ['status', 'title', 'plannedStart'];
const sortFor = (columnKey: string) => SORTABLE.find((s) => s === columnKey) ?? DEFAULT_SORT.sort;

/** One server page of interviews; sorting asks the server (sorting a slice here would mislead). */
export function InterviewsTable({
  rows,
  sort,
  onSortChange,
  emptyState,
}: {
  rows: readonly InterviewSummary[];
  sort: InterviewSortState;
  onSortChange: (next: InterviewSortState) => void;
  emptyState: ReactNode;
}) {
  const tableSort: SortState = { columnKey: sort.sort, direction: sort.order === 'asc' ? 'ascending' : 'descending' };
  return (
    <Table
      caption="Interviews"
      isCaptionHidden
      columns={columns}
      rows={rows}
      getRowKey={(i) => i.id}
      emptyState={emptyState}
      sort={tableSort}
      onSortChange={(next) =>
        onSortChange({ sort: sortFor(next.columnKey), order: next.direction === 'ascending' ? 'asc' : 'desc' })
      }
    />
  );
}
