import type { QueueLogger } from '../../platform/queue/queue.js';
import type { ExecutionsRepo } from './executions.repo.js';

export const STALE_DETAIL = 'the runner stopped responding';

/**
 * Fails executions that have been pending or running for longer than any
 * run can take (limits × tests + queue grace): a runner died past its
 * retry, or a job was lost. Every node sweeps; the UPDATE is idempotent.
 */
export function createExecutionSweeper(deps: {
  repo: ExecutionsRepo;
  /** Tells watchers (publishes `done`) for each swept execution. */
  publishDone: (id: string) => Promise<void>;
  staleMs: number;
  intervalMs?: number;
  logger: QueueLogger;
  now: () => Date;
}) {
  const intervalMs = deps.intervalMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<unknown> | undefined;

  async function sweepOnce(): Promise<string[]> {
    const now = deps.now();
    const before = new Date(now.getTime() - deps.staleMs);
    const ids = await deps.repo.failStale({ pendingBefore: before, runningBefore: before, detail: STALE_DETAIL, now });
    if (ids.length > 0) deps.logger.warn({ executionIds: ids }, 'failed stale executions');
    for (const id of ids) await deps.publishDone(id);
    return ids;
  }

  function tick(): void {
    if (sweeping) return;
    sweeping = sweepOnce()
      .catch((err: unknown) => deps.logger.error({ err }, 'execution sweep failed'))
      .finally(() => {
        sweeping = undefined;
      });
  }

  return {
    sweepOnce,
    /** Sweeps now, then every intervalMs. */
    start(): void {
      if (timer) return;
      tick();
      timer = setInterval(tick, intervalMs).unref();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      await sweeping;
    },
  };
}
