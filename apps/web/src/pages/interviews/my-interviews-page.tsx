import type { MyInterview } from '@interviewselect/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { interviewKeys, interviewsApi } from '../../lib/interviews-api';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { CalendarIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import { Table, type TableColumn } from '../../ui/table';
import { formatDuration, InterviewStatusChip, ROLE_LABELS } from './interview-status';
import { entryAction, splitMyInterviews } from './my-interviews';
import './interviews.css';

/** While an interview of mine is about to start, ask now and then so its Join button appears. */
const REFRESH_MS = 20_000;

/** /me/interviews: every interview the signed-in person is in, as candidate, interviewer or observer. */
export function MyInterviewsPage() {
  const { user } = useSession();
  const query = useQuery({
    queryKey: interviewKeys.mine,
    queryFn: ({ signal }) => interviewsApi.mine(signal),
    refetchInterval: (q) =>
      q.state.data?.some((i) => i.status === 'scheduled' || i.status === 'live') ? REFRESH_MS : false,
  });
  const isOrgMember = (user?.memberships.length ?? 0) > 0;
  return (
    <div className="interviews-page">
      <PageHeader
        title="My interviews"
        description="Interviews you take part in, as candidate, interviewer or observer. Times are in your time zone."
        actions={
          isOrgMember ? (
            <Button asChild variant="secondary">
              <Link to="/interviews">All interviews</Link>
            </Button>
          ) : null
        }
      />
      {query.isPending ? (
        <div aria-busy="true" className="interviews-stack">
          <span className="visually-hidden" role="status">
            Loading your interviews…
          </span>
          <Skeleton shape="block" height="8rem" />
          <Skeleton shape="block" height="2.75rem" />
          <Skeleton shape="block" height="2.75rem" />
        </div>
      ) : query.isError ? (
        <ErrorState
          title="Couldn't load your interviews"
          message={describeError(query.error)}
          onRetry={() => void query.refetch()}
          isRetrying={query.isFetching}
        />
      ) : query.data.length === 0 ? (
        <EmptyState
          headingLevel={2}
          icon={<CalendarIcon width={32} height={32} />}
          title="No interviews yet"
          description={
            isOrgMember
              ? 'Interviews you are part of appear here. Create one from Interviews, or open an invite link you were sent.'
              : 'When you are invited to an interview, open the link from your invitation. It appears here once you have joined.'
          }
          action={
            isOrgMember ? (
              <Button asChild variant="primary">
                <Link to="/interviews/new">New interview</Link>
              </Button>
            ) : null
          }
        />
      ) : (
        <MyInterviewsList items={query.data} />
      )}
    </div>
  );
}

function EntryButton({ item, isPrimary }: { item: MyInterview; isPrimary: boolean }) {
  const action = entryAction(item);
  if (action.kind === 'wait') return <span className="text-muted">{action.label}</span>;
  return (
    <Button asChild variant={isPrimary ? 'primary' : 'secondary'} size={isPrimary ? 'md' : 'sm'}>
      <Link to={action.to} aria-label={`${action.label}: ${item.title}`}>
        {action.label}
      </Link>
    </Button>
  );
}

function When({ item }: { item: MyInterview }) {
  if (!item.plannedStart) return <span className="text-muted">Time not set</span>;
  return (
    <time dateTime={item.plannedStart} className="interviews-nowrap">
      {formatDateTime(item.plannedStart)}
    </time>
  );
}

const columns: TableColumn<MyInterview>[] = [
  { key: 'status', header: 'Status', cell: (i) => <InterviewStatusChip status={i.status} /> },
  { key: 'title', header: 'Interview', isRowHeader: true, sortValue: (i) => i.title, cell: (i) => i.title },
  { key: 'org', header: 'Organisation', sortValue: (i) => i.orgName, cell: (i) => i.orgName },
  { key: 'role', header: 'Your role', cell: (i) => ROLE_LABELS[i.role] },
  { key: 'when', header: 'Planned', sortValue: (i) => i.plannedStart ?? '', cell: (i) => <When item={i} /> },
  { key: 'open', header: 'Actions', align: 'end', cell: (i) => <EntryButton item={i} isPrimary={false} /> },
];

function MyInterviewsList({ items }: { items: readonly MyInterview[] }) {
  const { next, upcoming, past } = splitMyInterviews(items);
  return (
    <>
      {next ? (
        <Card title="Next" headerEnd={<InterviewStatusChip status={next.status} />}>
          <div className="my-next">
            <div className="my-next__text">
              <p className="my-next__title">{next.title}</p>
              <p className="text-muted">
                {next.orgName} · {ROLE_LABELS[next.role]} · <When item={next} /> ·{' '}
                {formatDuration(next.durationMinutes)}
              </p>
            </div>
            <EntryButton item={next} isPrimary />
          </div>
        </Card>
      ) : null}
      {upcoming.length > 0 ? (
        <section className="interviews-stack" aria-labelledby="my-upcoming">
          <h2 id="my-upcoming" className="interviews-section-title">
            Later
          </h2>
          <Table
            caption="Later interviews"
            isCaptionHidden
            columns={columns}
            rows={upcoming}
            getRowKey={(i) => i.id}
            emptyState=""
          />
        </section>
      ) : null}
      <section className="interviews-stack" aria-labelledby="my-past">
        <h2 id="my-past" className="interviews-section-title">
          Past
        </h2>
        {past.length === 0 ? (
          <p className="text-muted">Nothing here yet. Finished and cancelled interviews appear here.</p>
        ) : (
          <Table
            caption="Past interviews"
            isCaptionHidden
            columns={columns}
            rows={past}
            getRowKey={(i) => i.id}
            emptyState=""
          />
        )}
      </section>
    </>
  );
}
