import { ProblemPackageSchema, type ProblemPackage } from '@interviewselect/contracts';
import { friendlyIssue, serverIssuePath } from './editor-draft';

/**
 * Checking an import before it is sent: JSON syntax first (with line and
 * column), then ProblemPackageSchema, every issue named in words a person can
 * find in their file: "Test case 4 › expected output".
 */
export interface PackageIssue {
  /** The dotted path inside the package ("tests.3.expectedOutput"), '' for the whole file. */
  path: string;
  where: string;
  message: string;
}

export type PackageCheck =
  { kind: 'empty' } | { kind: 'invalid'; issues: PackageIssue[] } | { kind: 'valid'; pkg: ProblemPackage };

const FIELD_NAMES: Record<string, string> = {
  format: 'format',
  slug: 'slug',
  title: 'title',
  difficulty: 'difficulty',
  category: 'category',
  tags: 'tags',
  statement: 'statement',
  constraints: 'constraints',
  examples: 'examples',
  timeLimitMs: 'time limit (timeLimitMs)',
  memoryLimitMb: 'memory limit (memoryLimitMb)',
  estimatedMinutes: 'estimated minutes',
  comparator: 'comparator',
  tests: 'tests',
  starterCode: 'starter code',
  referenceSolutions: 'reference solutions',
  interviewerGuide: 'interviewer guide',
  name: 'name',
  input: 'input',
  expectedOutput: 'expected output',
  output: 'output',
  explanation: 'explanation',
  hidden: 'hidden',
  weight: 'weight',
  guidance: 'guidance',
  rubric: 'rubric',
  expectedAnswer: 'expected answer',
  level: 'level',
  description: 'description',
  kind: 'kind',
  absolute: 'absolute tolerance',
  relative: 'relative tolerance',
  language: 'language',
  source: 'source',
};

const ITEM_NAMES: Record<string, string> = {
  tests: 'Test case',
  examples: 'Example',
  tags: 'Tag',
  rubric: 'Rubric row',
};

/** ["tests", 3, "expectedOutput"] → "Test case 4 › expected output" (1-based, as people count). */
export function describePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'The package';
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    const item = typeof key === 'string' ? ITEM_NAMES[key] : undefined;
    if (item && typeof next === 'number') {
      parts.push(`${item} ${next + 1}`);
      i++;
    } else if (typeof key === 'number') {
      parts.push(`#${key + 1}`);
    } else {
      parts.push(FIELD_NAMES[key ?? ''] ?? String(key));
    }
  }
  const text = parts.join(' › ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "tests.3.expectedOutput" → ["tests", 3, "expectedOutput"]. */
export function splitPath(path: string): (string | number)[] {
  if (path === '') return [];
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Line and column of a JSON.parse failure, when the engine reports a position. */
function syntaxIssue(text: string, error: unknown): PackageIssue {
  const message = error instanceof Error ? error.message : 'Not valid JSON.';
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return { path: '', where: 'The file', message: `Not valid JSON: ${message}` };
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return { path: '', where: `Line ${line}, column ${column}`, message: `Not valid JSON: ${message}` };
}

export function checkPackage(text: string): PackageCheck {
  if (text.trim() === '') return { kind: 'empty' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'invalid', issues: [syntaxIssue(text, error)] };
  }
  const result = ProblemPackageSchema.safeParse(json, { error: friendlyIssue });
  if (result.success) return { kind: 'valid', pkg: result.data };
  return {
    kind: 'invalid',
    issues: result.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      return { path: path.join('.'), where: describePath(path), message: issue.message };
    }),
  };
}

/** The server's issues ("body.package.tests.3.expectedOutput") in the same words. */
export function issuesFromServer(issues: readonly { path: string; message: string }[]): PackageIssue[] {
  return issues.map((issue) => {
    const path = serverIssuePath(issue.path);
    return { path, where: describePath(splitPath(path)), message: issue.message };
  });
}
