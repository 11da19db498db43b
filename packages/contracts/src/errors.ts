import { z } from 'zod';

/**
 * The closed catalogue of error codes the API can return, with the HTTP status
 * each maps to. Codes are `domain.snake_case`; clients switch on `code`, never
 * on message text.
 */
export const ERROR_CODES = {
  'request.validation_failed': 400,
  'request.malformed': 400,
  'request.unsupported_media_type': 415,
  'request.payload_too_large': 413,
  'request.not_found': 404,
  'request.method_not_allowed': 405,
  'request.rate_limited': 429,
  'auth.unauthenticated': 401,
  'auth.forbidden': 403,
  'auth.invalid_credentials': 401,
  'auth.email_unverified': 403,
  'auth.totp_invalid': 401,
  'auth.throttled': 429,
  'auth.csrf_failed': 403,
  'auth.token_invalid': 400,
  'auth.suspended': 403,
  'resource.not_found': 404,
  'resource.conflict': 409,
  /** The change would leave an organisation without an owner. */
  'org.last_owner': 409,
  /** The user is already a member of the organisation. */
  'org.already_member': 409,
  /** Code execution is not configured on this server (no sandbox engine, no runner online). */
  /** The interview is not in a state that allows this action (e.g. starting an ended interview). */
  'interview.invalid_transition': 409,
  /** The interview can no longer be edited (it has started, ended or was cancelled). */
  'interview.locked': 409,
  /** The invite link expired, was revoked, or was already used (single use). */
  'interview.link_inactive': 410,
  'execution.unavailable': 503,
  /** A slug is already used by another problem of the same owner (the public library or one organisation). */
  'problem.slug_taken': 409,
  /** The problem cannot be published as it is (e.g. a coding problem without tests or reference solutions). */
  'problem.not_publishable': 422,
  /** Archived problems and published versions cannot be changed. */
  'problem.locked': 409,
  /** The code runner's queue is full; retry after the Retry-After seconds. */
  'execution.busy': 503,
  /** Too many executions by this user or organisation in the last minute. */
  'execution.rate_limited': 429,
  /** The language is not installed on the runners. */
  'execution.language_unavailable': 422,
  /** The problem version named by the execution does not exist. */
  'execution.unknown_problem_version': 422,
  /** The scorecard was submitted and can no longer be changed. */
  'scorecard.locked': 409,
  /** The scorecard was saved elsewhere (another tab) since the revision the change was based on. */
  'scorecard.revision_conflict': 409,
  /** Submitting needs every competency rated and a recommendation (issues name what is missing). */
  'scorecard.incomplete': 422,
  /** Scorecards open when the interview starts, and are submitted after it has ended; none for cancelled interviews. */
  'scorecard.not_open': 409,
  /** The anchoring rule: an interviewer reads other scorecards only after submitting their own. */
  'scorecard.submit_own_first': 403,
  /** The report share link expired or was revoked. */
  'report.share_inactive': 410,
  /** The CalDAV calendar could not be reached or refused the credentials (the message says which). */
  'calendar.caldav_unreachable': 422,
  /** The candidate's feedback can be released once the interview has ended. */
  'report.not_releasable': 409,
  /** PDF export needs Chromium on the server (CHROMIUM_PATH); the JSON report works without it. */
  'report.pdf_unavailable': 503,
  /** The time is not free for the whole panel (booked meanwhile, outside availability, too soon); the body lists alternatives. */
  'scheduling.slot_unavailable': 409,
  /** The scheduling link expired or was revoked. */
  'scheduling.link_inactive': 410,
  /** Scheduling an interview needs a start time (set one, or pick a free slot on its Schedule page). */
  'scheduling.start_required': 422,
  /** The room has no call now (the interview ended or was cancelled). */
  'media.call_closed': 409,
  /** The recording is not in a state that allows this (e.g. uploading to a stopped recording, stopping with chunks missing). */
  'recording.invalid_state': 409,
  /** The recording link expired or its signature does not match; ask for a new one. */
  'recording.link_invalid': 403,
  /** The requested byte range lies outside the recording. */
  'request.range_not_satisfiable': 416,
  'server.internal': 500,
  'server.unavailable': 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ErrorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

/** One field-level validation problem: where (dotted path) and what is wrong. */
export const ValidationIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

/** RFC 9457 problem details, as every error response of the API is shaped. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: ErrorCodeSchema,
  instance: z.string().optional(),
  requestId: z.string().optional(),
  issues: z.array(ValidationIssueSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
