/**
 * The `execution.run` queue job and its handler, shared by the embedded mode
 * (the server runs it, its sink writes the database) and `npm run runner`
 * (a runner process runs it, its sink reports through Redis). The payload is
 * the whole ExecutionJob: runners read no database.
 */
import { ExecutionJobSchema } from '@interviewselect/contracts';
import {
  EMPTY_RESULT,
  type EngineEvent,
  type EngineResult,
  type ExecutionEngine,
  type ExecutionJob,
} from './execution-engine.js';
import { defineJob, errorMessage, type JobContext, type QueueLogger } from '../../platform/queue/queue.js';

export const executionRunJob = defineJob('execution.run', ExecutionJobSchema);

/**
 * Tries per execution: a runner that dies mid-job (or an engine fault) is
 * retried once, then the run ends as internal_error.
 */
export const EXECUTION_ATTEMPTS = 2;

/** Where a runner reports one execution's lifecycle. */
export interface ExecutionSink {
  /** A runner took the execution; false when it already finished (swept, or a duplicate delivery): skip it. */
  started(id: string, attempt: number): Promise<boolean>;
  /** Live progress; delivery is best effort and never fails the run. */
  event(id: string, event: EngineEvent): void;
  finished(id: string, result: EngineResult): Promise<void>;
}

/** The result recorded when the engine itself failed on the last attempt. */
export function internalErrorResult(detail: string): EngineResult {
  return { ...EMPTY_RESULT, verdict: 'internal_error', detail };
}

/**
 * Runs one try of an execution. An engine fault before the last attempt
 * throws (the queue retries); on the last attempt it finishes the execution
 * as internal_error instead, so a run never stays "running".
 */
export async function handleExecutionJob(
  job: ExecutionJob,
  ctx: JobContext,
  deps: { engine: ExecutionEngine; sink: ExecutionSink; logger?: QueueLogger },
): Promise<void> {
  if (!(await deps.sink.started(job.id, ctx.attempt))) return;
  let result: EngineResult;
  try {
    result = await deps.engine.execute(job, (event) => deps.sink.event(job.id, event));
  } catch (error) {
    if (ctx.attempt < ctx.maxAttempts) throw error;
    deps.logger?.error({ err: error, executionId: job.id, attempt: ctx.attempt }, 'execution failed in the engine');
    result = internalErrorResult(errorMessage(error));
  }
  await deps.sink.finished(job.id, result);
}
