import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import { Overview, ReportBody } from './report-sections';
import { sharingApi, sharingKeys } from './sharing-api';
import '../scorecards/scorecards.css';
import './reports.css';

/** Saves a Blob under a file name through a temporary object URL. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * /shared/report#<token>: a report shared with someone outside the
 * organisation. Public (no account); the token stays in the fragment and
 * travels only in request bodies.
 */
export function SharedReportPage() {
  const { hash } = useLocation();
  const token = decodeURIComponent(hash.replace(/^#/, ''));
  const query = useQuery({
    queryKey: sharingKeys.shared(token),
    queryFn: () => sharingApi.openShared(token),
    enabled: token.length > 0,
    retry: false,
    staleTime: Infinity,
  });
  const pdf = useMutation({
    mutationFn: () => sharingApi.sharedPdf(token),
    onSuccess: (blob) => saveBlob(blob, 'interview-report.pdf'),
  });

  if (!token) {
    return (
      <ErrorState
        title="This link is incomplete"
        message="The address should end with # and a long code. Copy the whole link from the message you were sent."
      />
    );
  }
  if (query.isPending) {
    return (
      <div className="report-page" aria-busy="true">
        <span className="visually-hidden" role="status">
          Opening the shared report…
        </span>
        <Skeleton width="45%" height="2rem" />
        <Skeleton shape="block" height="8rem" />
        <Skeleton shape="block" height="12rem" />
      </div>
    );
  }
  if (query.isError) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    return (
      <ErrorState
        title={
          status === 410
            ? 'This link no longer works'
            : status === 404
              ? 'This link is not valid'
              : "Couldn't open the report"
        }
        message={describeError(query.error)}
      />
    );
  }
  const { report, sharedBy, sharedAt, expiresAt } = query.data;
  return (
    <div className="report-page">
      <PageHeader
        title={`${report.interview.title} report`}
        description={`Shared${sharedBy ? ` by ${sharedBy}` : ''} on ${formatDateTime(sharedAt)} · read-only · the link expires ${formatDateTime(expiresAt)}`}
      />
      <Alert tone="info" title="A copy as it was shared" className="report-note">
        This is the report as the organisation saw it when they shared it. Later changes do not appear here.
      </Alert>
      <div className="report-actions" role="group" aria-label="Report actions">
        <Button variant="primary" disabled={pdf.isPending} onClick={() => pdf.mutate()}>
          {pdf.isPending ? 'Preparing the PDF…' : 'Download PDF'}
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          Print
        </Button>
        {query.data.includeReplay ? (
          <Button asChild variant="secondary">
            <Link to={`/shared/replay#${token}`}>Watch the replay</Link>
          </Button>
        ) : null}
      </div>
      {pdf.isError ? (
        <Alert tone="danger" title="Couldn't make the PDF">
          {describeError(pdf.error)}
        </Alert>
      ) : null}
      <Overview interview={report.interview} />
      <ReportBody report={report} readOnly />
    </div>
  );
}
