import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError } from '../../lib/describe-error';
import { interviewKeys, interviewsApi } from '../../lib/interviews-api';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/button';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { useToast } from '../../ui/toast';
import { FormSkeleton } from './form-skeleton';
import { useInterview } from './interview-detail-page';
import { InterviewForm } from './interview-form';
import { checkUpdate, fixedInterviewerOf, formValuesFrom } from './interview-form-values';
import { STATUS_LABELS } from './interview-status';
import { useInterviewFormData } from './use-form-data';
import './interviews.css';

/** /interviews/:interviewId/edit: the create form, filled in; only while draft or scheduled. */
export function EditInterviewPage() {
  const { interviewId = '' } = useParams();
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const query = useInterview(interviewId);
  const data = useInterviewFormData(query.data?.orgId);
  const back = `/interviews/${interviewId}`;
  const header = <PageHeader title={query.data ? `Edit ${query.data.title}` : 'Edit interview'} />;

  if (!user || query.isPending || (query.isSuccess && query.data.can.edit && data.isPending)) {
    return (
      <div className="interviews-page interviews-page--narrow">
        {header}
        <FormSkeleton label="Loading the interview…" />
      </div>
    );
  }
  const error = query.error ?? data.members.error;
  if (error) {
    return (
      <div className="interviews-page interviews-page--narrow">
        {header}
        <ErrorState
          title="Couldn't load the interview"
          message={describeError(error)}
          onRetry={() => void (query.isError ? query.refetch() : data.members.refetch())}
        />
      </div>
    );
  }
  const interview = query.data;
  if (!interview) return header;
  if (!interview.can.edit) {
    return (
      <div className="interviews-page interviews-page--narrow">
        {header}
        <ErrorState
          title="This interview can't be edited"
          message={`It is ${STATUS_LABELS[interview.status].toLowerCase()}. Only draft and scheduled interviews can be changed, by their interviewers or the organisation's managers.`}
          actions={
            <Button asChild variant="secondary">
              <Link to={back}>Back to the interview</Link>
            </Button>
          }
        />
      </div>
    );
  }
  const fixed = fixedInterviewerOf(interview, user.id);
  return (
    <div className="interviews-page interviews-page--narrow">
      {header}
      <InterviewForm
        orgId={interview.orgId}
        initial={formValuesFrom(interview, fixed.userId)}
        members={data.members.data ?? []}
        languages={data.languages}
        fixedInterviewer={fixed}
        check={checkUpdate}
        submit={(input) => interviewsApi.update(interview.id, input)}
        onSuccess={(updated) => {
          queryClient.setQueryData(interviewKeys.detail(updated.id), updated);
          void queryClient.invalidateQueries({ queryKey: interviewKeys.lists });
          toast({ title: 'Changes saved', tone: 'success' });
          void navigate(back);
        }}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        errorTitle="Couldn't save the changes"
        onCancel={() => void navigate(back)}
      />
    </div>
  );
}
