import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { CodeBlock } from '../../ui/code-highlight';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import { languageName } from '../questions/problem-labels';
import { sharingApi, sharingKeys } from './sharing-api';
import './sharing.css';
import './reports.css';

/** /me/interviews/:interviewId/feedback: what the organisation released to the candidate, nothing else. */
export function CandidateFeedbackPage() {
  const { interviewId = '' } = useParams();
  const query = useQuery({
    queryKey: sharingKeys.myFeedback(interviewId),
    queryFn: ({ signal }) => sharingApi.myFeedback(interviewId, signal),
  });
  const back = (
    <Button asChild variant="ghost">
      <Link to="/me/interviews">My interviews</Link>
    </Button>
  );
  if (query.isPending) {
    return (
      <div className="report-page" aria-busy="true">
        <span className="visually-hidden" role="status">
          Loading your feedback…
        </span>
        <Skeleton width="45%" height="2rem" />
        <Skeleton shape="block" height="8rem" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <ErrorState
        title="Couldn't load your feedback"
        message={describeError(query.error)}
        onRetry={() => void query.refetch()}
        isRetrying={query.isFetching}
        actions={back}
      />
    );
  }
  const feedback = query.data;
  return (
    <div className="report-page">
      <PageHeader
        title={`Feedback: ${feedback.title}`}
        description={
          feedback.releasedAt
            ? `From ${feedback.orgName}, released ${formatDateTime(feedback.releasedAt)}`
            : `From ${feedback.orgName}`
        }
        actions={back}
      />
      {!feedback.released ? (
        <EmptyState
          headingLevel={2}
          title="Nothing released yet"
          description={`${feedback.orgName} has not shared feedback on this interview with you. It appears here when they do.`}
        />
      ) : (
        <>
          <Card title="Feedback" aria-label="Feedback" className="report-section">
            {feedback.feedback ? (
              <p className="report-feedback">{feedback.feedback}</p>
            ) : (
              <p className="text-muted">No written feedback.</p>
            )}
          </Card>
          {feedback.code ? (
            <Card title="Your final code" aria-label="Your final code" className="report-section">
              {feedback.code.length === 0 ? (
                <p className="text-muted">The editor was empty at the end.</p>
              ) : (
                feedback.code.map((file) => (
                  <section key={file.language} aria-label={languageName(file.language)}>
                    <h3 className="report-question__title">{languageName(file.language)}</h3>
                    <CodeBlock
                      code={file.code}
                      lang={file.language}
                      label={`Your ${languageName(file.language)} code`}
                    />
                  </section>
                ))
              )}
            </Card>
          ) : null}
          {feedback.solutions ? (
            <Card title="Reference solutions" aria-label="Reference solutions" className="report-section">
              {feedback.solutions.length === 0 ? (
                <p className="text-muted">
                  No question-bank questions were asked, so there are no reference solutions.
                </p>
              ) : (
                feedback.solutions.map((q) => (
                  <section key={q.position} aria-label={q.title}>
                    <h3 className="report-question__title">
                      {q.position}. {q.title}
                    </h3>
                    {Object.entries(q.referenceSolutions).map(([language, code]) => (
                      <div key={language}>
                        <p className="text-muted">{languageName(language)}</p>
                        <CodeBlock
                          code={code}
                          lang={language}
                          label={`Reference solution in ${languageName(language)}`}
                        />
                      </div>
                    ))}
                  </section>
                ))
              )}
            </Card>
          ) : null}
        </>
      )}
    </div>
  );
}
