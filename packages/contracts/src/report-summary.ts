import { z } from 'zod';

/** Tests passed out of tests run, as one run reported them. */
export const ReportTestsTallySchema = z.object({ passed: z.int(), total: z.int() });
export type ReportTestsTally = z.infer<typeof ReportTestsTallySchema>;

/**
 * One question of the interview, measured from its runs. Only bank questions
 * (with tests) are measured; free-form questions say so.
 */
export const ReportSummaryQuestionSchema = z.object({
  position: z.int(),
  title: z.string(),
  /** `bank`: judged by the problem's tests; `free_form`: no tests, nothing to measure. */
  kind: z.enum(['bank', 'free_form']),
  /**
   * Seconds from the interview's start (or the previous bank question's first
   * all-pass, when later) to this question's first all-pass (or the end).
   * Null when not measured: a free-form question, or an interview never started.
   */
  seconds: z.int().nullable(),
  /** True when the time runs to the end because the question never passed. */
  toEnd: z.boolean(),
  /** Test and submit runs judged against this question. */
  runs: z.int(),
  /** Test/submit runs up to and including the first with every test passing; null when none did. */
  runsUntilFirstAllPass: z.int().nullable(),
  firstAllPassAt: z.iso.datetime().nullable(),
  /** The run with most tests passed (the earliest of equals); null without judged runs. */
  best: ReportTestsTallySchema.nullable(),
  /** The last judged run. */
  last: ReportTestsTallySchema.nullable(),
});
export type ReportSummaryQuestion = z.infer<typeof ReportSummaryQuestionSchema>;

export const ReportIdleStretchSchema = z.object({
  /** Seconds from the interview's start. */
  fromOffset: z.int(),
  toOffset: z.int(),
  minutes: z.int(),
});
export type ReportIdleStretch = z.infer<typeof ReportIdleStretchSchema>;

/** One participant's typing profile (edits to the shared document, by minute). */
export const ReportParticipantActivitySchema = z.object({
  /** As the room labelled them (anonymous mode: “Candidate”). */
  label: z.string(),
  /** Document updates they made while the interview was live. */
  updates: z.int(),
  /** Minutes with at least one update. */
  activeMinutes: z.int(),
  /** Stretches of at least `idleThresholdMinutes` without an update while the interview was live. */
  idleStretches: z.array(ReportIdleStretchSchema),
  /** Updates per minute from the start (index 0 = the first minute), for a sparkline. */
  perMinute: z.array(z.int()),
});
export type ReportParticipantActivity = z.infer<typeof ReportParticipantActivitySchema>;

export const KEY_MOMENT_KINDS = ['first_run', 'first_all_pass', 'longest_idle', 'paste', 'language_switch'] as const;
export const KeyMomentKindSchema = z.enum(KEY_MOMENT_KINDS);
export type KeyMomentKind = z.infer<typeof KeyMomentKindSchema>;

export const ReportKeyMomentSchema = z.object({
  kind: KeyMomentKindSchema,
  at: z.iso.datetime(),
  /** Seconds from the interview's start (negative before it started). */
  offset: z.int(),
  /** One plain sentence, e.g. “First all-pass on question 1 (5/5 tests)”. */
  text: z.string(),
});
export type ReportKeyMoment = z.infer<typeof ReportKeyMomentSchema>;

/**
 * The report's deterministic summary, computed from the runs, the room's edit
 * log (who changed the document when — not what), signals and timeline. Every
 * number can be traced back to rows of the report; no AI is involved.
 */
export const ReportSummarySchema = z.object({
  /** When the measuring starts (the interview's start); null when it never started. */
  from: z.iso.datetime().nullable(),
  /** When it stops: the interview's end, or the report's time while still running. */
  to: z.iso.datetime().nullable(),
  /** Whole minutes between `from` and `to`, paused time included. */
  minutes: z.int(),
  questions: z.array(ReportSummaryQuestionSchema),
  activity: z.object({
    idleThresholdMinutes: z.int(),
    /** Pastes at least this long are key moments. */
    bigPasteChars: z.int(),
    participants: z.array(ReportParticipantActivitySchema),
  }),
  keyMoments: z.array(ReportKeyMomentSchema),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

export const NARRATIVE_SOURCES = ['ai', 'ai_edited', 'human'] as const;
export const NarrativeSourceSchema = z.enum(NARRATIVE_SOURCES);
export type NarrativeSource = z.infer<typeof NarrativeSourceSchema>;

/** Longest narrative accepted (characters). */
export const NARRATIVE_MAX_CHARS = 20_000;

/**
 * The report's narrative: written by an AI model from the summary and the
 * scorecards the requester could see (then perhaps edited), or by a person.
 */
export const ReportNarrativeSchema = z.object({
  text: z.string(),
  /** `ai`: as generated; `ai_edited`: generated, then edited by a person; `human`: written by a person. */
  source: NarrativeSourceSchema,
  /** The model that generated it (null when written by a person). */
  model: z.string().nullable(),
  generatedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
  /** Who last generated or saved it (null when the account is gone). */
  updatedBy: z.string().nullable(),
});
export type ReportNarrative = z.infer<typeof ReportNarrativeSchema>;

/** PUT /api/v1/interviews/:id/report/narrative — a person writes or edits the narrative. */
export const SaveNarrativeRequestSchema = z.object({
  text: z.string().trim().min(1, { error: 'write something, or keep the current text' }).max(NARRATIVE_MAX_CHARS),
});
export type SaveNarrativeRequest = z.infer<typeof SaveNarrativeRequestSchema>;

/** POST /api/v1/interviews/:id/report/narrative/generate — (re)generate it with the configured model. */
export const GenerateNarrativeRequestSchema = z.object({}).strict();
export type GenerateNarrativeRequest = z.infer<typeof GenerateNarrativeRequestSchema>;
