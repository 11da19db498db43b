import { VERDICT_LABELS, type Execution } from '@interviewselect/contracts';

/** "8 ms", "1.24 s"; an em dash when the runner did not measure it. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** "640 KB", "9.3 MB". */
export function formatMemory(kb: number | null): string {
  if (kb === null) return '—';
  if (kb < 1024) return `${kb} KB`;
  return `${(kb / 1024).toFixed(1)} MB`;
}

/** "exit code 0", "signal SIGSEGV", or null before the program ran (compile errors). */
export function describeExit(result: Pick<Execution, 'exitCode' | 'signal'>): string | null {
  if (result.signal) return `signal ${result.signal}`;
  if (result.exitCode !== null) return `exit code ${result.exitCode}`;
  return null;
}

/** The sentence the live region reads when a run ends. */
export function announceExecution(execution: Execution): string {
  if (!execution.verdict) return execution.status === 'failed' ? 'The run failed.' : 'The run finished.';
  const parts = [verdictSentence(execution)];
  const exit = describeExit(execution);
  if (exit && execution.mode === 'run') parts.push(exit);
  if (execution.wallMs !== null) parts.push(`wall time ${formatDuration(execution.wallMs)}`);
  return `${parts.join(', ')}.`;
}

function verdictSentence(execution: Execution): string {
  const label = verdictLabel(execution);
  if (execution.testsTotal !== null && execution.mode !== 'run') {
    return `${label}: ${execution.testsPassed ?? 0} of ${execution.testsTotal} tests passed`;
  }
  return label;
}

function verdictLabel(execution: Execution): string {
  return execution.verdict ? VERDICT_LABELS[execution.verdict] : 'Finished';
}
