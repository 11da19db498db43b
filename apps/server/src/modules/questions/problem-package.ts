import { createHash } from 'node:crypto';
import {
  LanguageIdSchema,
  type LanguageId,
  type ProblemPackage,
  type TestCase,
  type CandidateProblemView,
} from '@interviewselect/contracts';
import type { ProblemVersionRow, TestCaseRow } from './questions.tables.js';

/**
 * Mapping between the problem package (the import/export and library format)
 * and its stored rows. export(import(p)) deep-equals p once defaults are
 * applied: every field is stored, optional ones are left out when absent.
 */
export const PACKAGE_FORMAT = 'interviewselect.problem/v1' as const;

/** Version columns of a package (everything but the tests). */
export function versionValues(pkg: ProblemPackage) {
  return {
    slug: pkg.slug,
    title: pkg.title,
    difficulty: pkg.difficulty,
    category: pkg.category,
    tags: pkg.tags,
    statement: pkg.statement,
    constraints: pkg.constraints,
    examples: pkg.examples,
    timeLimitMs: pkg.timeLimitMs,
    memoryLimitMb: pkg.memoryLimitMb,
    estimatedMinutes: pkg.estimatedMinutes,
    comparator: pkg.comparator,
    starterCode: pkg.starterCode,
    referenceSolutions: pkg.referenceSolutions,
    interviewerGuide: pkg.interviewerGuide,
  };
}

export function testRows(versionId: string, tests: readonly TestCase[]) {
  return tests.map((t, ordinal) => ({
    versionId,
    ordinal,
    name: t.name,
    input: t.input,
    expectedOutput: t.expectedOutput,
    hidden: t.hidden,
    weight: t.weight,
    comparator: t.comparator ?? null,
  }));
}

function testFromRow(row: TestCaseRow): TestCase {
  return {
    name: row.name,
    input: row.input,
    expectedOutput: row.expectedOutput,
    hidden: row.hidden,
    weight: row.weight,
    ...(row.comparator ? { comparator: row.comparator } : {}),
  };
}

export function toPackage(row: ProblemVersionRow, tests: readonly TestCaseRow[]): ProblemPackage {
  return {
    format: PACKAGE_FORMAT,
    slug: row.slug,
    title: row.title,
    difficulty: row.difficulty,
    category: row.category,
    tags: row.tags,
    statement: row.statement,
    constraints: row.constraints,
    examples: row.examples,
    timeLimitMs: row.timeLimitMs,
    memoryLimitMb: row.memoryLimitMb,
    estimatedMinutes: row.estimatedMinutes,
    comparator: row.comparator,
    tests: [...tests].sort((a, b) => a.ordinal - b.ordinal).map(testFromRow),
    starterCode: row.starterCode,
    referenceSolutions: row.referenceSolutions,
    interviewerGuide: row.interviewerGuide,
  };
}

/** JSON with object keys sorted, so equal packages hash equally whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(pkg: ProblemPackage): string {
  return createHash('sha256').update(canonicalJson(pkg)).digest('hex');
}

export function languagesOf(code: ProblemPackage['starterCode']): LanguageId[] {
  return LanguageIdSchema.options.filter((id) => typeof code[id] === 'string');
}

/** The problem's search columns, copied from its listed version. */
export function listedValues(pkg: ProblemPackage) {
  return {
    slug: pkg.slug,
    title: pkg.title,
    difficulty: pkg.difficulty,
    category: pkg.category,
    tags: pkg.tags,
    languages: languagesOf(pkg.starterCode),
    searchTitle: `${pkg.title} ${pkg.tags.join(' ')}`.toLowerCase(),
  };
}

/** Coding and SQL problems must prove their tests with reference solutions before publishing. */
export function needsVerification(pkg: Pick<ProblemPackage, 'category'>): boolean {
  return pkg.category === 'coding' || pkg.category === 'sql';
}

/** The problem as a candidate sees it: no hidden tests, references or interviewer guide. */
export function candidateView(
  ids: { problemId: string; versionId: string; version: number },
  pkg: ProblemPackage,
): CandidateProblemView {
  return {
    ...ids,
    title: pkg.title,
    difficulty: pkg.difficulty,
    category: pkg.category,
    statement: pkg.statement,
    constraints: pkg.constraints,
    examples: pkg.examples,
    tests: pkg.tests
      .filter((t) => !t.hidden)
      .map((t) => ({ name: t.name, input: t.input, expectedOutput: t.expectedOutput })),
    hiddenTestCount: pkg.tests.filter((t) => t.hidden).length,
    starterCode: pkg.starterCode,
    timeLimitMs: pkg.timeLimitMs,
    memoryLimitMb: pkg.memoryLimitMb,
    estimatedMinutes: pkg.estimatedMinutes,
  };
}
