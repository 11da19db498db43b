import type { CandidateProblemView, TestResult } from '@interviewselect/contracts';
import { useId } from 'react';
import { Spinner } from '../../ui/spinner';
import { StatusChip } from '../../ui/status-chip';
import { DiffView } from '../code-runner/diff-view';
import { countPassed, type ExecutionView } from '../code-runner/execution-view';
import { progressLabel } from '../code-runner/progress-label';
import { JudgedRunAlerts, StopOnFirstFailure } from '../code-runner/tests-panel';
import type { ExecutionRun } from '../code-runner/use-execution';
import { VerdictTable } from './verdict-table';

export interface ProblemTestsPanelProps {
  problem: CandidateProblemView;
  /** The latest judged run shown (this browser's own, or someone else's from the shared console). */
  run: ExecutionRun;
  /** Who ran it, when it is someone else's run. */
  by: string | null;
  isStopOnFirstFailure: boolean;
  onStopOnFirstFailureChange: (value: boolean) => void;
}

/**
 * The Tests tab when the question on screen comes from the question bank: its
 * visible tests (Test) and, after Submit, the hidden ones' verdicts too — their
 * inputs and outputs never reach the browser.
 */
export function ProblemTestsPanel({
  problem,
  run,
  by,
  isStopOnFirstFailure,
  onStopOnFirstFailureChange,
}: ProblemTestsPanelProps) {
  const captionId = useId();
  const { view, isRunning } = run;
  const results = new Map((view?.tests ?? []).map((t) => [t.ordinal, t]));
  const rows = rowsOf(problem, view);
  return (
    <div className="tests-panel">
      <div className="tests-panel__bar">
        <h2 className="tests-panel__title" id={captionId}>
          Question tests
        </h2>
        <span className="text-muted">
          {problem.tests.length} visible{problem.hiddenTestCount > 0 ? `, ${problem.hiddenTestCount} hidden` : ''}
          {problem.hiddenTestCount > 0 ? ' — Submit runs all of them' : ''}
        </span>
        <Summary view={view} isRunning={isRunning} by={by} />
        <StopOnFirstFailure value={isStopOnFirstFailure} onChange={onStopOnFirstFailureChange} />
      </div>
      <JudgedRunAlerts run={run} />
      <VerdictTable
        labelledBy={captionId}
        className="room-problem-tests"
        rows={rows.map((row) => ({
          key: row.ordinal,
          label: (
            <>
              {row.label}
              {row.visible ? <TestDetails test={row.visible} result={results.get(row.ordinal)} /> : null}
            </>
          ),
          result: results.get(row.ordinal),
        }))}
      />
    </div>
  );
}

interface Row {
  ordinal: number;
  label: string;
  visible: CandidateProblemView['tests'][number] | null;
}

/**
 * One row per visible test before anything ran; after a run, one row per
 * result (a submit numbers hidden tests among the visible ones, by their
 * place in the problem).
 */
function rowsOf(problem: CandidateProblemView, view: ExecutionView | null): Row[] {
  const tests = view?.tests ?? [];
  if (!view || (tests.length === 0 && view.mode === 'test')) {
    return problem.tests.map((t, i) => ({ ordinal: i, label: t.name || `Test ${i + 1}`, visible: t }));
  }
  let visibleIndex = 0;
  let hiddenIndex = 0;
  return tests.map((t) => {
    if (t.hidden) {
      hiddenIndex += 1;
      return { ordinal: t.ordinal, label: `Hidden test ${hiddenIndex}`, visible: null };
    }
    const visible = problem.tests[visibleIndex] ?? null;
    visibleIndex += 1;
    return { ordinal: t.ordinal, label: visible?.name || `Test ${visibleIndex}`, visible };
  });
}

function TestDetails({
  test,
  result,
}: {
  test: CandidateProblemView['tests'][number];
  result: TestResult | undefined;
}) {
  const diffId = useId();
  return (
    <details className="room-problem-tests__details">
      <summary>Input and expected output</summary>
      <p className="room-problem-tests__label">Input</p>
      <pre className="room-problem-tests__io">{test.input || '(empty)'}</pre>
      <p className="room-problem-tests__label">Expected output</p>
      <pre className="room-problem-tests__io">{test.expectedOutput || '(empty)'}</pre>
      {result?.diff ? (
        <>
          <p className="room-problem-tests__label" id={diffId}>
            Difference
          </p>
          <DiffView diff={result.diff} labelledBy={diffId} />
        </>
      ) : result?.actualOutput != null && result.verdict !== 'accepted' ? (
        <>
          <p className="room-problem-tests__label">Actual output</p>
          <pre className="room-problem-tests__io">{result.actualOutput || '(empty)'}</pre>
        </>
      ) : null}
    </details>
  );
}

function Summary({ view, isRunning, by }: { view: ExecutionView | null; isRunning: boolean; by: string | null }) {
  if (!view) return null;
  if (isRunning) {
    return (
      <span className="tests-panel__progress">
        <Spinner size="sm" />
        {by ? `${by}: ` : ''}
        {progressLabel(view)}
      </span>
    );
  }
  const execution = view.execution;
  if (!execution || execution.verdict === 'compilation_error' || execution.verdict === 'internal_error') return null;
  const { passed, total } = countPassed(view, view.tests.length);
  const what = execution.mode === 'submit' ? 'Submit' : 'Test';
  return (
    <span className="tests-panel__summary">
      <StatusChip tone={passed === total ? 'success' : 'danger'}>
        {what}
        {by ? ` by ${by}` : ''}: {passed} / {total} passed
      </StatusChip>
    </span>
  );
}
