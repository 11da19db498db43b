import type { ExecutionView } from './execution-view';

/** "Queued…", "Compiling…", "Running…", "Running tests (2 done)…". */
export function progressLabel(view: ExecutionView): string {
  if (view.status === 'pending') return 'Queued…';
  if (view.phase === 'compiling' || view.phase === 'compile') return 'Compiling…';
  if (view.mode === 'test' && view.tests.length > 0) return `Running tests (${view.tests.length} done)…`;
  return 'Running…';
}
