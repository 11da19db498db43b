import { VerdictSchema, type ConsoleEntry, type Execution, type TestResult } from '@interviewselect/contracts';
import { isFinished, type ExecutionView, type OutputChunk } from '../code-runner/execution-view';

/**
 * The shared console (ROOM_KEYS.console) in the shapes the code runner's
 * panels already draw. The server rewrites an entry as its run progresses;
 * the browser that started a run also follows it itself (SSE) and has the
 * fuller record — compiler output, per-test diffs — so its own latest run is
 * shown from that, everyone else's from the entry.
 */
export type ConsoleMode = 'run' | 'test';

const modeOf = (entry: ConsoleEntry): ConsoleMode => (entry.mode === 'run' ? 'run' : 'test');

export function toTestResult(test: ConsoleEntry['tests'][number]): TestResult {
  const verdict = VerdictSchema.safeParse(test.verdict);
  return {
    ordinal: test.index,
    hidden: test.hidden,
    verdict: verdict.success ? verdict.data : 'internal_error',
    detail: null,
    cpuMs: null,
    wallMs: test.timeMs,
    memoryKb: test.memoryKb === null ? null : Math.round(test.memoryKb),
    input: null,
    expectedOutput: null,
    actualOutput: null,
    stderr: null,
    diff: null,
  };
}

function toExecution(entry: ConsoleEntry): Execution {
  const verdict = VerdictSchema.safeParse(entry.verdict);
  const tests = entry.tests.map(toTestResult);
  const isCompileError = verdict.success && verdict.data === 'compilation_error';
  return {
    id: entry.executionId,
    mode: entry.mode,
    language: entry.language,
    languageVersion: null,
    status: entry.status,
    verdict: verdict.success ? verdict.data : null,
    detail: null,
    exitCode: null,
    signal: null,
    stdout: entry.stdout,
    stderr: entry.stderr,
    compileOutput: isCompileError ? entry.stderr : null,
    cpuMs: null,
    wallMs: entry.timeMs,
    memoryKb: entry.memoryKb === null ? null : Math.round(entry.memoryKb),
    testsPassed: tests.length > 0 ? tests.filter((t) => t.verdict === 'accepted').length : null,
    testsTotal: tests.length > 0 ? tests.length : null,
    tests,
    interviewId: null,
    problemVersionId: null,
    createdAt: new Date(entry.at).toISOString(),
    startedAt: null,
    finishedAt: null,
  };
}

export function consoleEntryView(entry: ConsoleEntry): ExecutionView {
  const execution = isFinished(entry.status) ? toExecution(entry) : null;
  const output: OutputChunk[] = [];
  if (entry.stdout) output.push({ stream: 'stdout', data: entry.stdout });
  // A compile error's stderr is the compiler output, which the panel shows on its own.
  if (entry.stderr && execution?.verdict !== 'compilation_error') output.push({ stream: 'stderr', data: entry.stderr });
  return {
    mode: modeOf(entry),
    id: entry.executionId,
    status: entry.status,
    phase: null,
    output,
    isOutputTruncated: false,
    tests: entry.tests.map(toTestResult).sort((a, b) => a.ordinal - b.ordinal),
    execution,
  };
}

export interface LocalRun {
  /** Null until the server has answered the POST. */
  id: string | null;
  /** How many console entries there were when it started. */
  startIndex: number;
  view: ExecutionView;
}

export interface ShownRun {
  view: ExecutionView;
  /** Who started it; null for this browser's own run. */
  by: string | null;
  isLocal: boolean;
}

/**
 * Which run of a kind the panel shows: the newest one. The console array is
 * in start order. This browser's own run ranks where its entry sits once the
 * server has written it; before that, after every entry that existed when it
 * started (an entry added since is someone else's newer run).
 */
export function pickShownRun(
  entries: readonly ConsoleEntry[],
  mode: ConsoleMode,
  local: LocalRun | null,
): ShownRun | null {
  let latestIndex = -1;
  let localIndex = -1;
  entries.forEach((entry, index) => {
    if (modeOf(entry) !== mode) return;
    latestIndex = index;
    if (local?.id && entry.executionId === local.id) localIndex = index;
  });
  const latest = latestIndex >= 0 ? entries[latestIndex] : undefined;
  const localRank = localIndex >= 0 ? localIndex : (local?.startIndex ?? 0) - 0.5;
  if (local && localRank >= latestIndex) return { view: local.view, by: null, isLocal: true };
  if (!latest) return null;
  return { view: consoleEntryView(latest), by: latest.by, isLocal: false };
}
