import type { ProblemSummary } from '@interviewselect/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../ui/badge';
import { Table, type TableColumn } from '../../ui/table';
import { CATEGORY_LABELS, DifficultyChip, formatPassRate, ownerLabel, ProblemStatusChip } from './problem-labels';

const MAX_TAGS = 3;

function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return <span className="text-muted">—</span>;
  const rest = tags.length - MAX_TAGS;
  return (
    <span className="questions-tags">
      {tags.slice(0, MAX_TAGS).map((tag) => (
        <Badge key={tag}>{tag}</Badge>
      ))}
      {rest > 0 ? <span className="text-muted">+{rest}</span> : null}
    </span>
  );
}

const columns: TableColumn<ProblemSummary>[] = [
  {
    key: 'title',
    header: 'Problem',
    isRowHeader: true,
    cell: (p) => (
      <span className="questions-title-cell">
        <Link to={`/questions/${p.id}`} className="questions-title-link">
          {p.title}
        </Link>
        {p.status === 'published' ? null : <ProblemStatusChip status={p.status} />}
      </span>
    ),
  },
  { key: 'difficulty', header: 'Difficulty', cell: (p) => <DifficultyChip difficulty={p.difficulty} /> },
  {
    key: 'category',
    header: 'Category',
    cell: (p) => <span className="questions-nowrap">{CATEGORY_LABELS[p.category]}</span>,
  },
  { key: 'tags', header: 'Tags', cell: (p) => <TagList tags={p.tags} /> },
  { key: 'owner', header: 'Owner', cell: (p) => <span className="questions-nowrap">{ownerLabel(p.owner)}</span> },
  { key: 'used', header: 'Times used', align: 'end', cell: (p) => p.usage.timesUsed },
  { key: 'passRate', header: 'Pass rate', align: 'end', cell: (p) => formatPassRate(p.usage.passRate) },
];

/** One server page of problems, in the server's order (the sort select asks the server). */
export function ProblemsTable({ rows, emptyState }: { rows: readonly ProblemSummary[]; emptyState: ReactNode }) {
  return (
    <Table
      caption="Problems"
      isCaptionHidden
      columns={columns}
      rows={rows}
      getRowKey={(p) => p.id}
      emptyState={emptyState}
    />
  );
}
