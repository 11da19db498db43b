/**
 * The seeded public library (apps/server/library/**\/*.json), proved: every
 * file is a valid problem package named after its unique slug, follows the
 * library rules of its category, and every reference solution of every coding
 * and SQL problem passes every one of its tests in the real sandbox.
 *
 * Each reference solution is one execution (compiled once, all tests of the
 * problem in submit mode with the package's comparator and limits); the
 * executions run with a concurrency equal to the engine's slots. Set
 * LIBRARY_ONLY=<slug>[,<slug>…] to verify only some problems while editing them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGE_IDS, ProblemPackageSchema, type LanguageId, type ProblemPackage } from '@interviewselect/contracts';
import { createSandboxEngine } from './engine.js';
import { RUNNER_ROOT } from './package-root.js';
import type { ExecutionEngine } from './types.js';

const LIBRARY_DIR = path.resolve(RUNNER_ROOT, '../server/library');
const UID_BASE = 62_200;
/** Every language a coding problem ships starter code for (SQL is its own category). */
const CODING_LANGUAGES = LANGUAGE_IDS.filter((id) => id !== 'sql');
const CODING_REFERENCES: LanguageId[] = ['python', 'javascript', 'java', 'cpp'];

interface LibraryFile {
  /** Relative to the library folder, e.g. `coding/two-sum.json`. */
  file: string;
  raw: unknown;
  /** Set when the file parses and validates. */
  pkg: ProblemPackage | null;
  problems: string[];
}

function jsonFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : jsonFiles(full);
      return entry.isFile() && entry.name.endsWith('.json') ? [full] : [];
    })
    .sort();
}

function load(full: string): LibraryFile {
  const file = path.relative(LIBRARY_DIR, full);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    return { file, raw: null, pkg: null, problems: [`not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = ProblemPackageSchema.safeParse(raw);
  if (!parsed.success)
    return {
      file,
      raw,
      pkg: null,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    };
  return { file, raw, pkg: parsed.data, problems: [] };
}

/** The library rules beyond the schema, as a list of broken ones (empty = fine). */
function ruleViolations(file: string, pkg: ProblemPackage): string[] {
  const broken: string[] = [];
  const base = path.basename(file, '.json');
  if (base !== pkg.slug) broken.push(`the file name "${base}" differs from the slug "${pkg.slug}"`);
  const hidden = pkg.tests.filter((t) => t.hidden).length;
  const present = (code: Partial<Record<LanguageId, string>>, id: LanguageId) => Boolean(code[id]?.trim());
  if (pkg.category === 'coding') {
    if (pkg.tests.length < 8) broken.push(`${pkg.tests.length} tests, at least 8 needed`);
    if (hidden < 3) broken.push(`${hidden} hidden tests, at least 3 needed`);
    const missingStarter = CODING_LANGUAGES.filter((id) => !present(pkg.starterCode, id));
    if (missingStarter.length) broken.push(`no starter code for ${missingStarter.join(', ')}`);
    const missingReference = CODING_REFERENCES.filter((id) => !present(pkg.referenceSolutions, id));
    if (missingReference.length) broken.push(`no reference solution in ${missingReference.join(', ')}`);
    if (pkg.examples.length === 0) broken.push('no examples');
  } else if (pkg.category === 'sql') {
    if (!present(pkg.starterCode, 'sql')) broken.push('no SQL starter code');
    if (!present(pkg.referenceSolutions, 'sql')) broken.push('no SQL reference solution');
    if (pkg.tests.length < 4) broken.push(`${pkg.tests.length} tests, at least 4 needed`);
  } else if (pkg.category === 'behavioural' || pkg.category === 'system_design') {
    if (!pkg.interviewerGuide.guidance.trim()) broken.push('no interviewer guidance');
    if (pkg.interviewerGuide.rubric.length === 0) broken.push('no rubric');
  }
  return broken;
}

const files = jsonFiles(LIBRARY_DIR).map(load);
const packages = files.flatMap((f) => (f.pkg ? [{ file: f.file, pkg: f.pkg }] : []));
/** Problems whose reference solutions are run: coding and SQL. */
const only = process.env.LIBRARY_ONLY?.split(',').filter(Boolean);
const verifiable = packages.filter(
  ({ pkg }) => (pkg.category === 'coding' || pkg.category === 'sql') && (!only || only.includes(pkg.slug)),
);

interface Job {
  slug: string;
  language: LanguageId;
  pkg: ProblemPackage;
}

/** Failures per slug, each naming the problem, language and test. */
const failures = new Map<string, string[]>();
let engine: ExecutionEngine | null = null;

/** Failures of one reference run, and whether every one of them was only the wall clock (host load, not the code). */
interface Verified {
  failures: string[];
  wallOnly: boolean;
}

async function verify({ slug, language, pkg }: Job, sandbox: ExecutionEngine): Promise<Verified> {
  const result = await sandbox.execute({
    id: `library-${slug}-${language}`,
    language,
    source: pkg.referenceSolutions[language] ?? '',
    mode: 'submit',
    tests: pkg.tests.map((t, i) => ({
      ordinal: i + 1,
      input: t.input,
      expectedOutput: t.expectedOutput,
      hidden: t.hidden,
      ...(t.comparator ? { comparator: t.comparator } : {}),
    })),
    comparator: pkg.comparator,
    timeLimitMs: pkg.timeLimitMs,
    memoryLimitMb: pkg.memoryLimitMb,
    stopOnFirstFailure: false,
  });
  if (result.verdict === 'compilation_error' || result.verdict === 'internal_error' || result.tests.length === 0)
    return {
      failures: [
        `${slug} [${language}]: ${result.verdict} ${result.detail ?? ''}\n${(result.compileOutput ?? '').slice(0, 2000)}`,
      ],
      wallOnly: false,
    };
  const failed = result.tests.filter((t) => t.verdict !== 'accepted');
  return {
    wallOnly: failed.length > 0 && failed.every((t) => t.verdict === 'time_limit_exceeded' && t.detail === 'wall'),
    failures: failed.map((t) => {
      const name = pkg.tests[t.ordinal - 1]?.name || `#${t.ordinal}`;
      const why = [t.detail, t.stderr?.slice(0, 500), t.diff?.slice(0, 1000)].filter(Boolean).join('\n');
      return `${slug} [${language}] test ${t.ordinal} "${name}": ${t.verdict} (cpu ${t.cpuMs} ms)${why ? `\n${why}` : ''}`;
    }),
  };
}

beforeAll(async () => {
  if (verifiable.length === 0) return;
  // The engine's default slot count (twice the cores): verdicts use cgroup CPU time, so oversubscribing is safe.
  const sandbox = await createSandboxEngine({ uidBase: UID_BASE });
  engine = sandbox;
  const jobs: Job[] = verifiable.flatMap(({ pkg }) =>
    (Object.keys(pkg.referenceSolutions) as LanguageId[])
      .filter((language) => pkg.referenceSolutions[language]?.trim())
      .map((language) => ({ slug: pkg.slug, language, pkg })),
  );
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (!job) break;
      const found = await verify(job, sandbox);
      if (found.wallOnly) wallBound.push(job);
      else failures.set(job.slug, [...(failures.get(job.slug) ?? []), ...found.failures]);
    }
  };
  const wallBound: Job[] = [];
  await Promise.all(Array.from({ length: sandbox.slots }, worker));
  // A wall-clock limit hit while every slot (and the rest of the suite) shares two cores says
  // nothing about the reference: check those again one at a time. CPU-time limits are never retried.
  for (const job of wallBound) {
    const again = await verify(job, sandbox);
    failures.set(job.slug, [...(failures.get(job.slug) ?? []), ...again.failures]);
  }
}, 30 * 60_000);

afterAll(async () => {
  await engine?.close();
});

describe('the seeded library', () => {
  it('every file is a valid problem package', () => {
    expect(files.filter((f) => f.problems.length).map((f) => ({ file: f.file, problems: f.problems }))).toEqual([]);
  });

  it('slugs are unique across the library', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { file, pkg } of packages) {
      const other = seen.get(pkg.slug);
      if (other) duplicates.push(`"${pkg.slug}" in ${other} and ${file}`);
      else seen.set(pkg.slug, file);
    }
    expect(duplicates).toEqual([]);
  });

  it('every package round-trips: validating it again changes nothing', () => {
    for (const { file, pkg } of packages)
      expect(ProblemPackageSchema.parse(JSON.parse(JSON.stringify(pkg))), file).toEqual(pkg);
  });

  it('every package follows the library rules of its category', () => {
    const broken = packages.flatMap(({ file, pkg }) => ruleViolations(file, pkg).map((rule) => `${file}: ${rule}`));
    expect(broken).toEqual([]);
  });

  describe('every reference solution passes every test in the sandbox', () => {
    if (verifiable.length === 0) it('(no coding or SQL problems yet)', () => {});
    else
      it.each(verifiable.map(({ pkg }) => [pkg.slug, pkg] as const))('%s', (slug, pkg) => {
        const languages = Object.keys(pkg.referenceSolutions).filter((l) => pkg.referenceSolutions[l as LanguageId]);
        expect(languages.length, `${slug} has no reference solution`).toBeGreaterThan(0);
        expect(failures.get(slug) ?? [`${slug}: not verified`]).toEqual([]);
      });
  });
});
