import { z } from 'zod';
import { InterviewStatusSchema } from './interviews.js';

/** The longest range one calendar query may cover (a month view with its leading and trailing weeks fits). */
export const CALENDAR_MAX_RANGE_DAYS = 62;

/**
 * GET /api/v1/calendar/entries — the interviews with a time in [from, to) in
 * one organisation. Without `interviewerIds`, members get their own and
 * managers (owners, admins, recruiters) everyone's; with it (repeat the key
 * for several), only interviews on which one of them sits.
 */
export const CalendarEntriesQuerySchema = z.object({
  orgId: z.uuid(),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  interviewerIds: z.union([z.uuid(), z.array(z.uuid()).max(100)]).optional(),
});
export type CalendarEntriesQuery = z.input<typeof CalendarEntriesQuerySchema>;

/** One interview in a calendar (times in UTC; the screens show them in the viewer's zone). */
export const CalendarEntrySchema = z.object({
  interviewId: z.uuid(),
  title: z.string(),
  status: InterviewStatusSchema,
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  /** The interviewers, in panel order. */
  panel: z.array(z.object({ userId: z.uuid(), name: z.string() })),
  /** "Candidate" when the interview is anonymous. */
  candidateName: z.string(),
  anonymous: z.boolean(),
  /** Whether the viewer may move it now: may manage it, it is scheduled and has not begun. */
  canReschedule: z.boolean(),
});
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>;

export const CalendarEntriesSchema = z.object({
  /** Whether the viewer sees every interviewer of the organisation (and may filter by interviewer). */
  scope: z.enum(['own', 'organisation']),
  /** Who may be picked in the interviewer filter (only the viewer for scope "own"). */
  interviewers: z.array(z.object({ userId: z.uuid(), name: z.string() })),
  entries: z.array(CalendarEntrySchema),
});
export type CalendarEntries = z.infer<typeof CalendarEntriesSchema>;
