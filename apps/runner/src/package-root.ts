import { existsSync } from 'node:fs';
import path from 'node:path';

/** The runner package's directory from src/ (tests) or dist/src/ (production): the nearest folder with a package.json. */
function findRunnerRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`apps/runner/package.json not found above ${import.meta.dirname}`);
    dir = parent;
  }
  return dir;
}

export const RUNNER_ROOT = findRunnerRoot();
