import type { Interview } from '@interviewselect/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { interviewKeys, interviewsApi } from '../../lib/interviews-api';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import { ReportLink } from '../reports/report-link';
import { ScorecardsLink } from '../scorecards/scorecards-link';
import { InterviewStatusChip } from './interview-status';
import { InterviewSummary, QuestionsList } from './interview-summary';
import { InviteLinksSection } from './invite-links-section';
import { LifecycleActions } from './lifecycle-actions';
import { TransitionsHistory } from './transitions-history';
import './interviews.css';

/** While live, the page refreshes itself now and then, so a status changed elsewhere shows up. */
const LIVE_REFRESH_MS = 15_000;

export function useInterview(interviewId: string) {
  return useQuery({
    queryKey: interviewKeys.detail(interviewId),
    queryFn: ({ signal }) => interviewsApi.get(interviewId, signal),
    refetchInterval: (query) =>
      query.state.data?.status === 'live' || query.state.data?.status === 'paused' ? LIVE_REFRESH_MS : false,
  });
}

/** /interviews/:interviewId: everything about one interview, and what the caller may do with it. */
export function InterviewDetailPage() {
  const { interviewId = '' } = useParams();
  const query = useInterview(interviewId);
  if (query.isPending) return <DetailSkeleton />;
  if (query.isError) {
    const isMissing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <ErrorState
        headingLevel={1}
        title={isMissing ? 'Interview not found' : "Couldn't load the interview"}
        message={
          isMissing
            ? 'It may have been deleted, or it belongs to an organisation you are not in right now. Check the organisation switcher.'
            : describeError(query.error)
        }
        onRetry={isMissing ? undefined : () => void query.refetch()}
        isRetrying={query.isFetching}
        actions={
          <Button asChild variant="ghost">
            <Link to="/interviews">All interviews</Link>
          </Button>
        }
      />
    );
  }
  return <InterviewDetail interview={query.data} />;
}

function InterviewDetail({ interview }: { interview: Interview }) {
  const canOpenRoom = interview.status !== 'cancelled';
  return (
    <div className="interviews-page">
      <nav aria-label="Breadcrumb" className="interviews-breadcrumb">
        <Link to="/interviews">Interviews</Link>
      </nav>
      <PageHeader
        title={interview.title}
        description={
          <span className="interviews-header-status">
            <InterviewStatusChip status={interview.status} />
            <span>with {interview.candidate.name}</span>
          </span>
        }
        actions={
          <>
            <LifecycleActions interview={interview} />
            <ScorecardsLink interview={interview} />
            <ReportLink interviewId={interview.id} />
            <Button asChild variant="ghost">
              <Link to={`/interviews/${interview.id}/replay`}>Replay</Link>
            </Button>
            {canOpenRoom ? (
              <Button asChild variant={interview.status === 'live' ? 'primary' : 'secondary'}>
                <Link to={`/interviews/${interview.id}/room`}>Open room</Link>
              </Button>
            ) : null}
            {interview.can.edit ? (
              <Button asChild variant="ghost">
                <Link to={`/interviews/${interview.id}/edit`}>Edit</Link>
              </Button>
            ) : null}
            {interview.can.manageLinks && ['draft', 'scheduled'].includes(interview.status) ? (
              <Button asChild variant="secondary">
                <Link to={`/interviews/${interview.id}/schedule`}>Schedule</Link>
              </Button>
            ) : null}
          </>
        }
      />
      <div className="interviews-detail">
        <div className="interviews-stack">
          <Card title="Summary">
            <InterviewSummary interview={interview} />
          </Card>
          <Card title="Questions">
            <QuestionsList interview={interview} />
          </Card>
          {interview.can.manageLinks ? <InviteLinksSection interview={interview} /> : null}
        </div>
        <Card title="History" className="interviews-detail__aside">
          <TransitionsHistory transitions={interview.transitions} />
        </Card>
      </div>
    </div>
  );
}

function DetailSkeleton() {
  return (
    <div className="interviews-page" aria-busy="true">
      <span className="visually-hidden" role="status">
        Loading the interview…
      </span>
      <Skeleton width="40%" height="2rem" />
      <Skeleton width="25%" />
      <div className="interviews-detail">
        <div className="interviews-stack">
          <Skeleton shape="block" height="12rem" />
          <Skeleton shape="block" height="8rem" />
        </div>
        <Skeleton shape="block" height="10rem" />
      </div>
    </div>
  );
}
