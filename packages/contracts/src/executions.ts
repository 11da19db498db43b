import { z } from 'zod';

/** Every language the runner knows; `GET /api/v1/languages` lists the installed subset. */
export const LANGUAGE_IDS = [
  'python',
  'javascript',
  'typescript',
  'java',
  'c',
  'cpp',
  'go',
  'rust',
  'ruby',
  'php',
  'csharp',
  'bash',
  'sql',
] as const;
export const LanguageIdSchema = z.enum(LANGUAGE_IDS);
export type LanguageId = z.infer<typeof LanguageIdSchema>;

/** One installed language (GET /api/v1/languages). */
export const LanguageInfoSchema = z.object({
  id: LanguageIdSchema,
  name: z.string(),
  version: z.string(),
  /** File name the source is saved as inside the sandbox (e.g. `Main.java`). */
  fileName: z.string(),
  compiled: z.boolean(),
  /** Editor mode hint for the web client (CodeMirror language name). */
  editorMode: z.string(),
  helloWorld: z.string(),
});
export type LanguageInfo = z.infer<typeof LanguageInfoSchema>;
export const LanguageListSchema = z.object({ languages: z.array(LanguageInfoSchema) });
export type LanguageList = z.infer<typeof LanguageListSchema>;

/**
 * run: custom stdin, output streamed; test: the visible tests (or the caller's own);
 * submit: every test of the problem version, hidden ones included.
 */
export const ExecutionModeSchema = z.enum(['run', 'test', 'submit']);
export type ExecutionMode = z.infer<typeof ExecutionModeSchema>;

export const ExecutionStatusSchema = z.enum(['pending', 'running', 'completed', 'failed']);
export type ExecutionStatus = z.infer<typeof ExecutionStatusSchema>;

/** Verdicts in order of precedence (research/execution.md §6.3), plus `skipped` for fail-fast. */
export const VERDICTS = [
  'internal_error',
  'compilation_error',
  'output_limit_exceeded',
  'memory_limit_exceeded',
  'time_limit_exceeded',
  'runtime_error',
  'wrong_answer',
  'accepted',
  'skipped',
] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

export const VERDICT_LABELS: Record<Verdict, string> = {
  accepted: 'Accepted',
  wrong_answer: 'Wrong Answer',
  time_limit_exceeded: 'Time Limit Exceeded',
  memory_limit_exceeded: 'Memory Limit Exceeded',
  output_limit_exceeded: 'Output Limit Exceeded',
  runtime_error: 'Runtime Error',
  compilation_error: 'Compilation Error',
  internal_error: 'Internal Error',
  skipped: 'Skipped',
};

/** How a test's actual output is compared with the expected one. */
export const ComparatorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exact') }),
  /** Default: trailing whitespace of each line and trailing blank lines are ignored. */
  z.object({ kind: z.literal('trailing_whitespace') }),
  z.object({ kind: z.literal('whitespace') }),
  z.object({
    kind: z.literal('float'),
    absolute: z.number().nonnegative().max(1).default(1e-6),
    relative: z.number().nonnegative().max(1).default(1e-6),
  }),
  z.object({ kind: z.literal('unordered_lines') }),
  /** A checker program run in its own sandbox: argv input expected actual files; exit 0 = accepted. */
  z.object({
    kind: z.literal('checker'),
    language: LanguageIdSchema,
    source: z.string().min(1).max(65_536),
  }),
]);
export type Comparator = z.infer<typeof ComparatorSchema>;

/** Limits of one run; absent fields take the language's defaults (§6.2). */
export const ExecutionLimitsSchema = z.object({
  timeLimitMs: z.int().min(100).max(10_000).optional(),
  memoryLimitMb: z.int().min(16).max(1024).optional(),
});
export type ExecutionLimits = z.infer<typeof ExecutionLimitsSchema>;

const MAX_SOURCE = 256 * 1024;
const MAX_IO = 4 * 1024 * 1024;

/** A test the caller brings along (test mode without a problem: the "custom tests" of the editor). */
export const InlineTestSchema = z.object({
  input: z.string().max(MAX_IO),
  expectedOutput: z.string().max(MAX_IO),
});
export type InlineTest = z.infer<typeof InlineTestSchema>;

/** POST /api/v1/executions. */
export const CreateExecutionInputSchema = z
  .object({
    language: LanguageIdSchema,
    source: z.string().max(MAX_SOURCE, 'The source is larger than 256 KiB.'),
    mode: ExecutionModeSchema.default('run'),
    stdin: z.string().max(MAX_IO).optional(),
    problemVersionId: z.uuid().optional(),
    /** Test mode without a problem version: up to 20 tests of the caller's own. */
    tests: z.array(InlineTestSchema).max(20).optional(),
    interviewId: z.uuid().optional(),
    stopOnFirstFailure: z.boolean().default(false),
    limits: ExecutionLimitsSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.mode === 'submit' && !value.problemVersionId)
      ctx.addIssue({ code: 'custom', path: ['problemVersionId'], message: 'Submit needs a problem version.' });
    if (value.mode === 'test' && !value.problemVersionId && !value.tests?.length)
      ctx.addIssue({ code: 'custom', path: ['tests'], message: 'Test needs a problem version or at least one test.' });
    if (value.mode === 'run' && value.tests)
      ctx.addIssue({ code: 'custom', path: ['tests'], message: 'Run takes stdin, not tests.' });
  });
export type CreateExecutionInput = z.infer<typeof CreateExecutionInputSchema>;

/** One test's result. Hidden tests show only their verdict and figures to candidates. */
export const TestResultSchema = z.object({
  ordinal: z.int(),
  hidden: z.boolean(),
  verdict: VerdictSchema,
  /** E.g. `SIGSEGV`, `exit code 3`, `cpu` / `wall` for time limits. */
  detail: z.string().nullable(),
  cpuMs: z.number().nullable(),
  wallMs: z.number().nullable(),
  memoryKb: z.int().nullable(),
  input: z.string().nullable(),
  expectedOutput: z.string().nullable(),
  actualOutput: z.string().nullable(),
  stderr: z.string().nullable(),
  /** Unified diff of expected vs actual (visible tests that failed). */
  diff: z.string().nullable(),
});
export type TestResult = z.infer<typeof TestResultSchema>;

/** GET /api/v1/executions/:id. */
export const ExecutionSchema = z.object({
  id: z.uuid(),
  mode: ExecutionModeSchema,
  language: LanguageIdSchema,
  languageVersion: z.string().nullable(),
  status: ExecutionStatusSchema,
  verdict: VerdictSchema.nullable(),
  /** The named signal, exit code or internal reason behind the verdict. */
  detail: z.string().nullable(),
  exitCode: z.int().nullable(),
  signal: z.string().nullable(),
  stdout: z.string().nullable(),
  stderr: z.string().nullable(),
  compileOutput: z.string().nullable(),
  cpuMs: z.number().nullable(),
  wallMs: z.number().nullable(),
  memoryKb: z.int().nullable(),
  testsPassed: z.int().nullable(),
  testsTotal: z.int().nullable(),
  tests: z.array(TestResultSchema),
  interviewId: z.uuid().nullable(),
  problemVersionId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type Execution = z.infer<typeof ExecutionSchema>;

export const ExecutionCreatedSchema = z.object({ id: z.uuid(), status: ExecutionStatusSchema });
export type ExecutionCreated = z.infer<typeof ExecutionCreatedSchema>;

/** Live events of one execution (SSE `GET /api/v1/executions/:id/events`, the room socket). */
export const ExecutionEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: ExecutionStatusSchema, phase: z.string().optional() }),
  z.object({ type: z.literal('output'), stream: z.enum(['stdout', 'stderr']), data: z.string() }),
  z.object({ type: z.literal('test'), test: TestResultSchema }),
  z.object({ type: z.literal('done'), execution: ExecutionSchema }),
]);
export type ExecutionEvent = z.infer<typeof ExecutionEventSchema>;

/** GET /api/v1/executions: the caller's recent executions, newest first (no outputs or tests). */
export const ExecutionSummarySchema = ExecutionSchema.pick({
  id: true,
  mode: true,
  language: true,
  status: true,
  verdict: true,
  testsPassed: true,
  testsTotal: true,
  cpuMs: true,
  wallMs: true,
  interviewId: true,
  problemVersionId: true,
  createdAt: true,
  finishedAt: true,
});
export type ExecutionSummary = z.infer<typeof ExecutionSummarySchema>;
export const ExecutionListSchema = z.object({ executions: z.array(ExecutionSummarySchema) });
export type ExecutionList = z.infer<typeof ExecutionListSchema>;

/** One test case as a runner receives it (mirrors the runner's JudgeTest). */
export const JudgeTestSchema = z.object({
  ordinal: z.int().nonnegative(),
  input: z.string(),
  expectedOutput: z.string(),
  hidden: z.boolean(),
  comparator: ComparatorSchema.optional(),
});

/**
 * The `execution.run` queue job: everything a runner needs for one execution
 * (runners read no database). Mirrors the runner's ExecutionJob.
 */
export const ExecutionJobSchema = z.object({
  id: z.uuid(),
  language: LanguageIdSchema,
  source: z.string(),
  mode: ExecutionModeSchema,
  stdin: z.string().optional(),
  tests: z.array(JudgeTestSchema),
  comparator: ComparatorSchema.optional(),
  stopOnFirstFailure: z.boolean(),
  timeLimitMs: z.int().positive().optional(),
  memoryLimitMb: z.int().positive().optional(),
});
