import { VERDICT_LABELS, type Verification } from '@interviewselect/contracts';
import { Alert } from '../../ui/alert';
import { Spinner } from '../../ui/spinner';
import { StatusChip } from '../../ui/status-chip';
import { LANGUAGE_NAMES } from './problem-labels';

/**
 * The publish check: one row per reference solution's language with its
 * passed/total, and on failure which test case failed and how. A live region,
 * so progress and the outcome are announced.
 */
export function VerificationPanel({ verification }: { verification: Verification }) {
  const { status, results, error } = verification;
  return (
    <section className="questions-verification" aria-labelledby="verification-title">
      <div className="questions-row">
        <h2 id="verification-title" className="questions-section-title">
          Verification of version {verification.version}
        </h2>
        {status === 'running' ? (
          <StatusChip tone="info">Running</StatusChip>
        ) : status === 'passed' ? (
          <StatusChip tone="success">Passed — published</StatusChip>
        ) : (
          <StatusChip tone="danger">Failed — not published</StatusChip>
        )}
      </div>
      <div aria-live="polite" className="questions-stack">
        {status === 'running' ? (
          <p className="questions-row questions-muted">
            <Spinner size="sm" /> Running every reference solution against every test case…
          </p>
        ) : null}
        {error ? (
          <Alert title="Verification could not finish" role="status">
            {error}
          </Alert>
        ) : null}
        {results.length > 0 ? (
          <ul className="questions-verification__list">
            {results.map((result) => {
              const ok = result.failures.length === 0 && result.passed === result.total;
              return (
                <li key={result.language} className="questions-verification__item">
                  <div className="questions-row">
                    <strong>{LANGUAGE_NAMES[result.language]}</strong>
                    <StatusChip tone={ok ? 'success' : 'danger'}>{ok ? 'All passed' : 'Failed'}</StatusChip>
                    <span className="questions-muted">
                      {result.passed} of {result.total} test cases passed
                    </span>
                  </div>
                  {result.failures.length > 0 ? (
                    <ul className="questions-issues">
                      {result.failures.map((f) => (
                        <li key={f.testIndex}>
                          Test case {f.testIndex + 1}
                          {f.testName ? ` “${f.testName}”` : ''}: {VERDICT_LABELS[f.verdict]}
                          {f.detail ? <pre className="questions-pre">{f.detail}</pre> : null}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : status !== 'running' && !error ? (
          <p className="questions-muted">No reference solutions were checked.</p>
        ) : null}
      </div>
    </section>
  );
}
