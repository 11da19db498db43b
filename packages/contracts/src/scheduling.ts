import { z } from 'zod';
import { ProblemSchema } from './errors.js';

/** Whether the JavaScript runtime knows `zone` as an IANA time zone (ECMAScript Intl, the same in browser and server). */
export function isKnownTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name such as `Europe/Berlin` or `America/New_York`. */
export const TimeZoneSchema = z
  .string()
  .refine(isKnownTimeZone, { message: 'Unknown time zone. Use an IANA name such as Europe/Berlin or UTC.' });

/** A wall-clock time `HH:MM` (24-hour); `24:00` ends a range at midnight. */
export const WallTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use a 24-hour time such as 09:00 or 17:30.');

/** A calendar date `YYYY-MM-DD`, in the interviewer's own time zone. */
export const LocalDateSchema = z.iso.date('Use a date such as 2026-03-29.');

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export const WeekdaySchema = z.int().min(1).max(7);

/** One weekly recurring range of availability, in the interviewer's zone. */
export const WeeklyRangeSchema = z.object({
  weekday: WeekdaySchema,
  start: WallTimeSchema,
  end: WallTimeSchema,
});
export type WeeklyRange = z.infer<typeof WeeklyRangeSchema>;

/**
 * A date that differs from the weekly pattern: `unavailable` without times is a
 * day off, with times it blocks that part of the day; `available` adds extra hours.
 */
export const AvailabilityExceptionSchema = z.object({
  date: LocalDateSchema,
  kind: z.enum(['available', 'unavailable']),
  start: WallTimeSchema.nullable(),
  end: WallTimeSchema.nullable(),
});
export type AvailabilityException = z.infer<typeof AvailabilityExceptionSchema>;

const minutes = (max: number, what: string) =>
  z
    .int(`${what} must be a whole number of minutes.`)
    .min(0, `${what} cannot be negative.`)
    .max(max, `${what} can be at most ${max} minutes.`);

/** PUT /api/v1/me/availability — replaces the caller's availability as a whole. */
export const AvailabilityInputSchema = z.object({
  timeZone: TimeZoneSchema,
  weekly: z.array(WeeklyRangeSchema).max(70, 'At most 70 weekly ranges.'),
  exceptions: z.array(AvailabilityExceptionSchema).max(400, 'At most 400 date exceptions.'),
  bufferBeforeMinutes: minutes(240, 'The buffer before'),
  bufferAfterMinutes: minutes(240, 'The buffer after'),
  minimumNoticeMinutes: minutes(60 * 24 * 60, 'The minimum notice'),
  /** Null: no limit. */
  maxPerDay: z.int().min(1).max(24).nullable(),
});
export type AvailabilityInput = z.input<typeof AvailabilityInputSchema>;

export const AvailabilitySchema = AvailabilityInputSchema.extend({
  /** False until the interviewer saved availability once (the defaults shown are then a suggestion). */
  isConfigured: z.boolean(),
});
export type Availability = z.infer<typeof AvailabilitySchema>;

/** A free (or booked) time, always in UTC; the screens show it in the viewer's zone. */
export const SlotSchema = z.object({ start: z.iso.datetime(), end: z.iso.datetime() });
export type Slot = z.infer<typeof SlotSchema>;

/** GET /api/v1/interviews/:id/slots — the panel's common free slots for the interview's duration. */
export const SlotQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});

export const SlotListSchema = z.object({
  durationMinutes: z.int(),
  /** The interviewers whose calendars were intersected. */
  panel: z.array(z.object({ userId: z.uuid(), name: z.string(), timeZone: z.string().nullable() })),
  slots: z.array(SlotSchema),
});
export type SlotList = z.infer<typeof SlotListSchema>;

/** POST /api/v1/interviews/:id/booking — schedule (draft) or reschedule (scheduled; reason required). */
export const BookInterviewInputSchema = z.object({
  start: z.iso.datetime({ offset: true }),
  reason: z.string().trim().min(1).max(500).optional(),
});

/** POST /api/v1/interviews/:id/booking/cancel */
export const CancelBookingInputSchema = z.object({
  reason: z.string().trim().min(1, 'Say why the interview is cancelled.').max(500),
});

export const BookingHistoryEntrySchema = z.object({
  action: z.enum(['booked', 'rescheduled', 'cancelled']),
  previousStart: z.iso.datetime().nullable(),
  start: z.iso.datetime().nullable(),
  reason: z.string().nullable(),
  actor: z.string(),
  at: z.iso.datetime(),
});
export type BookingHistoryEntry = z.infer<typeof BookingHistoryEntrySchema>;

/** GET /api/v1/interviews/:id/booking — the current booking (if any) and its history. */
export const BookingStateSchema = z.object({
  interviewId: z.uuid(),
  status: z.string(),
  booking: SlotSchema.nullable(),
  history: z.array(BookingHistoryEntrySchema),
});
export type BookingState = z.infer<typeof BookingStateSchema>;

/** The 409 body when the slot was taken meanwhile: problem+json plus free alternatives. */
export const SlotUnavailableProblemSchema = ProblemSchema.extend({ alternatives: z.array(SlotSchema) });
/** Any 409 of the booking endpoints: `scheduling.slot_unavailable` carries alternatives, other conflicts do not. */
export const BookingConflictSchema = ProblemSchema.extend({ alternatives: z.array(SlotSchema).optional() });
export type BookingConflict = z.infer<typeof BookingConflictSchema>;
export type SlotUnavailableProblem = z.infer<typeof SlotUnavailableProblemSchema>;

/** POST /api/v1/interviews/:id/scheduling-links */
export const CreateSchedulingLinkInputSchema = z
  .object({
    windowStart: z.iso.datetime({ offset: true }),
    windowEnd: z.iso.datetime({ offset: true }),
    expiresInHours: z
      .int()
      .min(1)
      .max(24 * 60)
      .default(24 * 7),
  })
  .refine((v) => Date.parse(v.windowEnd) > Date.parse(v.windowStart), {
    message: 'The window must end after it starts.',
    path: ['windowEnd'],
  });
export type CreateSchedulingLinkInput = z.input<typeof CreateSchedulingLinkInputSchema>;

export const SchedulingLinkSchema = z.object({
  id: z.uuid(),
  windowStart: z.iso.datetime(),
  windowEnd: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  active: z.boolean(),
  /** The full URL, returned only when the link is created (only its hash is stored). */
  url: z.string().optional(),
});
export type SchedulingLink = z.infer<typeof SchedulingLinkSchema>;

/** Body of the public self-scheduling endpoints (POST, so the token stays out of URLs and logs). */
export const SchedulingTokenInputSchema = z.object({ token: z.string().min(16).max(128) });

/** What the candidate sees when opening a scheduling link. */
export const SelfScheduleSchema = z.object({
  interviewTitle: z.string(),
  orgName: z.string(),
  durationMinutes: z.int(),
  windowStart: z.iso.datetime(),
  windowEnd: z.iso.datetime(),
  booking: SlotSchema.nullable(),
  /** Whether picking a slot is possible now: not yet booked, or booked and the org lets candidates reschedule. */
  canPick: z.boolean(),
  slots: z.array(SlotSchema),
});
export type SelfSchedule = z.infer<typeof SelfScheduleSchema>;

export const SelfBookInputSchema = SchedulingTokenInputSchema.extend({
  start: z.iso.datetime({ offset: true }),
  reason: z.string().trim().min(1).max(500).optional(),
  /** The zone the candidate picked in (their e-mails and invitations are written in it). */
  timeZone: TimeZoneSchema.optional(),
});

/** GET/PUT /api/v1/orgs/:orgId/scheduling-settings */
export const SchedulingSettingsSchema = z.object({ candidateMayReschedule: z.boolean() });
export type SchedulingSettings = z.infer<typeof SchedulingSettingsSchema>;
