import { type InterviewReport } from '@interviewselect/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { Button } from '../../ui/button';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import { reportKeys, reportsApi } from './reports-api';
import { RecordingSection } from './recording-section';
import { SharingSection } from './sharing-section';
import { Overview, ReportActions, ReportBody, When } from './report-sections';
import '../scorecards/scorecards.css';
import './reports.css';

type Report = InterviewReport;

/** /interviews/:interviewId/report: everything that happened in one interview, on one printable page. */
export function InterviewReportPage() {
  const { interviewId = '' } = useParams();
  const query = useQuery({
    queryKey: reportKeys.interview(interviewId),
    queryFn: ({ signal }) => reportsApi.get(interviewId, signal),
  });
  if (query.isPending) return <ReportSkeleton />;
  if (query.isError) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    const title =
      status === 403
        ? 'This report is not yours to see'
        : status === 404
          ? 'Interview not found'
          : "Couldn't load the report";
    const isFinal = status === 403 || status === 404;
    return (
      <ErrorState
        headingLevel={1}
        title={title}
        message={describeError(query.error)}
        {...(isFinal ? {} : { onRetry: () => void query.refetch(), isRetrying: query.isFetching })}
        actions={
          <Button asChild variant="ghost">
            <Link to={`/interviews/${interviewId}`}>Back to the interview</Link>
          </Button>
        }
      />
    );
  }
  return <ReportView report={query.data} />;
}

function ReportSkeleton() {
  return (
    <div className="report-page" aria-busy="true">
      <span className="visually-hidden" role="status">
        Loading the report…
      </span>
      <Skeleton width="45%" height="2rem" />
      <Skeleton width="25%" />
      <Skeleton shape="block" height="8rem" />
      <Skeleton shape="block" height="6rem" />
      <Skeleton shape="block" height="12rem" />
    </div>
  );
}

function ReportView({ report }: { report: Report }) {
  const { interview } = report;
  return (
    <div className="report-page">
      <nav aria-label="Breadcrumb" className="report-breadcrumb">
        <Link to={`/interviews/${interview.id}`}>{interview.title}</Link>
      </nav>
      <PageHeader
        title={`${interview.title} report`}
        description={
          <>
            Generated <When iso={report.generatedAt} />
          </>
        }
      />
      <Overview interview={interview} />
      <ReportActions interviewId={interview.id} />
      <ReportBody report={report} />
      <RecordingSection interviewId={interview.id} />
      <SharingSection interviewId={interview.id} status={interview.status} />
    </div>
  );
}

/** A titled card that is also a named region, so each part of the report is a landmark. */
