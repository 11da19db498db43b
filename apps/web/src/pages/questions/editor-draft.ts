import {
  ProblemPackageSchema,
  TOPICS,
  type Comparator,
  type Difficulty,
  type LanguageId,
  type ProblemPackage,
  type QuestionCategory,
  type ValidationIssue,
} from '@interviewselect/contracts';
import type { z } from 'zod';

/**
 * The editor's working copy of a problem package. Numbers stay strings while
 * typed, list rows carry a stable `key` for React, and tags are split into the
 * curated topics and free text; `toPackageInput` turns it back into what
 * ProblemPackageSchema validates. Errors are keyed by the package path
 * ("tests.3.expectedOutput"), the same path the server reports.
 */
export interface DraftTest {
  key: string;
  name: string;
  input: string;
  expectedOutput: string;
  hidden: boolean;
  weight: string;
  /** Per-case comparator, kept as imported (edited in the package JSON). */
  comparator?: Comparator | undefined;
}

export interface DraftExample {
  key: string;
  input: string;
  output: string;
  explanation: string;
}

export interface DraftRubricRow {
  key: string;
  level: string;
  description: string;
}

export interface EditorDraft {
  title: string;
  slug: string;
  /** Until the slug is edited by hand it follows the title. */
  isSlugEdited: boolean;
  difficulty: Difficulty;
  category: QuestionCategory;
  topics: string[];
  /** Comma-separated free tags. */
  freeTags: string;
  statement: string;
  constraints: string;
  examples: DraftExample[];
  timeLimitMs: string;
  memoryLimitMb: string;
  estimatedMinutes: string;
  comparator: Comparator;
  tests: DraftTest[];
  starterCode: Partial<Record<LanguageId, string>>;
  referenceSolutions: Partial<Record<LanguageId, string>>;
  guidance: string;
  rubric: DraftRubricRow[];
  expectedAnswer: string;
}

export type DraftErrors = Record<string, string>;

let nextKey = 0;
/** A key unique in this tab: enough to keep React rows stable while they move. */
export const newKey = () => `k${++nextKey}`;

const TOPIC_SET = new Set<string>(TOPICS);

/** "Two Sum (II)!" → "two-sum-ii". */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

export function emptyTest(): DraftTest {
  return { key: newKey(), name: '', input: '', expectedOutput: '', hidden: false, weight: '1' };
}

export function emptyDraft(): EditorDraft {
  return {
    title: '',
    slug: '',
    isSlugEdited: false,
    difficulty: 'easy',
    category: 'coding',
    topics: [],
    freeTags: '',
    statement: '',
    constraints: '',
    examples: [],
    timeLimitMs: '2000',
    memoryLimitMb: '256',
    estimatedMinutes: '30',
    comparator: { kind: 'trailing_whitespace' },
    tests: [],
    starterCode: {},
    referenceSolutions: {},
    guidance: '',
    rubric: [],
    expectedAnswer: '',
  };
}

export function draftFromPackage(pkg: ProblemPackage): EditorDraft {
  return {
    title: pkg.title,
    slug: pkg.slug,
    isSlugEdited: pkg.slug !== slugify(pkg.title),
    difficulty: pkg.difficulty,
    category: pkg.category,
    topics: pkg.tags.filter((t) => TOPIC_SET.has(t)),
    freeTags: pkg.tags.filter((t) => !TOPIC_SET.has(t)).join(', '),
    statement: pkg.statement,
    constraints: pkg.constraints,
    examples: pkg.examples.map((e) => ({ key: newKey(), ...e })),
    timeLimitMs: String(pkg.timeLimitMs),
    memoryLimitMb: String(pkg.memoryLimitMb),
    estimatedMinutes: String(pkg.estimatedMinutes),
    comparator: pkg.comparator,
    tests: pkg.tests.map((t) => ({
      key: newKey(),
      name: t.name,
      input: t.input,
      expectedOutput: t.expectedOutput,
      hidden: t.hidden,
      weight: String(t.weight),
      ...(t.comparator ? { comparator: t.comparator } : {}),
    })),
    starterCode: { ...pkg.starterCode },
    referenceSolutions: { ...pkg.referenceSolutions },
    guidance: pkg.interviewerGuide.guidance,
    rubric: pkg.interviewerGuide.rubric.map((r) => ({ key: newKey(), ...r })),
    expectedAnswer: pkg.interviewerGuide.expectedAnswer,
  };
}

/** Free tags as typed: split on commas, trimmed, lowercased, topics first, no duplicates. */
export function tagsOf(draft: Pick<EditorDraft, 'topics' | 'freeTags'>): string[] {
  const free = draft.freeTags
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set([...draft.topics, ...free])];
}

/** '' stays '' so the schema reports "enter a number" rather than silently taking a default. */
const toNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

function withoutBlankCode(code: Partial<Record<LanguageId, string>>): Partial<Record<LanguageId, string>> {
  return Object.fromEntries(Object.entries(code).filter(([, source]) => source && source.trim() !== ''));
}

export function toPackageInput(draft: EditorDraft): z.input<typeof ProblemPackageSchema> {
  return {
    format: 'interviewselect.problem/v1',
    slug: draft.slug,
    title: draft.title,
    difficulty: draft.difficulty,
    category: draft.category,
    tags: tagsOf(draft),
    statement: draft.statement,
    constraints: draft.constraints,
    examples: draft.examples.map(({ input, output, explanation }) => ({ input, output, explanation })),
    timeLimitMs: toNumber(draft.timeLimitMs),
    memoryLimitMb: toNumber(draft.memoryLimitMb),
    estimatedMinutes: toNumber(draft.estimatedMinutes),
    comparator: draft.comparator,
    tests: draft.tests.map((t) => ({
      name: t.name,
      input: t.input,
      expectedOutput: t.expectedOutput,
      hidden: t.hidden,
      weight: toNumber(t.weight),
      ...(t.comparator ? { comparator: t.comparator } : {}),
    })),
    starterCode: withoutBlankCode(draft.starterCode),
    referenceSolutions: withoutBlankCode(draft.referenceSolutions),
    interviewerGuide: {
      guidance: draft.guidance,
      rubric: draft.rubric.map(({ level, description }) => ({ level, description })),
      expectedAnswer: draft.expectedAnswer,
    },
  };
}

/** Plain-language messages where zod's defaults speak in types ("expected number, received NaN"). */
export const friendlyIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'Missing: this field is required.';
  if (issue.code === 'invalid_value' && issue.values.length > 1) {
    return `Use one of: ${issue.values.map(String).join(', ')}.`;
  }
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'Enter a whole number.';
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'Enter a whole number.';
  if (issue.code === 'too_small' && issue.origin === 'number') return `Use ${String(issue.minimum)} or more.`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `Use ${String(issue.maximum)} or less.`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `At most ${String(issue.maximum)} entries.`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `At most ${String(issue.maximum)} characters.`;
  return undefined;
};

/** Issues keyed by dotted path; the first issue per path wins. */
export function issuesByPath(issues: readonly { path: readonly PropertyKey[]; message: string }[]): DraftErrors {
  const errors: DraftErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

export type DraftValidation = { ok: true; pkg: ProblemPackage } | { ok: false; errors: DraftErrors };

export function validateDraft(draft: EditorDraft): DraftValidation {
  const result = ProblemPackageSchema.safeParse(toPackageInput(draft), { error: friendlyIssue });
  return result.success ? { ok: true, pkg: result.data } : { ok: false, errors: issuesByPath(result.error.issues) };
}

/** The server names paths like "body.package.tests.3.expectedOutput"; the editor keys them without the prefix. */
export function serverIssuePath(path: string): string {
  return path.replace(/^(body\.)?(package\.)?/, '');
}

export function errorsFromServer(issues: readonly ValidationIssue[]): DraftErrors {
  const errors: DraftErrors = {};
  for (const issue of issues) errors[serverIssuePath(issue.path)] ??= issue.message;
  return errors;
}

/** The first error under a path prefix ("tags" covers "tags.2"). */
export function errorUnder(errors: DraftErrors, prefix: string): string | undefined {
  if (errors[prefix]) return errors[prefix];
  const key = Object.keys(errors).find((k) => k.startsWith(`${prefix}.`));
  return key ? errors[key] : undefined;
}

/** Moves item `from` to `to` (both in range), returning a new array. */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}
