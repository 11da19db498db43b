import type { Execution, ExecutionEvent, ExecutionStatus, TestResult } from '@interviewselect/contracts';

/**
 * What the page shows of one execution while it streams and after it ends.
 * Live `output` events are a preview; the `done` event's execution is the
 * record, so when the two disagree (events missed before the stream opened,
 * output cut by the limit) the final stdout/stderr replace the preview.
 */
export type OutputStream = 'stdout' | 'stderr';

export interface OutputChunk {
  stream: OutputStream;
  data: string;
}

export interface ExecutionView {
  mode: 'run' | 'test';
  id: string | null;
  status: ExecutionStatus;
  /** The runner's step, e.g. `compiling` or `running`, while there is one. */
  phase: string | null;
  /** Consecutive writes to the same stream are merged into one chunk. */
  output: OutputChunk[];
  /** The browser keeps at most MAX_PREVIEW_CHARS of live output. */
  isOutputTruncated: boolean;
  /** Sorted by ordinal. */
  tests: TestResult[];
  execution: Execution | null;
}

export const MAX_PREVIEW_CHARS = 256 * 1024;

export function startView(mode: 'run' | 'test'): ExecutionView {
  return {
    mode,
    id: null,
    status: 'pending',
    phase: null,
    output: [],
    isOutputTruncated: false,
    tests: [],
    execution: null,
  };
}

export function applyEvent(view: ExecutionView, event: ExecutionEvent): ExecutionView {
  switch (event.type) {
    case 'status':
      return { ...view, status: event.status, phase: event.phase ?? null };
    case 'output':
      return appendOutput(view, event.stream, event.data);
    case 'test':
      return { ...view, tests: upsertTest(view.tests, event.test) };
    case 'done':
      return finishView(view, event.execution);
  }
}

export function finishView(view: ExecutionView, execution: Execution): ExecutionView {
  return {
    ...view,
    id: execution.id,
    status: execution.status,
    phase: null,
    output: reconcileOutput(view.output, execution),
    isOutputTruncated: false,
    tests: execution.tests.length > 0 ? sortTests(execution.tests) : view.tests,
    execution,
  };
}

export function isFinished(status: ExecutionStatus): boolean {
  return status === 'completed' || status === 'failed';
}

function appendOutput(view: ExecutionView, stream: OutputStream, data: string): ExecutionView {
  const used = view.output.reduce((sum, chunk) => sum + chunk.data.length, 0);
  const room = MAX_PREVIEW_CHARS - used;
  if (room <= 0) return view.isOutputTruncated ? view : { ...view, isOutputTruncated: true };
  const kept = data.length > room ? data.slice(0, room) : data;
  const last = view.output.at(-1);
  const output =
    last?.stream === stream
      ? [...view.output.slice(0, -1), { stream, data: last.data + kept }]
      : [...view.output, { stream, data: kept }];
  return { ...view, output, isOutputTruncated: kept.length < data.length };
}

function joinStream(output: readonly OutputChunk[], stream: OutputStream): string {
  return output
    .filter((chunk) => chunk.stream === stream)
    .map((chunk) => chunk.data)
    .join('');
}

/** Keeps the live interleaving when it matches the record; otherwise shows the record, stdout first. */
function reconcileOutput(live: OutputChunk[], execution: Execution): OutputChunk[] {
  const stdout = execution.stdout ?? '';
  const stderr = execution.stderr ?? '';
  if (joinStream(live, 'stdout') === stdout && joinStream(live, 'stderr') === stderr) return live;
  const output: OutputChunk[] = [];
  if (stdout) output.push({ stream: 'stdout', data: stdout });
  if (stderr) output.push({ stream: 'stderr', data: stderr });
  return output;
}

function upsertTest(tests: readonly TestResult[], test: TestResult): TestResult[] {
  return sortTests([...tests.filter((t) => t.ordinal !== test.ordinal), test]);
}

function sortTests(tests: readonly TestResult[]): TestResult[] {
  return [...tests].sort((a, b) => a.ordinal - b.ordinal);
}

/** "3 / 4 passed": the record's figures once done, the streamed results out of `submitted` before. */
export function countPassed(view: ExecutionView, submitted: number): { passed: number; total: number } {
  const execution = view.execution;
  if (execution?.testsTotal != null) return { passed: execution.testsPassed ?? 0, total: execution.testsTotal };
  return { passed: view.tests.filter((t) => t.verdict === 'accepted').length, total: submitted };
}
