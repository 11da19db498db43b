import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';
import { interviews } from '../interviews/interviews.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One interviewer's scheduling settings; their weekly rules and exceptions are wall-clock times in `time_zone`. */
export const availabilityProfiles = pgTable(
  'availability_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** IANA name; wall-clock rules are interpreted in it, so they follow DST. */
    timeZone: text('time_zone').notNull(),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    minimumNoticeMinutes: integer('minimum_notice_minutes').notNull().default(0),
    maxPerDay: integer('max_per_day'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'availability_profiles_minutes_check',
      sql`${t.bufferBeforeMinutes} >= 0 and ${t.bufferAfterMinutes} >= 0 and ${t.minimumNoticeMinutes} >= 0`,
    ),
  ],
);

/** Weekly recurring availability: ISO weekday (1 = Monday) and minutes after local midnight, [start, end). */
export const availabilityRules = pgTable(
  'availability_rules',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    weekday: integer('weekday').notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('availability_rules_user_idx').on(t.userId),
    check(
      'availability_rules_range_check',
      sql`${t.weekday} between 1 and 7 and 0 <= ${t.startMinute}
      and ${t.startMinute} < ${t.endMinute} and ${t.endMinute} <= 1440`,
    ),
  ],
);

/** A local date that differs from the weekly rules (day off, blocked hours, extra hours). */
export const availabilityExceptions = pgTable(
  'availability_exceptions',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['available', 'unavailable'] }).notNull(),
    /** Null with endMinute null: the whole day. */
    startMinute: integer('start_minute'),
    endMinute: integer('end_minute'),
    createdAt: createdAt(),
  },
  (t) => [
    index('availability_exceptions_user_idx').on(t.userId, t.date),
    check('availability_exceptions_kind_check', sql`${t.kind} in ('available', 'unavailable')`),
  ],
);

/**
 * One interviewer's time taken by one interview. `blocked_from`/`blocked_until`
 * include the interviewer's buffers; an exclusion constraint (added by hand in
 * the migration, drizzle cannot express it) forbids two active bookings of the
 * same interviewer whose blocked ranges overlap.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: idColumn(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    blockedFrom: ts('blocked_from').notNull(),
    blockedUntil: ts('blocked_until').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('bookings_interview_idx').on(t.interviewId),
    index('bookings_user_time_idx').on(t.userId, t.blockedFrom),
    check(
      'bookings_range_check',
      sql`${t.blockedFrom} <= ${t.startsAt} and ${t.startsAt} < ${t.endsAt} and ${t.endsAt} <= ${t.blockedUntil}`,
    ),
  ],
);

/** Append-only: every booking, reschedule and cancellation of an interview, with who, when and why. */
export const bookingHistory = pgTable(
  'booking_history',
  {
    id: idColumn(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    action: text('action', { enum: ['booked', 'rescheduled', 'cancelled'] }).notNull(),
    previousStart: ts('previous_start'),
    start: ts('start'),
    reason: text('reason'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    at: ts('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('booking_history_interview_idx').on(t.interviewId, t.at)],
);

/**
 * Self-scheduling links: a random 256-bit token of which only the SHA-256 is
 * stored, a window the candidate picks in, an expiry; revocable. The panel is
 * the interview's interviewers.
 */
export const schedulingLinks = pgTable(
  'scheduling_links',
  {
    id: idColumn(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    windowStart: ts('window_start').notNull(),
    windowEnd: ts('window_end').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('scheduling_links_interview_idx').on(t.interviewId),
    check('scheduling_links_window_check', sql`${t.windowStart} < ${t.windowEnd}`),
  ],
);

/** An org's scheduling rules; absent row = defaults. */
export const schedulingSettings = pgTable('scheduling_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  candidateMayReschedule: boolean('candidate_may_reschedule').notNull().default(false),
  createdAt: createdAt(),
});
