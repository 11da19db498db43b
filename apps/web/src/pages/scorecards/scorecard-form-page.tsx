import type { Scorecard } from '@interviewselect/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { interviewKeys, interviewsApi } from '../../lib/interviews-api';
import { scorecardKeys, scorecardsApi } from '../../lib/scorecards-api';
import { Button } from '../../ui/button';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import { useToast } from '../../ui/toast';
import { ScorecardForm } from './scorecard-form';
import { ScorecardView } from './scorecard-view';
import './scorecards.css';

/** /interviews/:interviewId/scorecard: the caller's own scorecard (opened on first visit), or what they submitted. */
export function ScorecardFormPage() {
  const { interviewId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const interview = useQuery({
    queryKey: interviewKeys.detail(interviewId),
    queryFn: ({ signal }) => interviewsApi.get(interviewId, signal),
  });
  // Opening is idempotent (201 once, then 200), so it may run as a query; never refetched behind the form's back.
  const mine = useQuery({
    queryKey: scorecardKeys.mine(interviewId),
    queryFn: () => scorecardsApi.open(interviewId),
    staleTime: Infinity,
    // Dropped when the page closes: coming back must load the latest revision, not a cached one.
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const back = `/interviews/${interviewId}/scorecards`;

  if (mine.isPending) return <FormSkeleton />;
  if (mine.isError) {
    const code = mine.error instanceof ApiError ? mine.error.code : null;
    const isRefused = code === 'auth.forbidden' || code === 'scorecard.not_open' || code === 'resource.not_found';
    return (
      <ErrorState
        headingLevel={1}
        title={isRefused ? 'No scorecard for you here' : "Couldn't open your scorecard"}
        message={describeError(mine.error)}
        {...(isRefused ? {} : { onRetry: () => void mine.refetch(), isRetrying: mine.isFetching })}
        actions={
          <Button asChild variant="ghost">
            <Link to={`/interviews/${interviewId}`}>Back to the interview</Link>
          </Button>
        }
      />
    );
  }

  const card = mine.data;
  const onSubmitted = (submitted: Scorecard) => {
    queryClient.setQueryData(scorecardKeys.mine(interviewId), submitted);
    void queryClient.invalidateQueries({ queryKey: scorecardKeys.interview(interviewId) });
    toast({ title: 'Scorecard submitted', tone: 'success' });
    void navigate(back);
  };
  return (
    <div className="scorecards-page">
      <nav aria-label="Breadcrumb" className="scorecards-breadcrumb">
        <Link to={`/interviews/${interviewId}`}>{interview.data?.title ?? 'Interview'}</Link> ·{' '}
        <Link to={back}>All scorecards</Link>
      </nav>
      <PageHeader
        title="Your scorecard"
        description={
          interview.data ? `${interview.data.title} with ${interview.data.candidate.name}` : 'Loading the interview…'
        }
      />
      {card.status === 'submitted' ? (
        <ScorecardView card={card} />
      ) : (
        <ScorecardForm
          // A reload after a conflict brings a new revision: the form starts over from it.
          key={card.revision}
          card={card}
          onReload={() => void mine.refetch()}
          onSubmitted={onSubmitted}
        />
      )}
    </div>
  );
}

function FormSkeleton() {
  return (
    <div className="scorecards-page" aria-busy="true">
      <span className="visually-hidden" role="status">
        Opening your scorecard…
      </span>
      <Skeleton width="30%" height="2rem" />
      <Skeleton shape="block" height="14rem" />
      <Skeleton shape="block" height="20rem" />
    </div>
  );
}
