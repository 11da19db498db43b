import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { describeError } from '../../lib/describe-error';
import { interviewKeys, interviewsApi } from '../../lib/interviews-api';
import { useSession } from '../../lib/session';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { useToast } from '../../ui/toast';
import { activeOrgOf, canCreateInterviews } from './active-org';
import { FormSkeleton } from './form-skeleton';
import { InterviewForm } from './interview-form';
import { checkCreate, emptyFormValues } from './interview-form-values';
import { NoOrgState } from './no-org-state';
import { useInterviewFormData } from './use-form-data';
import './interviews.css';

/** /interviews/new: an interview in the active organisation; after saving, its page (links, start). */
export function NewInterviewPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const active = user ? activeOrgOf(user) : null;
  const orgId = active?.kind === 'org' ? active.membership.orgId : undefined;
  const data = useInterviewFormData(orgId);

  const header = (
    <PageHeader
      title="New interview"
      description={
        active?.kind === 'org'
          ? `In ${active.membership.orgName}. It starts as a draft: schedule it and send the invite links from its page.`
          : undefined
      }
    />
  );
  if (!user || !active) return header;
  if (active.kind !== 'org') {
    return (
      <div className="interviews-page">
        {header}
        <NoOrgState state={active.kind} />
      </div>
    );
  }
  const { membership } = active;
  return (
    <div className="interviews-page interviews-page--narrow">
      {header}
      {!canCreateInterviews(membership) ? (
        <ErrorState
          title="Viewers can't create interviews"
          message={`Ask an owner or admin of ${membership.orgName} for the interviewer or recruiter role.`}
        />
      ) : data.isPending ? (
        <FormSkeleton label="Loading the form…" />
      ) : data.members.isError ? (
        <ErrorState
          title="Couldn't load your colleagues"
          message={describeError(data.members.error)}
          onRetry={() => void data.members.refetch()}
          isRetrying={data.members.isFetching}
        />
      ) : (
        <InterviewForm
          orgId={membership.orgId}
          initial={emptyFormValues()}
          members={data.members.data ?? []}
          languages={data.languages}
          fixedInterviewer={{ userId: user.id, sentence: 'You are' }}
          check={(values) => checkCreate(membership.orgId, values)}
          submit={interviewsApi.create}
          onSuccess={(interview) => {
            queryClient.setQueryData(interviewKeys.detail(interview.id), interview);
            void queryClient.invalidateQueries({ queryKey: interviewKeys.lists });
            void queryClient.invalidateQueries({ queryKey: interviewKeys.mine });
            toast({ title: 'Interview created', description: interview.title, tone: 'success' });
            void navigate(`/interviews/${interview.id}`);
          }}
          submitLabel="Create interview"
          pendingLabel="Creating…"
          errorTitle="Couldn't create the interview"
          onCancel={() => void navigate('/interviews')}
        />
      )}
    </div>
  );
}
