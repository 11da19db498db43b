import type { SystemInfo } from '@interviewselect/contracts';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../lib/describe-error';
import { formatDateTime } from '../lib/format-date';
import { systemInfoQuery } from '../lib/system-queries';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { ErrorState } from '../ui/error-state';
import { Skeleton } from '../ui/skeleton';
import './deployment-card.css';

const DATABASE_LABEL: Record<SystemInfo['database'], string> = {
  pglite: 'PGlite (embedded)',
  postgres: 'PostgreSQL',
};

const QUEUE_LABEL: Record<SystemInfo['queue'], string> = {
  postgres: 'PostgreSQL table',
  bullmq: 'BullMQ on Redis',
};

const numberFormat = new Intl.NumberFormat();

function describeFacts(info: SystemInfo): [term: string, value: string][] {
  return [
    ['Version', info.version],
    ['Runtime', `Node.js ${info.nodeVersion}`],
    ['Database', DATABASE_LABEL[info.database]],
    ['Job queue', QUEUE_LABEL[info.queue]],
    ['Running since', formatDateTime(info.startedAt)],
    ['Users', numberFormat.format(info.stats.users)],
    ['Organisations', numberFormat.format(info.stats.orgs)],
  ];
}

/** Public facts about the server this page came from: GET /api/v1/system. */
export function DeploymentCard({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const query = useQuery(systemInfoQuery);
  const mode = query.data ? (query.data.database === 'pglite' ? 'Embedded' : 'External services') : null;

  return (
    <Card
      title="Deployment"
      headingLevel={headingLevel}
      headerEnd={mode ? <Badge tone={mode === 'Embedded' ? 'neutral' : 'info'}>{mode}</Badge> : null}
      className="deployment-card"
      aria-busy={query.isPending || undefined}
    >
      {query.isPending ? (
        <DeploymentSkeleton />
      ) : query.isError ? (
        <ErrorState
          title="Couldn't load deployment details"
          message={describeError(query.error)}
          onRetry={() => void query.refetch()}
          isRetrying={query.isFetching}
        />
      ) : (
        <dl className="deployment-card__facts">
          {describeFacts(query.data).map(([term, value]) => (
            <div key={term} className="deployment-card__fact">
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}

function DeploymentSkeleton() {
  return (
    <div className="deployment-card__facts">
      <span className="visually-hidden" role="status">
        Loading deployment details…
      </span>
      {Array.from({ length: 7 }, (_, i) => (
        <div key={i} className="deployment-card__fact">
          <Skeleton width="5rem" />
          <Skeleton width={i % 2 === 0 ? '9rem' : '6rem'} />
        </div>
      ))}
    </div>
  );
}
