import type { Readiness } from '@interviewselect/contracts';
import { formatTime } from '../lib/format-date';
import { Card } from '../ui/card';
import { StatusChip } from '../ui/status-chip';

function describeChecks(checks: Readiness['checks']): string {
  const failing = checks.filter((c) => !c.ok).length;
  if (checks.length === 0) return 'No checks reported';
  if (failing === 0) return checks.length === 1 ? 'The only check is passing' : `All ${checks.length} checks passing`;
  return `${failing} of ${checks.length} ${checks.length === 1 ? 'check' : 'checks'} failing`;
}

export function ReadinessSummary({ readiness, checkedAt }: { readiness: Readiness; checkedAt: number }) {
  const isReady = readiness.status === 'ready';
  const checkedAtDate = new Date(checkedAt);
  return (
    <Card className="readiness-summary">
      <div className="readiness-summary__row">
        {/* Announced when it changes, not on every 10 s poll: the text only changes with the status. */}
        <div className="readiness-summary__status" aria-live="polite">
          <StatusChip tone={isReady ? 'success' : 'danger'}>{isReady ? 'Ready' : 'Not ready'}</StatusChip>
          <span className="readiness-summary__headline">{describeChecks(readiness.checks)}</span>
        </div>
        <p className="readiness-summary__checked">
          Last checked <time dateTime={checkedAtDate.toISOString()}>{formatTime(checkedAtDate)}</time>
        </p>
      </div>
      <p className="readiness-summary__hint">
        {isReady
          ? 'This server can take traffic: its database is reachable and every migration is applied.'
          : 'Load balancers stop sending traffic to this server until every check passes.'}
      </p>
    </Card>
  );
}
