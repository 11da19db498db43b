import type { QueueLogger } from '../../platform/queue/queue.js';
import type { ExecutionEventBus } from './execution-bus.js';
import type { ExecutionSink } from './execution-job.js';
import { toExecution, toExecutionEvent } from './execution-view.js';
import type { ExecutionsRepo } from './executions.repo.js';
import type { ExecutionMetrics } from './executions.metrics.js';

export type ExecutionRecorder = ReturnType<typeof createExecutionRecorder>;

/**
 * The database side of an execution's lifecycle: stores start and outcome,
 * counts them, and tells watchers through the bus. It is the sink of the
 * embedded mode, and what the Redis results consumer calls in the scaled mode.
 */
export function createExecutionRecorder(deps: {
  repo: ExecutionsRepo;
  bus: ExecutionEventBus;
  metrics: ExecutionMetrics;
  logger: QueueLogger;
  now: () => Date;
}) {
  const { repo, bus, metrics } = deps;

  /** Publishes the final `done` event with the stored (redacted) execution. */
  async function publishDone(id: string): Promise<void> {
    const found = await repo.findById(id);
    if (found) bus.publish(id, { type: 'done', execution: toExecution(found.row, found.tests) });
  }

  const sink: ExecutionSink = {
    async started(id, attempt) {
      const now = deps.now();
      const row = await repo.markRunning(id, attempt, now);
      if (!row) return false;
      metrics.started(row.language, (now.getTime() - row.createdAt.getTime()) / 1000);
      bus.publish(id, { type: 'status', status: 'running' });
      return true;
    },
    event(id, event) {
      bus.publish(id, toExecutionEvent(event));
    },
    async finished(id, result) {
      const now = deps.now();
      const row = await repo.finish(id, result, now);
      if (!row) {
        deps.logger.warn({ executionId: id }, 'execution outcome arrived after it had finished; ignored');
        return;
      }
      const runSeconds = row.startedAt ? (now.getTime() - row.startedAt.getTime()) / 1000 : null;
      metrics.finished(row.language, result.verdict, runSeconds);
      await publishDone(id);
    },
  };

  return { ...sink, publishDone };
}
