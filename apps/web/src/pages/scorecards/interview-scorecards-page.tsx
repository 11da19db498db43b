import type { InterviewScorecards } from '@interviewselect/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { interviewKeys, interviewsApi } from '../../lib/interviews-api';
import { scorecardKeys, scorecardsApi } from '../../lib/scorecards-api';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import { ReportLink } from '../reports/report-link';
import { StatusChip } from '../../ui/status-chip';
import { ConsolidatedView } from './consolidated-view';
import { ScorecardView } from './scorecard-view';
import './scorecards.css';

const PROGRESS_REFRESH_MS = 30_000;

/** /interviews/:interviewId/scorecards: progress, your own scorecard, and the others' once you may read them. */
export function InterviewScorecardsPage() {
  const { interviewId = '' } = useParams();
  const interview = useQuery({
    queryKey: interviewKeys.detail(interviewId),
    queryFn: ({ signal }) => interviewsApi.get(interviewId, signal),
  });
  const query = useQuery({
    queryKey: scorecardKeys.interview(interviewId),
    queryFn: ({ signal }) => scorecardsApi.forInterview(interviewId, signal),
    // Until the whole panel is in, progress is refreshed now and then.
    refetchInterval: (q) => (q.state.data && !q.state.data.complete ? PROGRESS_REFRESH_MS : false),
  });
  if (query.isPending) {
    return (
      <div className="scorecards-page" aria-busy="true">
        <span className="visually-hidden" role="status">
          Loading scorecards…
        </span>
        <Skeleton width="30%" height="2rem" />
        <Skeleton shape="block" height="10rem" />
      </div>
    );
  }
  if (query.isError) {
    const isRefused = query.error instanceof ApiError && query.error.status === 403;
    return (
      <ErrorState
        headingLevel={1}
        title={isRefused ? 'Scorecards are not yours to see' : "Couldn't load the scorecards"}
        message={describeError(query.error)}
        {...(isRefused ? {} : { onRetry: () => void query.refetch(), isRetrying: query.isFetching })}
        actions={
          <Button asChild variant="ghost">
            <Link to={`/interviews/${interviewId}`}>Back to the interview</Link>
          </Button>
        }
      />
    );
  }
  const data = query.data;
  return (
    <div className="scorecards-page">
      <nav aria-label="Breadcrumb" className="scorecards-breadcrumb">
        <Link to={`/interviews/${interviewId}`}>{interview.data?.title ?? 'Interview'}</Link>
      </nav>
      <PageHeader
        title="Scorecards"
        description={<Progress data={data} />}
        actions={
          <>
            <ReportLink interviewId={interviewId} />
            <MyScorecardAction data={data} interviewId={interviewId} />
          </>
        }
      />
      <PanelList data={data} />
      {data.access === 'submit_own_first' ? (
        <Alert tone="info" role="status" title="Submit yours to see the others">
          Interviewers see each other’s scorecards only after submitting their own, so nobody is anchored by someone
          else’s opinion.
        </Alert>
      ) : null}
      {data.summary ? <ConsolidatedView summary={data.summary} /> : null}
      {data.scorecards.length > 0 ? (
        <div className="scorecards-grid">
          {data.scorecards.map((card) => (
            <ScorecardView key={card.id} card={card} />
          ))}
        </div>
      ) : data.access === 'full' ? (
        <EmptyState
          title="No scorecards submitted yet"
          description="They appear here as the interviewers submit them."
          headingLevel={2}
        />
      ) : null}
    </div>
  );
}

function Progress({ data }: { data: InterviewScorecards }) {
  const { submitted, expected } = data.progress;
  return <span>{data.complete ? 'All scorecards are in' : `${submitted} of ${expected} submitted`}</span>;
}

function MyScorecardAction({ data, interviewId }: { data: InterviewScorecards; interviewId: string }) {
  if (!data.me.onPanel || (!data.me.canOpen && !data.me.scorecardId)) return null;
  const label =
    data.me.status === 'submitted'
      ? 'View your scorecard'
      : data.me.status === 'draft'
        ? 'Continue your scorecard'
        : 'Write your scorecard';
  return (
    <Button asChild variant={data.me.status === 'submitted' ? 'secondary' : 'primary'}>
      <Link to={`/interviews/${interviewId}/scorecard`}>{label}</Link>
    </Button>
  );
}

function PanelList({ data }: { data: InterviewScorecards }) {
  return (
    <Card title="Panel">
      <ul className="scorecard-panel">
        {data.panel.map((p) => (
          <li key={p.userId} className="scorecard-panel__item">
            <span>
              {p.name}
              {p.isMe ? ' (you)' : ''}
            </span>
            <StatusChip tone={p.status === 'submitted' ? 'success' : 'neutral'}>
              {p.status === 'submitted' ? 'Submitted' : 'Pending'}
            </StatusChip>
          </li>
        ))}
      </ul>
    </Card>
  );
}
