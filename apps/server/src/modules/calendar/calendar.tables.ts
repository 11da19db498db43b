import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';
import { interviews } from '../interviews/interviews.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * What the attendees' calendars were last told about an interview: the
 * iCalendar UID stays, SEQUENCE grows with every update or cancellation.
 */
export const interviewCalendarEvents = pgTable(
  'interview_calendar_events',
  {
    interviewId: uuid('interview_id')
      .primaryKey()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    uid: text('uid').notNull(),
    sequence: integer('sequence').notNull().default(0),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    status: text('status', { enum: ['scheduled', 'cancelled'] }).notNull(),
    /**
     * Who received the last invitation or update (name and address): someone taken off the panel gets a
     * CANCEL for their copy. Null on rows sent before this was kept (then nobody is taken off).
     */
    attendees: jsonb('attendees').$type<{ name: string; email: string }[]>(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('interview_calendar_events_uid_idx').on(t.uid),
    check('interview_calendar_events_status_check', sql`${t.status} in ('scheduled', 'cancelled')`),
  ],
);

export const REMINDER_STATUSES = ['pending', 'sent', 'dropped'] as const;

/**
 * One reminder e-mail round for one schedule of an interview. Rows are the
 * source of truth (durable across restarts); the queue job only wakes the
 * sender at `dueAt`. Claiming a row (pending → sent) and storing its e-mails
 * happen in one transaction, so a reminder is never sent twice or lost. A
 * reschedule or cancellation drops the pending rows of the old schedule.
 */
export const interviewReminders = pgTable(
  'interview_reminders',
  {
    id: idColumn(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    /** The start this reminder announces; a reminder for another start is stale. */
    startsAt: ts('starts_at').notNull(),
    offsetMinutes: integer('offset_minutes').notNull(),
    dueAt: ts('due_at').notNull(),
    status: text('status', { enum: REMINDER_STATUSES }).notNull().default('pending'),
    sentAt: ts('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('interview_reminders_schedule_idx').on(t.interviewId, t.startsAt, t.offsetMinutes),
    index('interview_reminders_due_idx')
      .on(t.dueAt)
      .where(sql`${t.status} = 'pending'`),
    check('interview_reminders_status_check', sql`${t.status} in ('pending', 'sent', 'dropped')`),
    check('interview_reminders_offset_check', sql`${t.offsetMinutes} between 5 and 10080`),
  ],
);

/** Per-org calendar settings: when reminders go out (minutes before the start). */
export const orgCalendarSettings = pgTable('org_calendar_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  reminderOffsetsMinutes: integer('reminder_offsets_minutes')
    .array()
    .notNull()
    .default(sql`'{1440,60}'::integer[]`),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A person's secret iCalendar subscription URL (token stored as SHA-256; one active per user). */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: ts('revoked_at'),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [
    uniqueIndex('calendar_feeds_token_idx').on(t.tokenHash),
    uniqueIndex('calendar_feeds_active_user_idx')
      .on(t.userId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

export type InterviewCalendarEventRow = typeof interviewCalendarEvents.$inferSelect;
export type InterviewReminderRow = typeof interviewReminders.$inferSelect;
export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;

/**
 * A person's two-way sync with a CalDAV calendar: busy times read from it
 * count as unavailable; their booked interviews are written to it. The
 * password is sealed with a key derived from SECRET_KEY (AES-256-GCM).
 */
export const caldavConnections = pgTable('caldav_connections', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  url: text('url').notNull(),
  username: text('username').notNull(),
  passwordSealed: text('password_sealed').notNull(),
  createdAt: createdAt(),
  lastSyncAt: ts('last_sync_at'),
  lastError: text('last_error'),
});

export type CaldavConnectionRow = typeof caldavConnections.$inferSelect;
