import type { TestResult } from '@interviewselect/contracts';
import { useId, useMemo } from 'react';
import { Spinner } from '../../ui/spinner';
import { StatusChip } from '../../ui/status-chip';
import { countPassed, type ExecutionView } from './execution-view';
import { ExecutionFigures } from './execution-figures';
import { CompileOutput, InternalErrorAlert } from './output-panel';
import { progressLabel } from './progress-label';
import { RunErrorAlert } from './run-error-alert';
import { TestCasesEditor } from './test-cases-editor';
import type { TestCase } from './test-cases';
import type { ExecutionRun } from './use-execution';

export interface TestsPanelProps {
  cases: readonly TestCase[];
  onCasesChange: (cases: TestCase[]) => void;
  /** The case ids of the last test run, in the order they were sent. */
  submittedIds: readonly string[];
  isStopOnFirstFailure: boolean;
  onStopOnFirstFailureChange: (value: boolean) => void;
  run: ExecutionRun;
}

/** A result's ordinal is its test's index in the submitted list; pair it with the row that was sent. */
export function resultsByCaseId(view: ExecutionView | null, submittedIds: readonly string[]) {
  const results = new Map<string, TestResult>();
  for (const result of view?.tests ?? []) {
    const id = submittedIds[result.ordinal];
    if (id) results.set(id, result);
  }
  return results;
}

/** The "Stop on first failure" option of a test run. */
export function StopOnFirstFailure({ value, onChange }: { value: boolean; onChange: (value: boolean) => void }) {
  const checkboxId = useId();
  return (
    <div className="tests-panel__option">
      <input id={checkboxId} type="checkbox" checked={value} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={checkboxId}>Stop on first failure</label>
    </div>
  );
}

/** What went wrong with a judged run as a whole: the request failed, the code did not compile, the judge failed. */
export function JudgedRunAlerts({ run }: { run: ExecutionRun }) {
  const execution = run.view?.execution ?? null;
  return (
    <>
      {run.failure ? <RunErrorAlert key={run.failure.at} error={run.failure.error} failedAt={run.failure.at} /> : null}
      {execution?.verdict === 'compilation_error' ? <CompileOutput text={execution.compileOutput} /> : null}
      {execution?.verdict === 'internal_error' ? <InternalErrorAlert detail={execution.detail} /> : null}
    </>
  );
}

/** The Tests tab: the custom tests table, "stop at first failure", and the pass count. */
export function TestsPanel({
  cases,
  onCasesChange,
  submittedIds,
  isStopOnFirstFailure,
  onStopOnFirstFailureChange,
  run,
}: TestsPanelProps) {
  const { view, isRunning } = run;
  const results = useMemo(() => resultsByCaseId(view, submittedIds), [view, submittedIds]);
  return (
    <div className="tests-panel">
      <div className="tests-panel__bar">
        <h2 className="tests-panel__title">Custom tests</h2>
        <TestsSummary view={view} isRunning={isRunning} submitted={submittedIds.length} />
        <StopOnFirstFailure value={isStopOnFirstFailure} onChange={onStopOnFirstFailureChange} />
      </div>
      <JudgedRunAlerts run={run} />
      <TestCasesEditor cases={cases} onChange={onCasesChange} results={results} isDisabled={isRunning} />
    </div>
  );
}

function TestsSummary({
  view,
  isRunning,
  submitted,
}: {
  view: ExecutionView | null;
  isRunning: boolean;
  submitted: number;
}) {
  if (!view) return null;
  if (isRunning) {
    return (
      <span className="tests-panel__progress">
        <Spinner size="sm" />
        {progressLabel(view)}
      </span>
    );
  }
  const execution = view.execution;
  if (!execution || execution.verdict === 'compilation_error' || execution.verdict === 'internal_error') return null;
  const { passed, total } = countPassed(view, submitted);
  return (
    <span className="tests-panel__summary">
      <StatusChip tone={passed === total ? 'success' : 'danger'}>
        {passed} / {total} passed
      </StatusChip>
      <ExecutionFigures result={{ ...execution, exitCode: null, signal: null }} />
    </span>
  );
}
