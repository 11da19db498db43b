import path from 'node:path';

/** The monorepo root (bench/lib/ is two levels below it). */
export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** Where result files go: bench/results/, or BENCH_RESULTS_DIR when set (e.g. for smoke runs). */
export function resultsDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.BENCH_RESULTS_DIR;
  return override ? path.resolve(override) : path.join(repoRoot, 'bench', 'results');
}
