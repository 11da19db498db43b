import { describe, expect, it } from 'vitest';
import { checkPackage, describePath, issuesFromServer } from './package-issues';
import { PACKAGE } from './test-fixtures';

describe('import checks', () => {
  it('accepts a valid package', () => {
    expect(checkPackage(JSON.stringify(PACKAGE))).toEqual({ kind: 'valid', pkg: PACKAGE });
  });

  it('names the test case and field of each problem, counting from 1', () => {
    const broken = {
      ...PACKAGE,
      tests: [PACKAGE.tests[0], { ...PACKAGE.tests[1], expectedOutput: 42 }],
      difficulty: 'brutal',
    };
    const result = checkPackage(JSON.stringify(broken));
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.issues.map((i) => [i.where, i.message])).toEqual([
      ['Difficulty', 'Use one of: easy, medium, hard.'],
      ['Test case 2 › expected output', 'Invalid input: expected string, received number'],
    ]);
    const missing = checkPackage(JSON.stringify({ ...PACKAGE, title: undefined }));
    expect(missing.kind === 'invalid' && missing.issues[0]?.message).toBe('Missing: this field is required.');
  });

  it('points at the line and column of a JSON syntax error', () => {
    const result = checkPackage('{\n  "title": "x",\n  oops\n}');
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.issues[0]?.where).toMatch(/^Line 3, column \d+$/);
  });

  it('describes the server’s paths the same way', () => {
    expect(issuesFromServer([{ path: 'body.package.tests.3.expectedOutput', message: 'Too long.' }])).toEqual([
      { path: 'tests.3.expectedOutput', where: 'Test case 4 › expected output', message: 'Too long.' },
    ]);
    expect(describePath(['interviewerGuide', 'rubric', 0, 'level'])).toBe('Interviewer guide › Rubric row 1 › level');
  });
});
