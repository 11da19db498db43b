import { announceExecution } from './format-figures';
import type { ExecutionRun } from './use-execution';

/**
 * The polite live region for the latest run: "Running…", then the verdict
 * sentence. Mounted from the start, empty, so screen readers notice changes.
 * Request failures are not repeated here: their alert announces itself.
 */
export function RunAnnouncer({ run }: { run: ExecutionRun | null }) {
  const execution = run?.view?.execution ?? null;
  const message = !run ? '' : run.isRunning ? 'Running…' : execution ? announceExecution(execution) : '';
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  );
}
