import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { ProblemSummary } from '@interviewselect/contracts';
import { describeError } from '../../lib/describe-error';
import { questionKeys, questionsApi } from '../../lib/questions-api';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import { useToast } from '../../ui/toast';
import { draftFromPackage, emptyDraft } from './editor-draft';
import { ProblemForm } from './problem-form';
import { useActiveOrg } from './use-active-org';
import '../interviews/interviews.css';
import './questions.css';

function useAfterSave(message: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { toast } = useToast();
  return (problem: ProblemSummary) => {
    void queryClient.invalidateQueries({ queryKey: questionKeys.all });
    toast({ title: message, description: problem.title, tone: 'success' });
    void navigate(`/questions/${problem.id}`);
  };
}

/** /questions/new: a draft in the active organisation. */
export function NewProblemPage() {
  const org = useActiveOrg();
  const onSaved = useAfterSave('Draft created');
  return (
    <div className="questions-page">
      <p className="questions-breadcrumb">
        <Link to="/questions">Question bank</Link>
      </p>
      <PageHeader
        title="New problem"
        description="Saved as a draft. Publishing later runs every reference solution against every test case."
      />
      {org?.canAuthor ? (
        <ProblemForm
          initial={emptyDraft()}
          submitLabel="Create draft"
          onSubmit={(pkg) => questionsApi.create({ orgId: org.orgId, package: pkg })}
          onSaved={onSaved}
          cancel={
            <Button asChild variant="ghost">
              <Link to="/questions">Cancel</Link>
            </Button>
          }
        />
      ) : (
        <EmptyState
          headingLevel={2}
          title={org ? 'Viewers cannot write problems' : 'Choose an organisation first'}
          description={
            org
              ? 'Ask an admin of your organisation for the interviewer role.'
              : 'Problems you write belong to an organisation. Create or pick one, then come back.'
          }
          action={
            <Button asChild variant="primary">
              <Link to={org ? '/questions' : '/orgs'}>{org ? 'Back to the question bank' : 'Go to organisations'}</Link>
            </Button>
          }
        />
      )}
    </div>
  );
}

/** /questions/:problemId/edit: edits the working draft (a published problem gets a new version on publish). */
export function EditProblemPage() {
  const { problemId = '' } = useParams();
  const detail = useQuery({
    queryKey: questionKeys.detail(problemId),
    queryFn: ({ signal }) => questionsApi.get(problemId, signal),
  });
  const onSaved = useAfterSave('Draft saved');
  const title = detail.data ? `Edit ${detail.data.title}` : 'Edit problem';
  return (
    <div className="questions-page">
      <p className="questions-breadcrumb">
        <Link to={`/questions/${problemId}`}>Back to the problem</Link>
      </p>
      <PageHeader
        title={title}
        description={
          detail.data?.status === 'published'
            ? 'Edits go into a draft; the published version stays as it is until you publish again.'
            : 'Saved as a draft.'
        }
      />
      {detail.isPending ? (
        <div aria-busy="true" className="questions-stack">
          <span className="visually-hidden" role="status">
            Loading the problem…
          </span>
          <Skeleton shape="block" height="12rem" />
          <Skeleton shape="block" height="20rem" />
        </div>
      ) : detail.isError ? (
        <ErrorState
          title="Couldn't load the problem"
          message={describeError(detail.error)}
          onRetry={() => void detail.refetch()}
          isRetrying={detail.isFetching}
        />
      ) : !detail.data.can.edit ? (
        <EmptyState
          headingLevel={2}
          title="You can't edit this problem"
          description={
            detail.data.owner.kind === 'public'
              ? 'Public library problems are read-only. Duplicate it into your organisation to change it.'
              : 'Only interviewers and admins of its organisation edit it.'
          }
          action={
            <Button asChild variant="primary">
              <Link to={`/questions/${problemId}`}>Back to the problem</Link>
            </Button>
          }
        />
      ) : (
        <ProblemForm
          initial={draftFromPackage(detail.data.draft?.package ?? detail.data.package)}
          submitLabel="Save draft"
          onSubmit={(pkg) => questionsApi.saveDraft(problemId, pkg)}
          onSaved={onSaved}
          cancel={
            <Button asChild variant="ghost">
              <Link to={`/questions/${problemId}`}>Cancel</Link>
            </Button>
          }
        />
      )}
    </div>
  );
}
