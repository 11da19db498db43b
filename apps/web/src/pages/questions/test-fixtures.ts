import type { ProblemPackage } from '@interviewselect/contracts';
import { bodyOf, MEMBER_USER, ORG_ID } from '../interviews/test-fixtures';

/** Shared fixtures for the question bank's tests. */
export { bodyOf, MEMBER_USER, ORG_ID };
export const PROBLEM_ID = '3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d';
export const VERSION_ID = '4b5c6d7e-8f9a-4b1c-8d2e-3f4a5b6c7d8e';
export const VERIFICATION_ID = '5c6d7e8f-9a0b-4c2d-9e3f-4a5b6c7d8e9f';

export const PACKAGE: ProblemPackage = {
  format: 'interviewselect.problem/v1',
  slug: 'sum-of-two',
  title: 'Sum of two',
  difficulty: 'easy',
  category: 'coding',
  tags: ['math', 'warm-up'],
  statement: '# Task\n\nRead two integers and print their **sum**.',
  constraints: '',
  examples: [{ input: '1 2\n', output: '3\n', explanation: '' }],
  timeLimitMs: 2000,
  memoryLimitMb: 256,
  estimatedMinutes: 10,
  comparator: { kind: 'trailing_whitespace' },
  tests: [
    { name: 'small', input: '1 2\n', expectedOutput: '3\n', hidden: false, weight: 1 },
    { name: 'negative', input: '-5 3\n', expectedOutput: '-2\n', hidden: true, weight: 2 },
  ],
  starterCode: { python: 'a, b = map(int, input().split())\n' },
  referenceSolutions: { python: 'a, b = map(int, input().split())\nprint(a + b)\n' },
  interviewerGuide: { guidance: 'Ask about overflow.', rubric: [], expectedAnswer: '' },
};

export const SUMMARY = {
  id: PROBLEM_ID,
  slug: 'sum-of-two',
  title: 'Sum of two',
  difficulty: 'easy',
  category: 'coding',
  tags: ['math', 'warm-up'],
  owner: { kind: 'org', orgId: ORG_ID, orgName: 'Acme' },
  status: 'draft',
  currentVersion: null,
  currentVersionId: null,
  languages: ['python'],
  usage: { timesUsed: 3, passRate: 0.5, avgSolveMinutes: null },
  updatedAt: '2026-11-23T09:00:00.000Z',
} as const;

export function detailOf(overrides: Record<string, unknown> = {}) {
  return {
    ...SUMMARY,
    currentVersionId: null,
    package: PACKAGE,
    draft: null,
    versions: [
      {
        id: VERSION_ID,
        version: 1,
        createdAt: '2026-11-23T09:00:00.000Z',
        publishedAt: null,
        createdBy: { userId: MEMBER_USER.id, name: MEMBER_USER.name },
      },
    ],
    verification: null,
    createdAt: '2026-11-23T09:00:00.000Z',
    can: { edit: true, publish: true, archive: true, duplicate: false },
    ...overrides,
  };
}
