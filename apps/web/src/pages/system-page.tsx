import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../lib/describe-error';
import { formatTime } from '../lib/format-date';
import { readinessQuery, systemInfoQuery } from '../lib/system-queries';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { ErrorState } from '../ui/error-state';
import { RefreshIcon } from '../ui/icons';
import { PageHeader } from '../ui/page-header';
import { Skeleton } from '../ui/skeleton';
import { DeploymentCard } from './deployment-card';
import { ReadinessChecksTable } from './readiness-checks-table';
import { ReadinessSummary } from './readiness-summary';
import './system-page.css';

export const READINESS_REFRESH_MS = 10_000;

export function SystemPage() {
  const readiness = useQuery({ ...readinessQuery, refetchInterval: READINESS_REFRESH_MS });
  const info = useQuery(systemInfoQuery);
  const [isRefreshing, setIsRefreshing] = useState(false);

  // Only a Refresh the user asked for shows a spinner; the 10 s poll stays quiet.
  async function refresh() {
    setIsRefreshing(true);
    try {
      await Promise.all([readiness.refetch(), info.refetch()]);
    } finally {
      setIsRefreshing(false);
    }
  }

  return (
    <div className="system-page">
      <PageHeader
        title="System status"
        description="Health of the server you are connected to. Checks refresh every 10 seconds."
        actions={
          <Button variant="primary" onClick={() => void refresh()} isLoading={isRefreshing}>
            {isRefreshing ? null : <RefreshIcon width={16} height={16} />}
            Refresh
          </Button>
        }
      />

      {readiness.isPending ? (
        <ReadinessSkeleton />
      ) : readiness.isError && !readiness.data ? (
        <Card>
          <ErrorState
            title="Couldn't check readiness"
            message={describeError(readiness.error)}
            onRetry={() => void refresh()}
            isRetrying={isRefreshing}
          />
        </Card>
      ) : (
        <>
          {readiness.isError ? (
            <Alert tone="warning" role="status" title="Couldn't reach the server">
              Showing the result from {formatTime(readiness.dataUpdatedAt)}. {describeError(readiness.error)} Trying
              again every 10 seconds.
            </Alert>
          ) : null}
          <ReadinessSummary readiness={readiness.data} checkedAt={readiness.dataUpdatedAt} />
          <ReadinessChecksTable checks={readiness.data.checks} />
        </>
      )}

      <DeploymentCard />
    </div>
  );
}

function ReadinessSkeleton() {
  return (
    <div className="system-page__skeleton" aria-busy="true">
      <span className="visually-hidden" role="status">
        Checking readiness…
      </span>
      <Skeleton shape="block" height="5.5rem" />
      <Skeleton shape="block" height="10rem" />
    </div>
  );
}
