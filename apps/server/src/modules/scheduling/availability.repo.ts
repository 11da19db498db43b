import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { DEFAULT_WEEKLY, weeklyRows } from './availability-rules.js';
import type { InterviewerCalendar } from './interviewer-calendar.js';
import { availabilityExceptions, availabilityProfiles, availabilityRules, bookings } from './scheduling.tables.js';

export type AvailabilityRepo = ReturnType<typeof createAvailabilityRepo>;
export type ProfileRow = typeof availabilityProfiles.$inferSelect;
export type RuleRow = typeof availabilityRules.$inferSelect;
export type ExceptionRow = typeof availabilityExceptions.$inferSelect;

export interface StoredAvailability {
  profile: Omit<ProfileRow, 'userId' | 'createdAt' | 'updatedAt'>;
  rules: Pick<RuleRow, 'weekday' | 'startMinute' | 'endMinute'>[];
  exceptions: Pick<ExceptionRow, 'date' | 'kind' | 'startMinute' | 'endMinute'>[];
}

const DAY = 86_400_000;

/** SQL of interviewers' availability and of their bookings as the slot finder reads them. */
export function createAvailabilityRepo(db: Db) {
  return {
    async find(userId: string): Promise<(StoredAvailability & { profile: ProfileRow }) | null> {
      const [profile] = await db.select().from(availabilityProfiles).where(eq(availabilityProfiles.userId, userId));
      if (!profile) return null;
      const rules = await db
        .select()
        .from(availabilityRules)
        .where(eq(availabilityRules.userId, userId))
        .orderBy(asc(availabilityRules.weekday), asc(availabilityRules.startMinute));
      const exceptions = await db
        .select()
        .from(availabilityExceptions)
        .where(eq(availabilityExceptions.userId, userId))
        .orderBy(asc(availabilityExceptions.date), asc(availabilityExceptions.startMinute));
      return { profile, rules, exceptions };
    },

    /** Replaces the interviewer's availability as a whole, in one transaction. */
    async save(userId: string, value: StoredAvailability, at: Date): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .insert(availabilityProfiles)
          .values({ userId, ...value.profile, updatedAt: at })
          .onConflictDoUpdate({ target: availabilityProfiles.userId, set: { ...value.profile, updatedAt: at } });
        await tx.delete(availabilityRules).where(eq(availabilityRules.userId, userId));
        await tx.delete(availabilityExceptions).where(eq(availabilityExceptions.userId, userId));
        if (value.rules.length > 0)
          await tx.insert(availabilityRules).values(value.rules.map((r) => ({ userId, ...r })));
        if (value.exceptions.length > 0)
          await tx.insert(availabilityExceptions).values(value.exceptions.map((e) => ({ userId, ...e })));
      });
    },

    /**
     * The slot finder's view of each interviewer over [from, to): availability
     * (null profile: never configured) and active bookings near the range (a
     * day either side, for buffers and the daily maximum), except those of
     * `ignoreInterviewId` (the interview being rescheduled).
     */
    async calendars(userIds: readonly string[], from: Date, to: Date, ignoreInterviewId?: string) {
      if (userIds.length === 0) return [];
      const ids = [...userIds];
      const [profiles, rules, exceptions, busy] = await Promise.all([
        db.select().from(availabilityProfiles).where(inArray(availabilityProfiles.userId, ids)),
        db.select().from(availabilityRules).where(inArray(availabilityRules.userId, ids)),
        db.select().from(availabilityExceptions).where(inArray(availabilityExceptions.userId, ids)),
        db
          .select({
            userId: bookings.userId,
            interviewId: bookings.interviewId,
            startsAt: bookings.startsAt,
            blockedFrom: bookings.blockedFrom,
            blockedUntil: bookings.blockedUntil,
          })
          .from(bookings)
          .where(
            and(
              inArray(bookings.userId, ids),
              eq(bookings.active, true),
              lt(bookings.blockedFrom, new Date(to.getTime() + 2 * DAY)),
              gt(bookings.blockedUntil, new Date(from.getTime() - 2 * DAY)),
            ),
          ),
      ]);
      return ids.map((userId) => ({
        userId,
        profile: profiles.find((p) => p.userId === userId) ?? null,
        rules: rules.filter((r) => r.userId === userId),
        exceptions: exceptions.filter((e) => e.userId === userId),
        busy: busy
          .filter((b) => b.userId === userId && b.interviewId !== ignoreInterviewId)
          .map((b) => ({
            start: b.startsAt.getTime(),
            blockedFrom: b.blockedFrom.getTime(),
            blockedUntil: b.blockedUntil.getTime(),
          })),
      }));
    },
  };
}

export type CalendarRows = Awaited<ReturnType<AvailabilityRepo['calendars']>>[number];

/** Unconfigured interviewers are taken as available Monday–Friday 09:00–17:00 UTC with no buffers or limits. */
export function toCalendar(rows: CalendarRows): InterviewerCalendar {
  const p = rows.profile;
  return {
    userId: rows.userId,
    timeZone: p?.timeZone ?? 'UTC',
    weekly: p ? rows.rules : weeklyRows(DEFAULT_WEEKLY),
    exceptions: rows.exceptions.map((e) => ({
      date: e.date,
      kind: e.kind,
      range:
        e.startMinute === null || e.endMinute === null ? null : { startMinute: e.startMinute, endMinute: e.endMinute },
    })),
    bufferBeforeMinutes: p?.bufferBeforeMinutes ?? 0,
    bufferAfterMinutes: p?.bufferAfterMinutes ?? 0,
    minimumNoticeMinutes: p?.minimumNoticeMinutes ?? 0,
    maxPerDay: p?.maxPerDay ?? null,
    busy: rows.busy,
  };
}
