import { z } from 'zod';
import { ComparatorSchema, LanguageIdSchema, VerdictSchema } from './executions.js';

/**
 * The question bank. A problem has immutable versions; interviews and
 * submissions point at the version they used. The problem PACKAGE
 * (ProblemPackageSchema) is the documented import/export format and the
 * format of the seeded library (apps/server/library/{coding,sql,behavioural}/<slug>.json, documented in apps/server/library/README.md):
 * everything about one problem version, round-tripping exactly.
 */
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const DifficultySchema = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof DifficultySchema>;

export const QUESTION_CATEGORIES = ['coding', 'sql', 'system_design', 'behavioural', 'frontend'] as const;
export const QuestionCategorySchema = z.enum(QUESTION_CATEGORIES);
export type QuestionCategory = z.infer<typeof QuestionCategorySchema>;

/** The curated topic list (free tags may be added beside them). */
export const TOPICS = [
  'arrays',
  'strings',
  'hashing',
  'two-pointers',
  'sliding-window',
  'sorting',
  'binary-search',
  'stacks',
  'queues',
  'linked-lists',
  'trees',
  'graphs',
  'bfs',
  'dfs',
  'heaps',
  'greedy',
  'dynamic-programming',
  'recursion',
  'backtracking',
  'math',
  'bit-manipulation',
  'intervals',
  'design',
  'simulation',
  'sql-joins',
  'sql-aggregation',
  'sql-window-functions',
  'communication',
  'leadership',
  'scalability',
] as const;

export const PROBLEM_STATUSES = ['draft', 'published', 'archived'] as const;
export const ProblemStatusSchema = z.enum(PROBLEM_STATUSES);
export type ProblemStatus = z.infer<typeof ProblemStatusSchema>;

const slug = z
  .string()
  .min(3, 'A slug has at least 3 characters.')
  .max(80, 'A slug has at most 80 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens, e.g. "two-sum".');

const tag = z
  .string()
  .trim()
  .min(1)
  .max(40, 'A tag has at most 40 characters.')
  .regex(/^[a-z0-9][a-z0-9+#.-]*$/, 'Tags are lowercase words with digits, "-", "+", "#" or ".".');

/** Test data may be a few MB per case (stdin and expected stdout). */
export const MAX_TEST_DATA = 4 * 1024 * 1024;

export const TestCaseSchema = z.object({
  /** Shown in the test table, e.g. "empty array". */
  name: z.string().trim().max(120).default(''),
  input: z.string().max(MAX_TEST_DATA, 'A test input may be at most 4 MiB.'),
  expectedOutput: z.string().max(MAX_TEST_DATA, 'An expected output may be at most 4 MiB.'),
  hidden: z.boolean().default(false),
  weight: z.number().int().min(0).max(100).default(1),
  /** Overrides the problem's comparator for this case. */
  comparator: ComparatorSchema.optional(),
});
export type TestCase = z.infer<typeof TestCaseSchema>;

export const ExampleSchema = z.object({
  input: z.string().max(10_000),
  output: z.string().max(10_000),
  explanation: z.string().max(5_000).default(''),
});

/** Per-language code: starter code shown to the candidate, reference solutions for interviewers and verification. */
const perLanguage = z.partialRecord(LanguageIdSchema, z.string().max(65_536, 'Code may be at most 64 KiB.'));

/** Interviewer-only material of non-coding (and coding) questions. */
export const InterviewerGuideSchema = z.object({
  guidance: z.string().max(20_000).default(''),
  rubric: z.array(z.object({ level: z.string().max(80), description: z.string().max(2_000) })).default([]),
  expectedAnswer: z.string().max(20_000).default(''),
});

/**
 * One problem version, whole: the import/export package. `format` names the
 * version of this format. Round-trips exactly: export(import(p)) deep-equals p
 * after defaults are applied.
 */
export const ProblemPackageSchema = z.object({
  format: z.literal('interviewselect.problem/v1'),
  slug,
  title: z.string().trim().min(1, 'Give the problem a title.').max(200),
  difficulty: DifficultySchema,
  category: QuestionCategorySchema,
  /** Free tags plus topics from TOPICS. */
  tags: z.array(tag).max(20).default([]),
  /** Markdown, rendered sanitised. */
  statement: z.string().min(1, 'Write the statement.').max(100_000),
  constraints: z.string().max(10_000).default(''),
  examples: z.array(ExampleSchema).max(10).default([]),
  timeLimitMs: z.number().int().min(100).max(10_000).default(2_000),
  memoryLimitMb: z.number().int().min(16).max(1024).default(256),
  estimatedMinutes: z.number().int().min(1).max(240).default(30),
  comparator: ComparatorSchema.default({ kind: 'trailing_whitespace' }),
  tests: z.array(TestCaseSchema).max(500).default([]),
  starterCode: perLanguage.default({}),
  referenceSolutions: perLanguage.default({}),
  interviewerGuide: InterviewerGuideSchema.default({ guidance: '', rubric: [], expectedAnswer: '' }),
});
export type ProblemPackage = z.infer<typeof ProblemPackageSchema>;
export type ProblemPackageInput = z.input<typeof ProblemPackageSchema>;

// ---------------------------------------------------------------------------
// HTTP API of the question bank (/api/v1/problems…). Org members (not
// candidates or guests) read the public library and their organisations'
// problems in full; candidates see a problem only in the room, as a
// CandidateProblemView.
// ---------------------------------------------------------------------------

/** Who owns a problem: the public library (orgId null) or one organisation. */
export const ProblemOwnerSchema = z.object({
  kind: z.enum(['public', 'org']),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
});
export type ProblemOwner = z.infer<typeof ProblemOwnerSchema>;

/** Usage statistics over every version of a problem. */
export const ProblemUsageSchema = z.object({
  /** Interviews and executions that referenced one of the problem's versions. */
  timesUsed: z.number().int(),
  /** Share (0–1) of submit executions that were accepted; null before the first submit. */
  passRate: z.number().min(0).max(1).nullable(),
  /** Average minutes from a question's start to its accepted submit; null until the room records it. */
  avgSolveMinutes: z.number().nullable(),
});
export type ProblemUsage = z.infer<typeof ProblemUsageSchema>;

/** One row of the search results (GET /api/v1/problems). */
export const ProblemSummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  difficulty: DifficultySchema,
  category: QuestionCategorySchema,
  tags: z.array(z.string()),
  owner: ProblemOwnerSchema,
  status: ProblemStatusSchema,
  /** The published version's number; null while the problem was never published. */
  currentVersion: z.number().int().nullable(),
  /** The published version (what an interview asks); null while never published. */
  currentVersionId: z.uuid().nullable(),
  /** Languages with starter code. */
  languages: z.array(LanguageIdSchema),
  usage: ProblemUsageSchema,
  updatedAt: z.iso.datetime(),
});
export type ProblemSummary = z.infer<typeof ProblemSummarySchema>;

export const PROBLEM_SORTS = ['relevance', 'popularity', 'newest', 'difficulty'] as const;
export const ProblemSortSchema = z.enum(PROBLEM_SORTS);
export type ProblemSort = z.infer<typeof ProblemSortSchema>;

/**
 * GET /api/v1/problems query. Without `owner`, results are the public library
 * plus the problems of `orgId` (or, without `orgId`, of every organisation the
 * caller belongs to). `owner=org` needs `orgId`. Without `status`, public
 * problems are published ones and org problems are drafts and published ones
 * (archived only with `status=archived`). `sort` defaults to `relevance` with
 * `q` and to `newest` without.
 */
export const ProblemSearchQuerySchema = z.object({
  /** Full text over title, statement and tags, typo-tolerant ("tow sum" finds "Two Sum"). */
  q: z.string().trim().max(200).optional(),
  difficulty: DifficultySchema.optional(),
  category: QuestionCategorySchema.optional(),
  /** Comma-separated; a problem must carry every tag. */
  tags: z.string().trim().max(500).optional(),
  /** Only problems with starter code for this language. */
  language: LanguageIdSchema.optional(),
  owner: z.enum(['public', 'org']).optional(),
  orgId: z.uuid().optional(),
  status: ProblemStatusSchema.optional(),
  sort: ProblemSortSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ProblemSearchQuery = z.input<typeof ProblemSearchQuerySchema>;

export const ProblemListSchema = z.object({
  items: z.array(ProblemSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ProblemList = z.infer<typeof ProblemListSchema>;

const ActorSchema = z.object({ userId: z.uuid(), name: z.string() }).nullable();

/** One version in a problem's history. Published versions never change. */
export const ProblemVersionInfoSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  /** Null for the working draft. */
  publishedAt: z.iso.datetime().nullable(),
  /** Null for the seeded library. */
  createdBy: ActorSchema,
});
export type ProblemVersionInfo = z.infer<typeof ProblemVersionInfoSchema>;

export const VERIFICATION_STATUSES = ['running', 'passed', 'failed'] as const;
export const VerificationStatusSchema = z.enum(VERIFICATION_STATUSES);
export type VerificationStatus = z.infer<typeof VerificationStatusSchema>;

/** One failing test of one reference solution. */
export const VerificationFailureSchema = z.object({
  /** 0-based index into the package's `tests`. */
  testIndex: z.number().int(),
  testName: z.string(),
  verdict: VerdictSchema,
  detail: z.string().nullable(),
});

/** How one language's reference solution did against every test. */
export const VerificationLanguageResultSchema = z.object({
  language: LanguageIdSchema,
  passed: z.number().int(),
  total: z.number().int(),
  failures: z.array(VerificationFailureSchema),
});

/**
 * GET /api/v1/problems/:problemId/verifications/:verificationId: the run of
 * every reference solution against every test that gates publishing. `passed`
 * means the version was published. Languages still running have no result yet.
 */
export const VerificationSchema = z.object({
  id: z.uuid(),
  problemId: z.uuid(),
  versionId: z.uuid(),
  version: z.number().int(),
  status: VerificationStatusSchema,
  results: z.array(VerificationLanguageResultSchema),
  /** Why the verification failed outside a test (e.g. a language is not installed). */
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type Verification = z.infer<typeof VerificationSchema>;

/** POST /api/v1/problems/:problemId/publish → 202. */
export const PublishResultSchema = z.object({ verificationId: z.uuid() });
export type PublishResult = z.infer<typeof PublishResultSchema>;

/**
 * GET /api/v1/problems/:problemId — everything, hidden tests and reference
 * solutions included (org members only). `package` is the current published
 * version, or the draft while the problem was never published; `draft` is the
 * working draft if there is one.
 */
export const ProblemDetailSchema = ProblemSummarySchema.extend({
  package: ProblemPackageSchema,
  draft: z
    .object({
      versionId: z.uuid(),
      version: z.number().int(),
      package: ProblemPackageSchema,
      updatedAt: z.iso.datetime(),
    })
    .nullable(),
  versions: z.array(ProblemVersionInfoSchema),
  /** The latest verification, if publishing was ever attempted. */
  verification: VerificationSchema.nullable(),
  createdAt: z.iso.datetime(),
  /** What the caller may do now. */
  can: z.object({ edit: z.boolean(), publish: z.boolean(), archive: z.boolean(), duplicate: z.boolean() }),
});
export type ProblemDetail = z.infer<typeof ProblemDetailSchema>;

/** POST /api/v1/problems and POST /api/v1/problems/import. */
export const CreateProblemInputSchema = z.object({ orgId: z.uuid(), package: ProblemPackageSchema });
export type CreateProblemInput = z.input<typeof CreateProblemInputSchema>;

/** PUT /api/v1/problems/:problemId/draft. The slug may change while the problem was never published. */
export const UpdateProblemDraftInputSchema = z.object({ package: ProblemPackageSchema });
export type UpdateProblemDraftInput = z.input<typeof UpdateProblemDraftInputSchema>;

/** POST /api/v1/problems/:problemId/duplicate: a draft copy in the organisation. */
export const DuplicateProblemInputSchema = z.object({ orgId: z.uuid() });
export type DuplicateProblemInput = z.infer<typeof DuplicateProblemInputSchema>;

/** GET /api/v1/problems/:problemId/export?version=N (default: the current version, else the draft). */
export const ExportProblemQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() });

/** A visible test as the candidate sees it. */
export const VisibleTestSchema = z.object({ name: z.string(), input: z.string(), expectedOutput: z.string() });

/**
 * GET /api/v1/problems/:problemId/preview — the problem as the candidate will
 * see it: no hidden tests, reference solutions or interviewer guide.
 */
export const CandidateProblemViewSchema = z.object({
  problemId: z.uuid(),
  versionId: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  difficulty: DifficultySchema,
  category: QuestionCategorySchema,
  statement: z.string(),
  constraints: z.string(),
  examples: z.array(ExampleSchema),
  tests: z.array(VisibleTestSchema),
  /** How many hidden tests a submit also runs (their data stays secret). */
  hiddenTestCount: z.number().int(),
  starterCode: perLanguage,
  timeLimitMs: z.number().int(),
  memoryLimitMb: z.number().int(),
  estimatedMinutes: z.number().int(),
});
export type CandidateProblemView = z.infer<typeof CandidateProblemViewSchema>;

/** GET /api/v1/problem-versions/:versionId — one version, whole (interviews and reports). */
export const ProblemVersionSchema = z.object({
  id: z.uuid(),
  problemId: z.uuid(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
  package: ProblemPackageSchema,
});
export type ProblemVersion = z.infer<typeof ProblemVersionSchema>;
