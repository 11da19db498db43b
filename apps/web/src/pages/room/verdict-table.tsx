import type { TestResult } from '@interviewselect/contracts';
import type { ReactNode } from 'react';
import '../../ui/table.css';
import { formatDuration, formatMemory } from '../code-runner/format-figures';
import { VerdictBadge } from '../code-runner/verdict-badge';

export interface VerdictRow {
  key: number;
  /** The row header: the test's name or number (and anything to open under it). */
  label: ReactNode;
  /** Absent until the test has run. */
  result: TestResult | undefined;
}

/** One row per test: verdict, time and memory, in a keyboard-scrollable region named by `labelledBy`. */
export function VerdictTable({
  labelledBy,
  rows,
  className,
}: {
  labelledBy: string;
  rows: readonly VerdictRow[];
  className?: string;
}) {
  return (
    <div className="ui-table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className={className ? `ui-table ${className}` : 'ui-table'}>
        <thead>
          <tr>
            <th scope="col">Test</th>
            <th scope="col">Verdict</th>
            <th scope="col">Time</th>
            <th scope="col">Memory</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, result }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>{result ? <VerdictBadge verdict={result.verdict} /> : <span className="text-muted">—</span>}</td>
              <td>{result ? formatDuration(result.wallMs) : ''}</td>
              <td>{result ? formatMemory(result.memoryKb) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
