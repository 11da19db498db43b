import { and, asc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { candidates, interviews } from '../interviews/interviews.tables.js';
import { availabilityProfiles } from '../scheduling/scheduling.tables.js';
import { users } from '../users/users.tables.js';
import {
  calendarFeeds,
  interviewCalendarEvents,
  interviewReminders,
  orgCalendarSettings,
  type CalendarFeedRow,
  type InterviewCalendarEventRow,
  type InterviewReminderRow,
} from './calendar.tables.js';

export type CalendarRepo = ReturnType<typeof createCalendarRepo>;

/** Reminders go out 24 h and 1 h before the start unless the org says otherwise. */
export const DEFAULT_REMINDER_OFFSETS = [1440, 60] as const;

export function createCalendarRepo(db: Db) {
  return {
    db,

    async reminderOffsets(orgId: string, tx: Db = db): Promise<number[]> {
      const [row] = await tx
        .select({ offsets: orgCalendarSettings.reminderOffsetsMinutes })
        .from(orgCalendarSettings)
        .where(eq(orgCalendarSettings.orgId, orgId));
      return row ? row.offsets : [...DEFAULT_REMINDER_OFFSETS];
    },

    async setReminderOffsets(orgId: string, offsets: number[]): Promise<void> {
      await db
        .insert(orgCalendarSettings)
        .values({ orgId, reminderOffsetsMinutes: offsets })
        .onConflictDoUpdate({
          target: orgCalendarSettings.orgId,
          set: { reminderOffsetsMinutes: offsets, updatedAt: sql`now()` },
        });
    },

    /** Interviewers' own zones (their availability settings); people without one are absent. */
    async timeZonesOf(userIds: string[]): Promise<Map<string, string>> {
      if (userIds.length === 0) return new Map();
      const rows = await db
        .select({ userId: availabilityProfiles.userId, timeZone: availabilityProfiles.timeZone })
        .from(availabilityProfiles)
        .where(inArray(availabilityProfiles.userId, userIds));
      return new Map(rows.map((r) => [r.userId, r.timeZone]));
    },

    /** The zone the interview's candidate picked their slot in, if they did. */
    async candidateTimeZone(interviewId: string): Promise<string | null> {
      const [row] = await db
        .select({ timeZone: candidates.timeZone })
        .from(interviews)
        .innerJoin(candidates, eq(candidates.id, interviews.candidateId))
        .where(eq(interviews.id, interviewId));
      return row?.timeZone ?? null;
    },

    /** Name and e-mail of accounts (interviewers' addresses for invitations). */
    /** Account ids of these addresses (lower-cased keys); addresses without an account are absent. */
    async userIdsByEmails(emails: string[]): Promise<Map<string, string>> {
      if (emails.length === 0) return new Map();
      const rows = await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.email, emails));
      return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
    },

    async usersByIds(ids: string[], tx: Db = db): Promise<Map<string, { name: string; email: string }>> {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(inArray(users.id, ids));
      return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email }]));
    },

    /** The UID the interview's invitations carry, once one was sent. */
    async sentUid(interviewId: string): Promise<string | null> {
      const [row] = await db
        .select({ uid: interviewCalendarEvents.uid })
        .from(interviewCalendarEvents)
        .where(eq(interviewCalendarEvents.interviewId, interviewId));
      return row?.uid ?? null;
    },

    /** Locks the interview's calendar row for the rest of the transaction (updates are serialised per interview). */
    async eventForUpdate(tx: Db, interviewId: string): Promise<InterviewCalendarEventRow | null> {
      const [row] = await tx
        .select()
        .from(interviewCalendarEvents)
        .where(eq(interviewCalendarEvents.interviewId, interviewId))
        .for('update');
      return row ?? null;
    },

    async saveEvent(tx: Db, row: Omit<InterviewCalendarEventRow, 'updatedAt'>): Promise<void> {
      await tx
        .insert(interviewCalendarEvents)
        .values(row)
        .onConflictDoUpdate({
          target: interviewCalendarEvents.interviewId,
          set: {
            sequence: row.sequence,
            startsAt: row.startsAt,
            endsAt: row.endsAt,
            status: row.status,
            attendees: row.attendees,
            updatedAt: sql`now()`,
          },
        });
    },

    async eventsFor(interviewIds: string[]): Promise<Map<string, InterviewCalendarEventRow>> {
      if (interviewIds.length === 0) return new Map();
      const rows = await db
        .select()
        .from(interviewCalendarEvents)
        .where(inArray(interviewCalendarEvents.interviewId, interviewIds));
      return new Map(rows.map((r) => [r.interviewId, r]));
    },

    /** Pending reminders of other schedules of this interview stop (reschedule or cancel). */
    async dropPendingReminders(tx: Db, interviewId: string, keepStartsAt: Date | null): Promise<void> {
      await tx
        .update(interviewReminders)
        .set({ status: 'dropped' })
        .where(
          and(
            eq(interviewReminders.interviewId, interviewId),
            eq(interviewReminders.status, 'pending'),
            keepStartsAt ? ne(interviewReminders.startsAt, keepStartsAt) : undefined,
          ),
        );
    },

    /** Creates the reminders of one schedule (existing ones for the same start are kept as they are). */
    async addReminders(
      tx: Db,
      rows: { interviewId: string; startsAt: Date; offsetMinutes: number; dueAt: Date }[],
    ): Promise<InterviewReminderRow[]> {
      if (rows.length === 0) return [];
      await tx.insert(interviewReminders).values(rows).onConflictDoNothing();
      const first = rows[0];
      if (!first) return [];
      return tx
        .select()
        .from(interviewReminders)
        .where(
          and(
            eq(interviewReminders.interviewId, first.interviewId),
            eq(interviewReminders.startsAt, first.startsAt),
            eq(interviewReminders.status, 'pending'),
          ),
        );
    },

    /** Moves a due reminder from pending to sent; null when it is not pending or not due yet. */
    async claimReminder(tx: Db, id: string, at: Date): Promise<InterviewReminderRow | null> {
      const [row] = await tx
        .update(interviewReminders)
        .set({ status: 'sent', sentAt: at })
        .where(
          and(
            eq(interviewReminders.id, id),
            eq(interviewReminders.status, 'pending'),
            lte(interviewReminders.dueAt, at),
          ),
        )
        .returning();
      return row ?? null;
    },

    async markReminderDropped(tx: Db, id: string): Promise<void> {
      await tx.update(interviewReminders).set({ status: 'dropped' }).where(eq(interviewReminders.id, id));
    },

    async findReminder(id: string): Promise<InterviewReminderRow | null> {
      const [row] = await db.select().from(interviewReminders).where(eq(interviewReminders.id, id));
      return row ?? null;
    },

    async dueReminderIds(at: Date, limit: number): Promise<string[]> {
      const rows = await db
        .select({ id: interviewReminders.id })
        .from(interviewReminders)
        .where(and(eq(interviewReminders.status, 'pending'), lte(interviewReminders.dueAt, at)))
        .orderBy(asc(interviewReminders.dueAt))
        .limit(limit);
      return rows.map((r) => r.id);
    },

    async remindersOf(interviewId: string): Promise<InterviewReminderRow[]> {
      return db
        .select()
        .from(interviewReminders)
        .where(eq(interviewReminders.interviewId, interviewId))
        .orderBy(asc(interviewReminders.dueAt));
    },

    async activeFeed(userId: string): Promise<CalendarFeedRow | null> {
      const [row] = await db
        .select()
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
      return row ?? null;
    },

    /** Revokes the user's active feed (if any) and creates a new one, atomically. */
    async rotateFeed(userId: string, tokenHash: string, at: Date): Promise<CalendarFeedRow> {
      return db.transaction(async (tx) => {
        await tx
          .update(calendarFeeds)
          .set({ revokedAt: at })
          .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
        const [row] = await tx.insert(calendarFeeds).values({ userId, tokenHash, createdAt: at }).returning();
        if (!row) throw new Error('calendar_feeds insert returned no row');
        return row;
      });
    },

    async revokeFeed(userId: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(calendarFeeds)
        .set({ revokedAt: at })
        .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
        .returning({ id: calendarFeeds.id });
      return rows.length > 0;
    },

    async feedByHash(tokenHash: string): Promise<CalendarFeedRow | null> {
      const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash));
      return row ?? null;
    },

    async touchFeed(id: string, at: Date): Promise<void> {
      await db.update(calendarFeeds).set({ lastUsedAt: at }).where(eq(calendarFeeds.id, id));
    },
  };
}
