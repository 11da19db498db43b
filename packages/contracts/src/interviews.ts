import { z } from 'zod';
import { EmailSchema, PersonNameSchema } from './auth.js';
import { displayNameSchema } from './display-text.js';
import { LanguageIdSchema } from './executions.js';
import {
  CandidateProblemViewSchema,
  DifficultySchema,
  InterviewerGuideSchema,
  QuestionCategorySchema,
} from './questions.js';

/** draft → scheduled → live ⇄ paused → ended, or cancelled from draft/scheduled/live/paused. */
export const INTERVIEW_STATUSES = ['draft', 'scheduled', 'live', 'paused', 'ended', 'cancelled'] as const;
export const InterviewStatusSchema = z.enum(INTERVIEW_STATUSES);
export type InterviewStatus = z.infer<typeof InterviewStatusSchema>;

/** What one person is in one room. */
export const ROOM_ROLES = ['candidate', 'interviewer', 'observer'] as const;
export const RoomRoleSchema = z.enum(ROOM_ROLES);
export type RoomRole = z.infer<typeof RoomRoleSchema>;

/** Lifecycle actions (POST /api/v1/interviews/:id/transitions). Only the interview's interviewers start, pause, resume and end. */
export const INTERVIEW_ACTIONS = ['schedule', 'start', 'pause', 'resume', 'end', 'cancel'] as const;
export const InterviewActionSchema = z.enum(INTERVIEW_ACTIONS);
export type InterviewAction = z.infer<typeof InterviewActionSchema>;

/** The state an action leads to, and the states it may start from. The server and the screens share this table. */
export const INTERVIEW_TRANSITIONS: Record<InterviewAction, { from: readonly InterviewStatus[]; to: InterviewStatus }> =
  {
    schedule: { from: ['draft'], to: 'scheduled' },
    start: { from: ['draft', 'scheduled'], to: 'live' },
    pause: { from: ['live'], to: 'paused' },
    resume: { from: ['paused'], to: 'live' },
    end: { from: ['live', 'paused'], to: 'ended' },
    cancel: { from: ['draft', 'scheduled', 'live', 'paused'], to: 'cancelled' },
  };

export const InterviewTitleSchema = displayNameSchema({
  max: 200,
  what: 'An interview title',
  empty: 'Give the interview a title, for example “Backend engineer — pairing”.',
});

export const InterviewOptionsSchema = z.object({
  /** Names shown as “Candidate” / “Interviewer 1”; no e-mails or pictures cross over. */
  anonymous: z.boolean().default(false),
  recordingAllowed: z.boolean().default(false),
  /** The candidate's client reports large pastes and tab switches; the candidate is told in the lobby. */
  integritySignals: z.boolean().default(false),
});
export type InterviewOptions = z.infer<typeof InterviewOptionsSchema>;

/**
 * A question of an interview: a published version of a question-bank problem
 * (`problemVersionId`; its title and statement are taken from the version), or
 * free-form text typed in by the interviewer (title and prompt).
 */
export const InterviewQuestionInputSchema = z
  .object({
    problemVersionId: z.uuid('Pick the question from the question bank again.').nullable().default(null),
    title: z.string().trim().max(200, 'A question title may be at most 200 characters.').default(''),
    /** Markdown shown to everyone in the room (free-form questions). */
    prompt: z.string().max(20_000, 'A question may be at most 20,000 characters.').default(''),
    /** Markdown only interviewers see (hints, what a good answer looks like). */
    interviewerNotes: z.string().max(20_000, 'Interviewer notes may be at most 20,000 characters.').default(''),
  })
  .superRefine((value, ctx) => {
    if (value.problemVersionId === null && value.title === '')
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'Give the question a title.' });
  });
export type InterviewQuestionInput = z.input<typeof InterviewQuestionInputSchema>;

const durationMinutes = z
  .number()
  .int('Use whole minutes.')
  .min(5, 'An interview lasts at least 5 minutes.')
  .max(480, 'An interview lasts at most 8 hours.');

/** POST /api/v1/interviews. */
export const CreateInterviewInputSchema = z.object({
  orgId: z.uuid(),
  title: InterviewTitleSchema,
  candidate: z.object({ name: PersonNameSchema, email: EmailSchema }),
  /** Other members of the org who interview with you (you are always an interviewer). */
  coInterviewerIds: z.array(z.uuid()).max(10, 'At most 10 co-interviewers.').default([]),
  plannedStart: z.iso.datetime({ offset: true }).nullable().default(null),
  durationMinutes: durationMinutes.default(60),
  defaultLanguage: LanguageIdSchema.default('python'),
  questions: z.array(InterviewQuestionInputSchema).max(20, 'At most 20 questions.').default([]),
  options: InterviewOptionsSchema.default({ anonymous: false, recordingAllowed: false, integritySignals: false }),
});
export type CreateInterviewInput = z.input<typeof CreateInterviewInputSchema>;

/** PATCH /api/v1/interviews/:id — only while draft or scheduled. */
export const UpdateInterviewInputSchema = z.object({
  title: InterviewTitleSchema.optional(),
  candidate: z.object({ name: PersonNameSchema, email: EmailSchema }).optional(),
  coInterviewerIds: z.array(z.uuid()).max(10, 'At most 10 co-interviewers.').optional(),
  plannedStart: z.iso.datetime({ offset: true }).nullable().optional(),
  durationMinutes: durationMinutes.optional(),
  defaultLanguage: LanguageIdSchema.optional(),
  questions: z.array(InterviewQuestionInputSchema).max(20, 'At most 20 questions.').optional(),
  options: InterviewOptionsSchema.optional(),
  /** Why a scheduled interview's time, length or panel changed (booking history, update e-mail); default “Edited by <name>”. */
  reason: z.string().trim().min(1).max(500, 'A reason may be at most 500 characters.').optional(),
});
export type UpdateInterviewInput = z.infer<typeof UpdateInterviewInputSchema>;

export const InterviewPersonSchema = z.object({
  userId: z.uuid().nullable(),
  name: z.string(),
  email: z.string().nullable(),
});

export const InterviewQuestionSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  prompt: z.string(),
  /** Present for interviewers only. */
  interviewerNotes: z.string().optional(),
  /** The question-bank version asked; null for free-form questions. */
  problem: z
    .object({
      problemId: z.uuid(),
      versionId: z.uuid(),
      version: z.number().int(),
      slug: z.string(),
      difficulty: DifficultySchema,
      category: QuestionCategorySchema,
    })
    .nullable(),
});
export type InterviewQuestion = z.infer<typeof InterviewQuestionSchema>;

/** How much of a hidden test's input and expected output the room shows. */
export const ROOM_TEST_PREVIEW_CHARS = 2_000;

/** What only interviewers see of a bank question in the room: hidden tests, reference solutions, the guide. */
export const RoomAnswerKeySchema = z.object({
  /** Inputs and outputs cut to ROOM_TEST_PREVIEW_CHARS; the question bank has them whole. */
  hiddenTests: z.array(
    z.object({ name: z.string(), input: z.string(), expectedOutput: z.string(), isTruncated: z.boolean() }),
  ),
  referenceSolutions: z.partialRecord(LanguageIdSchema, z.string()),
  guide: InterviewerGuideSchema,
});
export type RoomAnswerKey = z.infer<typeof RoomAnswerKeySchema>;

/** A question in the room: bank questions carry the candidate's view, and for interviewers the answer key. */
export const RoomQuestionSchema = InterviewQuestionSchema.extend({
  view: CandidateProblemViewSchema.nullable(),
  /** Interviewers only. */
  answerKey: RoomAnswerKeySchema.optional(),
});
export type RoomQuestion = z.infer<typeof RoomQuestionSchema>;

export const InterviewTransitionSchema = z.object({
  from: InterviewStatusSchema.nullable(),
  to: InterviewStatusSchema,
  at: z.iso.datetime(),
  actor: z.object({ userId: z.uuid().nullable(), name: z.string() }),
  reason: z.string().nullable(),
});
export type InterviewTransition = z.infer<typeof InterviewTransitionSchema>;

/** An interview as its org's members see it (GET /api/v1/interviews/:id). */
export const InterviewSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  title: z.string(),
  status: InterviewStatusSchema,
  candidate: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  interviewers: z.array(InterviewPersonSchema.extend({ userId: z.uuid() })),
  plannedStart: z.iso.datetime().nullable(),
  durationMinutes: z.number().int(),
  defaultLanguage: LanguageIdSchema,
  options: InterviewOptionsSchema,
  questions: z.array(InterviewQuestionSchema),
  createdBy: z.object({ userId: z.uuid().nullable(), name: z.string() }),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  transitions: z.array(InterviewTransitionSchema),
  /** What the caller may do now. */
  can: z.object({ edit: z.boolean(), manageLinks: z.boolean(), actions: z.array(InterviewActionSchema) }),
});
export type Interview = z.infer<typeof InterviewSchema>;

/** One row of the interviews list. */
export const InterviewSummarySchema = InterviewSchema.pick({
  id: true,
  orgId: true,
  title: true,
  status: true,
  plannedStart: true,
  durationMinutes: true,
  createdAt: true,
}).extend({
  candidateName: z.string(),
  interviewerNames: z.array(z.string()),
});
export type InterviewSummary = z.infer<typeof InterviewSummarySchema>;

export const INTERVIEW_SORTS = ['plannedStart', 'createdAt', 'title', 'status'] as const;

/** GET /api/v1/interviews?orgId=… filters. */
export const InterviewListQuerySchema = z.object({
  orgId: z.uuid(),
  status: InterviewStatusSchema.optional(),
  /** Planned start on or after / before (ISO date-time). */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  interviewerId: z.uuid().optional(),
  /** Part of the candidate's name or e-mail. */
  candidate: z.string().trim().max(100).optional(),
  sort: z.enum(INTERVIEW_SORTS).default('plannedStart'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type InterviewListQuery = z.input<typeof InterviewListQuerySchema>;

export const InterviewListSchema = z.object({
  items: z.array(InterviewSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type InterviewList = z.infer<typeof InterviewListSchema>;

/** POST /api/v1/interviews/:id/transitions. */
export const InterviewTransitionInputSchema = z.object({
  action: InterviewActionSchema,
  reason: z.string().trim().max(500, 'A reason may be at most 500 characters.').optional(),
});
export type InterviewTransitionInput = z.infer<typeof InterviewTransitionInputSchema>;

/** POST /api/v1/interviews/:id/links: creates (or regenerates — the old link of that role stops working) the link of a role. */
export const CreateInterviewLinkInputSchema = z.object({
  role: RoomRoleSchema,
  /** Hours until the link expires; default one week. */
  expiresInHours: z
    .number()
    .int()
    .min(1, 'A link lives at least an hour.')
    .max(24 * 90, 'A link lives at most 90 days.')
    .default(24 * 7),
  singleUse: z.boolean().default(false),
  /** Candidate links only: e-mail the link to the candidate. */
  sendEmail: z.boolean().default(false),
});
export type CreateInterviewLinkInput = z.input<typeof CreateInterviewLinkInputSchema>;

export const InterviewLinkSchema = z.object({
  id: z.uuid(),
  role: RoomRoleSchema,
  expiresAt: z.iso.datetime(),
  singleUse: z.boolean(),
  uses: z.number().int(),
  revokedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  /** Whether the link still opens the room. */
  active: z.boolean(),
  /** The full URL, returned only when the link is created (only its hash is stored). */
  url: z.string().optional(),
  emailedTo: z.string().nullable(),
});
export type InterviewLink = z.infer<typeof InterviewLinkSchema>;

/** Body of the token-bearing link endpoints (POST, so the token stays out of logs). */
export const RoomLinkTokenInputSchema = z.object({ token: z.string().min(16).max(128) });

/** What the lobby shows (POST /api/v1/room-links/lookup): enough to decide to join, nothing private. */
export const LobbySchema = z.object({
  interviewId: z.uuid(),
  title: z.string(),
  orgName: z.string(),
  role: RoomRoleSchema,
  status: InterviewStatusSchema,
  plannedStart: z.iso.datetime().nullable(),
  durationMinutes: z.number().int(),
  options: InterviewOptionsSchema,
  /** Whether the caller is already in (a guest cookie or an account bound to this interview in this role). */
  joined: z.boolean(),
  /** A name to prefill (the candidate's name on the interview when the link is the candidate's). */
  suggestedName: z.string().nullable(),
});
export type Lobby = z.infer<typeof LobbySchema>;

/** POST /api/v1/room-links/join. Consent is required when recording or integrity signals are on. */
export const JoinRoomInputSchema = z.object({
  token: z.string().min(16).max(128),
  displayName: PersonNameSchema,
  consent: z.boolean().default(false),
});
export type JoinRoomInput = z.input<typeof JoinRoomInputSchema>;

export const JoinRoomResultSchema = z.object({ interviewId: z.uuid(), role: RoomRoleSchema });

/** One person in a room as everyone in it sees them (anonymous mode: label only, no name or e-mail). */
export const RoomParticipantSchema = z.object({
  id: z.string(),
  role: RoomRoleSchema,
  /** “Candidate”, “Interviewer 1”… in anonymous mode; otherwise the person's name. */
  label: z.string(),
});
export type RoomParticipant = z.infer<typeof RoomParticipantSchema>;

/**
 * The room's shared countdown in the server's time (epoch ms): remaining =
 * durationMs − (serverNow − startedAt − pausedTotalMs), frozen at pausedAt
 * while paused or ended. Browsers shift their own clock by the offset to
 * `serverNow`, so everyone sees the same time whatever their clock says.
 */
export const RoomClockSchema = z.object({
  startedAt: z.number().nullable(),
  pausedAt: z.number().nullable(),
  pausedTotalMs: z.number(),
  durationMs: z.number(),
  serverNow: z.number(),
});
export type RoomClock = z.infer<typeof RoomClockSchema>;

/** GET /api/v1/interviews/:id/room — what the room page needs, cut to the caller's role. */
export const RoomInfoSchema = z.object({
  interviewId: z.uuid(),
  title: z.string(),
  status: InterviewStatusSchema,
  plannedStart: z.iso.datetime().nullable(),
  durationMinutes: z.number().int(),
  startedAt: z.iso.datetime().nullable(),
  defaultLanguage: LanguageIdSchema,
  options: InterviewOptionsSchema,
  me: z.object({
    participantId: z.string(),
    role: RoomRoleSchema,
    label: z.string(),
    canWrite: z.boolean(),
    /** Start, pause, resume and end: the interview's interviewers with an account of the organisation. */
    canControl: z.boolean(),
  }),
  participants: z.array(RoomParticipantSchema),
  clock: RoomClockSchema,
  /**
   * Interviewer notes and answer keys are present only for interviewers; the
   * candidate and observers get no questions before the interview starts.
   */
  questions: z.array(RoomQuestionSchema),
});
export type RoomInfo = z.infer<typeof RoomInfoSchema>;

/** An interview in a candidate's own history (GET /api/v1/me/interviews). */
export const MyInterviewSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  orgName: z.string(),
  status: InterviewStatusSchema,
  plannedStart: z.iso.datetime().nullable(),
  durationMinutes: z.number().int(),
  role: RoomRoleSchema,
  endedAt: z.iso.datetime().nullable(),
});
export type MyInterview = z.infer<typeof MyInterviewSchema>;
