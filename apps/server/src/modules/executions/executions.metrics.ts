import { Counter, Histogram, type Registry } from 'prom-client';

export type ExecutionMetrics = ReturnType<typeof createExecutionMetrics>;

/**
 * Prometheus figures of code execution, on the app's registry (none: counted
 * but not exposed). Labels stay bounded: language ids and verdicts are closed sets.
 */
export function createExecutionMetrics(registry?: Registry) {
  const registers = registry ? [registry] : [];
  const created = new Counter({
    name: 'executions_created_total',
    help: 'Executions accepted, by language and mode',
    labelNames: ['language', 'mode'] as const,
    registers,
  });
  const finished = new Counter({
    name: 'executions_finished_total',
    help: 'Executions finished, by language and verdict',
    labelNames: ['language', 'verdict'] as const,
    registers,
  });
  const rejected = new Counter({
    name: 'executions_rejected_total',
    help: 'Executions refused before queueing, by reason (rate_limited, busy)',
    labelNames: ['reason'] as const,
    registers,
  });
  const queueWait = new Histogram({
    name: 'execution_queue_wait_seconds',
    help: 'Time from creation until a runner started the execution',
    labelNames: ['language'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const runDuration = new Histogram({
    name: 'execution_run_seconds',
    help: 'Time from start to finish of an execution (compile and every test), by language',
    labelNames: ['language'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers,
  });

  return {
    created: (language: string, mode: string) => created.inc({ language, mode }),
    rejected: (reason: 'rate_limited' | 'busy') => rejected.inc({ reason }),
    started: (language: string, waitSeconds: number) => queueWait.observe({ language }, Math.max(0, waitSeconds)),
    finished(language: string, verdict: string, runSeconds: number | null) {
      finished.inc({ language, verdict });
      if (runSeconds !== null) runDuration.observe({ language }, Math.max(0, runSeconds));
    },
  };
}
