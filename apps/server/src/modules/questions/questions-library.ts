import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ProblemPackageSchema, type ProblemPackage } from '@interviewselect/contracts';
import type { Database } from '../../platform/db.js';
import { serverPackageRoot } from '../../platform/package-root.js';
import { contentHash } from './problem-package.js';
import { createLibraryRepo } from './questions-library.repo.js';
import { createQuestionsRepo } from './questions.repo.js';

/** "isel:lib" — nodes starting together seed the library once. */
const LIBRARY_LOCK_KEY = 0x6973656c3a6c6962n;

/** apps/server/library: one ProblemPackage per `<slug>.json`, in any sub-folder. */
export const libraryDir = (): string => path.join(serverPackageRoot(), 'library');

export interface LibraryFile {
  file: string;
  package: ProblemPackage;
}

export interface LibraryLoad {
  files: LibraryFile[];
  /** Files that are not valid packages: the file and every issue with its path. */
  invalid: { file: string; issues: string[] }[];
}

async function jsonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const nested = await Promise.all(
    entries.map((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return jsonFiles(full);
      return Promise.resolve(e.isFile() && e.name.endsWith('.json') ? [full] : []);
    }),
  );
  return nested.flat().sort();
}

/** Reads and validates every package under dir; a file must be named after its slug. */
export async function loadLibrary(dir: string): Promise<LibraryLoad> {
  const result: LibraryLoad = { files: [], invalid: [] };
  for (const file of await jsonFiles(dir)) {
    const relative = path.relative(dir, file);
    let data: unknown;
    try {
      data = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      result.invalid.push({ file: relative, issues: [`not JSON: ${(error as Error).message}`] });
      continue;
    }
    const parsed = ProblemPackageSchema.safeParse(data);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      result.invalid.push({ file: relative, issues });
    } else if (path.basename(file, '.json') !== parsed.data.slug) {
      result.invalid.push({ file: relative, issues: [`slug: "${parsed.data.slug}" does not match the file name`] });
    } else {
      result.files.push({ file: relative, package: parsed.data });
    }
  }
  return result;
}

export interface SeedCounts {
  created: number;
  updated: number;
  unchanged: number;
  invalid: LibraryLoad['invalid'];
}

/**
 * Upserts the library as public, published problems (org_id null): a new
 * file creates a problem, a changed file adds a version, an unchanged file
 * (same content hash) does nothing. Not verified here: the test suite runs
 * every reference solution against every test of the library.
 *
 * Runs at every start: one query reads the hashes of every library problem,
 * and only new or changed files are written, all in one transaction (a start
 * with nothing changed writes nothing).
 */
export async function seedLibrary(
  database: Database,
  opts: { dir?: string; now?: () => Date } = {},
): Promise<SeedCounts> {
  const load = await loadLibrary(opts.dir ?? libraryDir());
  const now = opts.now ?? (() => new Date());
  return database.withAdvisoryLock(LIBRARY_LOCK_KEY, async () => {
    const existing = await createLibraryRepo(database.db).latestPublicHashes();
    const counts: SeedCounts = { created: 0, updated: 0, unchanged: 0, invalid: load.invalid };
    // Decided in file order as if each write were already done (two files may share a slug).
    const writes: { pkg: ProblemPackage; problem: { id: string | null } }[] = [];
    for (const { package: pkg } of load.files) {
      const hash = contentHash(pkg);
      const known = existing.get(pkg.slug);
      if (known?.hash === hash) {
        counts.unchanged++;
        continue;
      }
      const problem = known?.problem ?? { id: null };
      existing.set(pkg.slug, { problem, hash });
      writes.push({ pkg, problem });
    }
    if (writes.length === 0) return counts;
    await database.db.transaction(async (tx) => {
      const repo = createQuestionsRepo(tx);
      for (const { pkg, problem } of writes) {
        if (problem.id) {
          await repo.addPublishedVersion(problem.id, pkg, now());
          counts.updated++;
        } else {
          problem.id = await repo.createProblem({ orgId: null, pkg, createdBy: null, published: true, now: now() });
          counts.created++;
        }
      }
    });
    return counts;
  });
}
