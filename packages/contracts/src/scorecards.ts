import { z } from 'zod';
import { displayNameSchema } from './display-text.js';
import { InterviewStatusSchema } from './interviews.js';

/** The overall verdict of one interviewer, weakest to strongest. */
export const RECOMMENDATIONS = ['strong_no_hire', 'no_hire', 'hire', 'strong_hire'] as const;
export const RecommendationSchema = z.enum(RECOMMENDATIONS);
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  strong_no_hire: 'Strong no hire',
  no_hire: 'No hire',
  hire: 'Hire',
  strong_hire: 'Strong hire',
};

/** A draft is private to its author and autosaved; a submitted scorecard is locked for good. */
export const SCORECARD_STATUSES = ['draft', 'submitted'] as const;
export const ScorecardStatusSchema = z.enum(SCORECARD_STATUSES);
export type ScorecardStatus = z.infer<typeof ScorecardStatusSchema>;

export const TEMPLATE_STATUSES = ['active', 'archived'] as const;
export const TemplateStatusSchema = z.enum(TEMPLATE_STATUSES);
export type TemplateStatus = z.infer<typeof TemplateStatusSchema>;

/** The fixed scale of a per-question score (competencies have their own, template-defined scales). */
export const QUESTION_SCORE_LABELS: Record<1 | 2 | 3 | 4, string> = {
  1: 'Did not solve',
  2: 'Partly solved',
  3: 'Solved',
  4: 'Solved very well',
};
export const QuestionScoreSchema = z
  .number()
  .int('A question score is a whole number.')
  .min(1, 'A question score is 1 to 4.')
  .max(4, 'A question score is 1 to 4.');

const longText = (what: string, max = 10_000) =>
  z.string().max(max, `${what} may be at most ${max.toLocaleString('en')} characters.`);

// ── Templates ──────────────────────────────────────────────────────────────

/** A competency's stable id inside its template: analytics group ratings by it across versions. */
export const CompetencyKeySchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    'A competency key is 1–40 lower-case letters, digits or “_”, starting with a letter.',
  );

/** One point of a competency's scale: its score, a short label and what earns it. */
export const RubricLevelSchema = z.object({
  score: z
    .number()
    .int('A level’s score is a whole number.')
    .min(0, 'Scores go from 0 to 10.')
    .max(10, 'Scores go from 0 to 10.'),
  label: displayNameSchema({
    max: 60,
    what: 'A level label',
    empty: 'Give every level a label, e.g. “Meets the bar”.',
  }),
  rubric: longText('A rubric', 2_000).default(''),
});
export type RubricLevel = z.infer<typeof RubricLevelSchema>;

export const CompetencySchema = z
  .object({
    key: CompetencyKeySchema,
    label: displayNameSchema({ max: 80, what: 'A competency name', empty: 'Give every competency a name.' }),
    description: longText('A description', 2_000).default(''),
    levels: z
      .array(RubricLevelSchema)
      .min(2, 'A scale has at least 2 levels.')
      .max(10, 'A scale has at most 10 levels.'),
  })
  .superRefine((c, ctx) => {
    const scores = c.levels.map((l) => l.score);
    if (new Set(scores).size !== scores.length)
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'Each level of a scale needs its own score.' });
    if (scores.some((s, i) => i > 0 && s <= (scores[i - 1] ?? 0)))
      ctx.addIssue({
        code: 'custom',
        path: ['levels'],
        message: 'List the levels from the lowest score to the highest.',
      });
  });
export type Competency = z.infer<typeof CompetencySchema>;

/** A competency as the API returns it (responses carry no input transforms). */
export const CompetencyViewSchema = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  levels: z.array(z.object({ score: z.number().int(), label: z.string(), rubric: z.string() })),
});

/** The labels of the default 1–4 scale (rubric text is per competency). */
export const DEFAULT_SCALE: readonly { score: number; label: string }[] = [
  { score: 1, label: 'Strong no' },
  { score: 2, label: 'No' },
  { score: 3, label: 'Yes' },
  { score: 4, label: 'Strong yes' },
];

/** What a template version says: POST /api/v1/orgs/:orgId/scorecard-templates, and PUT (which adds a version). */
export const ScorecardTemplateInputSchema = z
  .object({
    name: displayNameSchema({ max: 120, what: 'A template name', empty: 'Give the template a name.' }),
    description: longText('A description', 2_000).default(''),
    competencies: z
      .array(CompetencySchema)
      .min(1, 'A template has at least one competency.')
      .max(20, 'A template has at most 20 competencies.'),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.competencies.forEach((c, i) => {
      if (seen.has(c.key))
        ctx.addIssue({
          code: 'custom',
          path: ['competencies', i, 'key'],
          message: `The key “${c.key}” is used twice.`,
        });
      seen.add(c.key);
    });
  });
export type ScorecardTemplateInput = z.input<typeof ScorecardTemplateInputSchema>;

/** PUT /api/v1/scorecard-templates/:id: a new version based on `baseVersion` (409 when someone saved another meanwhile). */
export const UpdateScorecardTemplateInputSchema = z.object({
  baseVersion: z.number().int().min(1),
  template: ScorecardTemplateInputSchema,
});
export type UpdateScorecardTemplateInput = z.input<typeof UpdateScorecardTemplateInputSchema>;

const PersonRefSchema = z.object({ userId: z.uuid().nullable(), name: z.string() });

/** One immutable version of a template; scorecards point at the version they were filled with. */
export const ScorecardTemplateVersionSchema = z.object({
  id: z.uuid(),
  templateId: z.uuid(),
  version: z.number().int(),
  name: z.string(),
  description: z.string(),
  competencies: z.array(CompetencyViewSchema),
  createdBy: PersonRefSchema,
  createdAt: z.iso.datetime(),
});
export type ScorecardTemplateVersion = z.infer<typeof ScorecardTemplateVersionSchema>;

export const ScorecardTemplateSummarySchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  name: z.string(),
  description: z.string(),
  status: TemplateStatusSchema,
  isDefault: z.boolean(),
  /** Shipped with the product (seeded for the organisation on first use); editable like any other. */
  builtIn: z.boolean(),
  currentVersion: z.number().int(),
  competencyCount: z.number().int(),
  /** Scorecards filled with any version of it. */
  scorecardCount: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type ScorecardTemplateSummary = z.infer<typeof ScorecardTemplateSummarySchema>;

/** GET /api/v1/orgs/:orgId/scorecard-templates. */
export const ScorecardTemplateListSchema = z.object({
  items: z.array(ScorecardTemplateSummarySchema),
  can: z.object({ manage: z.boolean() }),
});
export type ScorecardTemplateList = z.infer<typeof ScorecardTemplateListSchema>;

/** GET /api/v1/scorecard-templates/:id: the current version in full and the history. */
export const ScorecardTemplateDetailSchema = ScorecardTemplateSummarySchema.extend({
  current: ScorecardTemplateVersionSchema,
  versions: z.array(
    z.object({ id: z.uuid(), version: z.number().int(), createdBy: PersonRefSchema, createdAt: z.iso.datetime() }),
  ),
  can: z.object({ manage: z.boolean() }),
});
export type ScorecardTemplateDetail = z.infer<typeof ScorecardTemplateDetailSchema>;

// ── Scorecards ─────────────────────────────────────────────────────────────

/** POST /api/v1/interviews/:id/scorecards: opens (creates once) the caller's own scorecard. */
export const OpenScorecardInputSchema = z.object({
  /** A template of the organisation; ignored when the panel already uses one (all scorecards of an interview share a version). */
  templateId: z.uuid().optional(),
});
export type OpenScorecardInput = z.input<typeof OpenScorecardInputSchema>;

export const ScorecardQuestionSchema = z.object({
  interviewQuestionId: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  /** The question bank version asked, when the question came from the bank. */
  problemVersionId: z.uuid().nullable(),
  score: QuestionScoreSchema.nullable(),
  /** What the candidate did or answered. */
  response: z.string(),
  /** Hints the interviewer gave. */
  hints: z.string(),
  notes: z.string(),
});
export type ScorecardQuestion = z.infer<typeof ScorecardQuestionSchema>;

export const ScorecardRatingSchema = z.object({
  competencyKey: z.string(),
  score: z.number().int().nullable(),
  notes: z.string(),
});
export type ScorecardRating = z.infer<typeof ScorecardRatingSchema>;

/** One interviewer's scorecard for one interview. */
export const ScorecardSchema = z.object({
  id: z.uuid(),
  interviewId: z.uuid(),
  status: ScorecardStatusSchema,
  /** Bumped by every save; a save must name the revision it was based on. */
  revision: z.number().int(),
  author: PersonRefSchema,
  template: ScorecardTemplateVersionSchema,
  questions: z.array(ScorecardQuestionSchema),
  ratings: z.array(ScorecardRatingSchema),
  strengths: z.string(),
  weaknesses: z.string(),
  recommendation: RecommendationSchema.nullable(),
  notes: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  can: z.object({ edit: z.boolean(), submit: z.boolean() }),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

/** PUT /api/v1/scorecards/:id: the whole draft (autosave). Missing questions/ratings are stored empty. */
export const SaveScorecardInputSchema = z.object({
  revision: z.number().int().min(0),
  questions: z
    .array(
      z.object({
        interviewQuestionId: z.uuid(),
        score: QuestionScoreSchema.nullable().default(null),
        response: longText('A response note').default(''),
        hints: longText('Hints').default(''),
        notes: longText('Notes').default(''),
      }),
    )
    .max(50)
    .default([]),
  ratings: z
    .array(
      z.object({
        competencyKey: CompetencyKeySchema,
        score: z.number().int().nullable().default(null),
        notes: longText('Notes').default(''),
      }),
    )
    .max(20)
    .default([]),
  strengths: longText('Strengths').default(''),
  weaknesses: longText('Weaknesses').default(''),
  recommendation: RecommendationSchema.nullable().default(null),
  notes: longText('Notes', 20_000).default(''),
});
export type SaveScorecardInput = z.input<typeof SaveScorecardInputSchema>;

/** POST /api/v1/scorecards/:id/submit: submits the saved draft of that revision and locks it. */
export const SubmitScorecardInputSchema = z.object({ revision: z.number().int().min(0) });

export const PanelMemberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  /** `pending` covers both “not started” and “drafting”: whether someone has a draft is not disclosed. */
  status: z.enum(['submitted', 'pending']),
  submittedAt: z.iso.datetime().nullable(),
  isMe: z.boolean(),
});
export type PanelMember = z.infer<typeof PanelMemberSchema>;

export const CompetencySummarySchema = z.object({
  key: z.string(),
  label: z.string(),
  maxScore: z.number().int(),
  scores: z.array(z.object({ userId: z.uuid().nullable(), name: z.string(), score: z.number().int().nullable() })),
  /** Mean of the given scores, null when none. */
  average: z.number().nullable(),
});
export type CompetencySummary = z.infer<typeof CompetencySummarySchema>;

/**
 * GET /api/v1/interviews/:id/scorecards: progress for everyone allowed, and the
 * submitted scorecards the caller may read (the anchoring rule, ADR 0010);
 * `summary` once every interviewer of the panel has submitted.
 */
export const InterviewScorecardsSchema = z.object({
  interviewId: z.uuid(),
  interviewStatus: InterviewStatusSchema,
  panel: z.array(PanelMemberSchema),
  progress: z.object({ submitted: z.number().int(), expected: z.number().int() }),
  complete: z.boolean(),
  me: z.object({
    onPanel: z.boolean(),
    scorecardId: z.uuid().nullable(),
    status: ScorecardStatusSchema.nullable(),
    /** Whether the caller can open (create) their own scorecard now. */
    canOpen: z.boolean(),
  }),
  /** `submit_own_first`: an interviewer sees others' scorecards only after submitting their own. */
  access: z.enum(['full', 'submit_own_first']),
  scorecards: z.array(ScorecardSchema),
  summary: z
    .object({
      competencies: z.array(CompetencySummarySchema),
      recommendations: z.record(RecommendationSchema, z.number().int()),
    })
    .nullable(),
});
export type InterviewScorecards = z.infer<typeof InterviewScorecardsSchema>;
