import {
  LanguageIdSchema,
  VerdictSchema,
  type Execution,
  type ExecutionEvent,
  type ExecutionSummary,
  type TestResult,
} from '@interviewselect/contracts';
import type { EngineEvent } from './execution-engine.js';
import type { ExecutionRow, ExecutionTestRow } from './executions.tables.js';

/**
 * What a viewer may see of a hidden test: its verdict and figures, never its
 * data (input, expected and actual output, stderr, diff) nor a wrong-answer
 * reason, which may quote the expected output.
 */
export function redactTest(test: TestResult): TestResult {
  if (!test.hidden) return test;
  const detail = test.verdict === 'wrong_answer' || test.verdict === 'internal_error' ? null : test.detail;
  return { ...test, detail, input: null, expectedOutput: null, actualOutput: null, stderr: null, diff: null };
}

function testFromRow(row: ExecutionTestRow): TestResult {
  return {
    ordinal: row.ordinal,
    hidden: row.hidden,
    verdict: VerdictSchema.parse(row.verdict),
    detail: row.detail,
    cpuMs: row.cpuMs,
    wallMs: row.wallMs,
    memoryKb: row.memoryKb,
    input: row.input,
    expectedOutput: row.expectedOutput,
    actualOutput: row.actualOutput,
    stderr: row.stderr,
    diff: row.diff,
  };
}

/** The API shape of a stored execution, hidden tests redacted (the only view the API offers). */
export function toExecution(row: ExecutionRow, tests: ExecutionTestRow[]): Execution {
  return {
    ...toSummary(row),
    languageVersion: row.languageVersion,
    detail: row.detail,
    exitCode: row.exitCode,
    signal: row.signal,
    stdout: row.stdout,
    stderr: row.stderr,
    compileOutput: row.compileOutput,
    memoryKb: row.memoryKb,
    tests: tests.map((t) => redactTest(testFromRow(t))),
    startedAt: row.startedAt?.toISOString() ?? null,
  };
}

export function toSummary(row: ExecutionRow): ExecutionSummary {
  return {
    id: row.id,
    mode: row.mode,
    language: LanguageIdSchema.parse(row.language),
    status: row.status,
    verdict: row.verdict === null ? null : VerdictSchema.parse(row.verdict),
    testsPassed: row.testsPassed,
    testsTotal: row.testsTotal,
    cpuMs: row.cpuMs,
    wallMs: row.wallMs,
    interviewId: row.interviewId,
    problemVersionId: row.problemVersionId,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** An engine's live event as clients receive it (hidden tests redacted at the source). */
export function toExecutionEvent(event: EngineEvent): ExecutionEvent {
  switch (event.type) {
    case 'phase':
      return { type: 'status', status: 'running', phase: event.phase };
    case 'output':
      return event;
    case 'test':
      return { type: 'test', test: redactTest(event.test) };
  }
}
