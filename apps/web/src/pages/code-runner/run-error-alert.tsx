import { useEffect, useState } from 'react';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { Alert } from '../../ui/alert';

function titleFor(error: unknown): string {
  if (!(error instanceof ApiError)) return "Couldn't run your code";
  if (error.status === 429) return 'Too many runs at once';
  if (error.status === 503) return 'The sandbox is busy';
  if (error.status === 400 || error.status === 422) return 'The run was not accepted';
  if (error.status === 401) return 'Your session has ended';
  return "Couldn't run your code";
}

/**
 * A request that failed before there was a verdict: the server's own words,
 * any field issues, and for 429/503 a countdown from Retry-After. Screen
 * readers hear the wait once; the ticking number is for the eyes only.
 */
export interface RunErrorAlertProps {
  error: unknown;
  /** When the request failed (epoch ms): the Retry-After countdown starts there. Use it as the key too. */
  failedAt: number;
}

export function RunErrorAlert({ error, failedAt }: RunErrorAlertProps) {
  const apiError = error instanceof ApiError ? error : null;
  const waitSeconds = apiError?.retryAfterSeconds;
  const remaining = useCountdown(failedAt, waitSeconds);
  return (
    <Alert title={titleFor(error)}>
      <p>{describeError(error)}</p>
      {apiError && apiError.issues.length > 0 ? (
        <ul className="run-error__issues">
          {apiError.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path ? <code>{issue.path}</code> : null} {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      {waitSeconds !== undefined ? (
        <p className="run-error__wait">
          <span className="visually-hidden">You can try again in {waitSeconds} seconds.</span>
          <span aria-hidden="true">
            {remaining > 0 ? `You can try again in ${remaining} s.` : 'You can try again now.'}
          </span>
        </p>
      ) : null}
    </Alert>
  );
}

/** Whole seconds left until `seconds` after `since` (epoch ms). */
function useCountdown(since: number, seconds: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  const remaining = seconds === undefined ? 0 : Math.max(0, Math.ceil((since + seconds * 1000 - now) / 1000));
  useEffect(() => {
    if (remaining <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [remaining]);
  return remaining;
}
