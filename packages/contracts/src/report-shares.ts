import { z } from 'zod';
import { displayNameSchema } from './display-text.js';
import { LanguageIdSchema } from './executions.js';
import { InterviewReportSchema } from './reports.js';

/** Longest a share link may live. */
export const SHARE_MAX_DAYS = 90;

/** POST /api/v1/interviews/:id/report/shares — a read-only link for someone outside the organisation. */
export const CreateReportShareInputSchema = z.object({
  /** Who it is for ("Hiring manager, Payments"): shown in the list and the audit log. */
  label: displayNameSchema({
    max: 120,
    what: 'The label',
    empty: 'Say who the link is for, e.g. “Hiring manager, Payments”.',
  }),
  expiresInDays: z.number().int().min(1).max(SHARE_MAX_DAYS).default(14),
  /** Whether the recipient may also watch the session replay. */
  includeReplay: z.boolean().default(false),
});
export type CreateReportShareInput = z.input<typeof CreateReportShareInputSchema>;

export const ReportShareSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  includeReplay: z.boolean(),
  state: z.enum(['active', 'expired', 'revoked']),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.string().nullable(),
  lastOpenedAt: z.iso.datetime().nullable(),
  openCount: z.number().int(),
});
export type ReportShare = z.infer<typeof ReportShareSchema>;

/** The new link: its secret appears only in this answer (it is stored hashed). */
export const ReportShareCreatedSchema = ReportShareSchema.extend({
  /** `<PUBLIC_URL>/shared/report#<token>`: the token stays in the fragment, out of server logs. */
  url: z.string(),
});
export type ReportShareCreated = z.infer<typeof ReportShareCreatedSchema>;

export const ReportShareListSchema = z.object({ shares: z.array(ReportShareSchema) });
export type ReportShareList = z.infer<typeof ReportShareListSchema>;

/** POST /api/v1/shared-reports/open: the token travels in the body, never in a URL. */
export const OpenSharedReportInputSchema = z.object({
  token: z.string().min(20).max(200),
  format: z.enum(['json', 'pdf']).default('json'),
});
export type OpenSharedReportInput = z.input<typeof OpenSharedReportInputSchema>;

/** What the recipient of a share link sees: the report as it was when it was shared. */
export const SharedReportSchema = z.object({
  report: InterviewReportSchema,
  sharedBy: z.string().nullable(),
  sharedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  includeReplay: z.boolean(),
});
export type SharedReport = z.infer<typeof SharedReportSchema>;

/** PUT /api/v1/interviews/:id/release — what the candidate may see in their history (after the interview ended). */
export const ReleaseInputSchema = z.object({
  feedback: z.string().trim().max(10_000, 'Keep the feedback under 10,000 characters.'),
  includeCode: z.boolean().default(false),
  includeSolution: z.boolean().default(false),
});
export type ReleaseInput = z.input<typeof ReleaseInputSchema>;

const ReleasedCodeSchema = z.array(z.object({ language: z.string(), code: z.string() }));
const ReleasedSolutionsSchema = z.array(
  z.object({
    position: z.number().int(),
    title: z.string(),
    referenceSolutions: z.partialRecord(LanguageIdSchema, z.string()),
  }),
);

/** The release as the organisation sees it (null body when nothing is released). */
export const InterviewReleaseSchema = z.object({
  interviewId: z.uuid(),
  feedback: z.string(),
  includeCode: z.boolean(),
  includeSolution: z.boolean(),
  releasedAt: z.iso.datetime(),
  releasedBy: z.string().nullable(),
});
export type InterviewRelease = z.infer<typeof InterviewReleaseSchema>;

/** GET /api/v1/me/interviews/:id/feedback — what the candidate sees (only what was released, frozen then). */
export const CandidateFeedbackSchema = z.object({
  interviewId: z.uuid(),
  title: z.string(),
  orgName: z.string(),
  released: z.boolean(),
  releasedAt: z.iso.datetime().nullable(),
  feedback: z.string(),
  /** Null when the organisation did not release the code. */
  code: ReleasedCodeSchema.nullable(),
  /** Null when the organisation did not release the solutions (or no bank question was asked). */
  solutions: ReleasedSolutionsSchema.nullable(),
});
export type CandidateFeedback = z.infer<typeof CandidateFeedbackSchema>;
export { ReleasedCodeSchema, ReleasedSolutionsSchema };
