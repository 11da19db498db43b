import { z } from 'zod';
import {
  ExecutionModeSchema,
  ExecutionStatusSchema,
  LanguageIdSchema,
  TestResultSchema,
  VerdictSchema,
} from './executions.js';
import { DifficultySchema, QuestionCategorySchema } from './questions.js';
import { InterviewStatusSchema } from './interviews.js';
import { InterviewScorecardsSchema, RecommendationSchema } from './scorecards.js';
import { ReportNarrativeSchema, ReportSummarySchema } from './report-summary.js';

/** One test of a run in the report: verdict and timings only (no inputs or outputs of hidden tests). */
export const ReportRunTestSchema = TestResultSchema.pick({
  /** 0-based, in the order the tests ran (shown as #1, #2…). */
  ordinal: true,
  hidden: true,
  verdict: true,
  detail: true,
  cpuMs: true,
  wallMs: true,
});
export type ReportRunTest = z.infer<typeof ReportRunTestSchema>;

/** A run, test or submit made in the room. */
export const ReportRunSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  /** The participant's label as the room showed it (anonymous mode: “Candidate”, “Interviewer 1”). */
  by: z.string().nullable(),
  mode: ExecutionModeSchema,
  language: LanguageIdSchema,
  status: ExecutionStatusSchema,
  verdict: VerdictSchema.nullable(),
  detail: z.string().nullable(),
  testsPassed: z.int().nullable(),
  testsTotal: z.int().nullable(),
  cpuMs: z.number().nullable(),
  wallMs: z.number().nullable(),
  memoryKb: z.int().nullable(),
  /** The bank question it was judged against, by its position in the interview; null for free runs. */
  questionPosition: z.int().nullable(),
  tests: z.array(ReportRunTestSchema),
});
export type ReportRun = z.infer<typeof ReportRunSchema>;

export const ReportSignalSchema = z.object({
  at: z.iso.datetime(),
  kind: z.enum(['paste', 'blur', 'focus']),
  /** Characters pasted (pastes only). */
  chars: z.int().nullable(),
});
export type ReportSignal = z.infer<typeof ReportSignalSchema>;

export const ReportChatMessageSchema = z.object({
  at: z.iso.datetime(),
  author: z.string(),
  text: z.string(),
});
export type ReportChatMessage = z.infer<typeof ReportChatMessageSchema>;

/**
 * The panel's consolidated decision: the recommendation nearest the mean of the
 * submitted ones (strong no hire = 1 … strong hire = 4; a tie goes to the more
 * cautious one), with the counts behind it. Null until every interviewer submitted.
 */
export const ReportDecisionSchema = z.object({
  recommendation: RecommendationSchema,
  /** Mean on the 1–4 scale, rounded to two decimals. */
  mean: z.number(),
  counts: z.record(RecommendationSchema, z.int()),
  unanimous: z.boolean(),
});
export type ReportDecision = z.infer<typeof ReportDecisionSchema>;

/**
 * GET /api/v1/interviews/:id/report — one page per interview for the hiring
 * team (`?format=pdf` for the PDF, the JSON is this object). In anonymous mode
 * the candidate is “Candidate” and no e-mail is included. Scorecards follow the
 * anchoring rule: an interviewer who has not submitted sees progress only.
 */
export const InterviewReportSchema = z.object({
  generatedAt: z.iso.datetime(),
  interview: z.object({
    id: z.uuid(),
    title: z.string(),
    status: InterviewStatusSchema,
    anonymous: z.boolean(),
    candidate: z.object({ label: z.string(), email: z.string().nullable() }),
    interviewers: z.array(z.object({ name: z.string() })),
    plannedStart: z.iso.datetime().nullable(),
    durationMinutes: z.int(),
    startedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
  }),
  questions: z.array(
    z.object({
      position: z.int(),
      title: z.string(),
      prompt: z.string(),
      difficulty: DifficultySchema.nullable(),
      category: QuestionCategorySchema.nullable(),
    }),
  ),
  /** The editor's buffers when the report was made (the interview's end for ended ones), non-empty only. */
  finalCode: z.array(z.object({ language: z.string(), code: z.string() })),
  /** The language the editor showed last. */
  finalLanguage: z.string().nullable(),
  runs: z.array(ReportRunSchema),
  /** Null when the interview had integrity signals off. */
  signals: z.array(ReportSignalSchema).nullable(),
  chat: z.array(ReportChatMessageSchema),
  scorecards: InterviewScorecardsSchema,
  decision: ReportDecisionSchema.nullable(),
  /** Time per question, runs until the first all-pass, tests, typing/idle profile, key moments (deterministic). */
  summary: ReportSummarySchema,
  /** The narrative (AI-generated and maybe edited, or written by a person); null until someone makes one. */
  narrative: ReportNarrativeSchema.nullable(),
  /** Whether the server has an AI model configured (LLM_BASE_URL / LLM_API_KEY) to generate the narrative. */
  aiAvailable: z.boolean(),
});
export type InterviewReport = z.infer<typeof InterviewReportSchema>;

export const REPORT_FORMATS = ['json', 'pdf'] as const;
export const ReportQuerySchema = z.object({
  format: z.enum(REPORT_FORMATS).default('json'),
  /** `1`: send as an attachment (Content-Disposition) rather than inline. */
  download: z.enum(['0', '1']).default('0'),
});
