import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { interviewParticipants, interviews, interviewTransitions } from '../interviews/interviews.tables.js';
import { sqlState } from '../rooms/room-log-errors.js';
import { bookingHistory, bookings } from './scheduling.tables.js';

export type BookingsRepo = ReturnType<typeof createBookingsRepo>;
export type HistoryRow = typeof bookingHistory.$inferSelect;

export interface BookingWrite {
  interviewId: string;
  /** The interview must be in one of these states (checked under a row lock). */
  from: readonly ('draft' | 'scheduled')[];
  start: Date;
  end: Date;
  /** One row per interviewer, with the range their buffers block. */
  interviewers: { userId: string; blockedFrom: Date; blockedUntil: Date }[];
  action: 'booked' | 'rescheduled';
  reason: string | null;
  actor: { userId: string | null; name: string };
  at: Date;
  /** Another write that commits with the booking or not at all (an edit of the interview re-booked for). */
  apply?: (tx: Db) => Promise<void>;
}

export type BookingOutcome =
  { ok: true; previousStart: Date | null } | { ok: false; reason: 'taken' | 'wrong_status'; status?: string };

/** PostgreSQL's exclusion_violation: the bookings_no_overlap constraint refused an overlapping booking. */
const EXCLUSION_VIOLATION = '23P01';

/**
 * SQL of bookings. Booking writes the interview's time and status too (in
 * the interviews tables), because the brief is all-or-nothing: every
 * interviewer booked and the interview scheduled in one transaction, or
 * nothing at all (ADR 0017).
 */
export function createBookingsRepo(db: Db) {
  return {
    /** The interview's core fields and its interviewers (user ids), for slot finding and booking. */
    async interview(interviewId: string) {
      const [row] = await db
        .select({
          id: interviews.id,
          orgId: interviews.orgId,
          title: interviews.title,
          status: interviews.status,
          plannedStart: interviews.plannedStart,
          durationMinutes: interviews.durationMinutes,
        })
        .from(interviews)
        .where(eq(interviews.id, interviewId));
      if (!row) return null;
      const panel = await db
        .select({ userId: interviewParticipants.userId, name: interviewParticipants.displayName })
        .from(interviewParticipants)
        .where(and(eq(interviewParticipants.interviewId, interviewId), eq(interviewParticipants.role, 'interviewer')))
        .orderBy(asc(interviewParticipants.labelIndex));
      return {
        ...row,
        panel: panel.flatMap((p) => (p.userId ? [{ userId: p.userId, name: p.name }] : [])),
      };
    },

    async activeBooking(interviewId: string): Promise<{ start: Date; end: Date } | null> {
      const [row] = await db
        .select({ start: bookings.startsAt, end: bookings.endsAt })
        .from(bookings)
        .where(and(eq(bookings.interviewId, interviewId), eq(bookings.active, true)))
        .limit(1);
      return row ?? null;
    },

    async history(interviewId: string): Promise<HistoryRow[]> {
      return db
        .select()
        .from(bookingHistory)
        .where(eq(bookingHistory.interviewId, interviewId))
        .orderBy(asc(bookingHistory.at), asc(bookingHistory.id));
    },

    /**
     * Books (or moves) the interview for every interviewer at once. The
     * exclusion constraint is the arbiter between concurrent bookings: the
     * loser's transaction rolls back whole and reports `taken`.
     */
    async book(input: BookingWrite): Promise<BookingOutcome> {
      try {
        return await db.transaction(async (tx) => {
          const [before] = await tx
            .select({ status: interviews.status, plannedStart: interviews.plannedStart })
            .from(interviews)
            .where(eq(interviews.id, input.interviewId))
            .for('update');
          if (!before || !(input.from as readonly string[]).includes(before.status)) {
            return {
              ok: false as const,
              reason: 'wrong_status' as const,
              ...(before ? { status: before.status } : {}),
            };
          }
          await tx
            .update(bookings)
            .set({ active: false })
            .where(and(eq(bookings.interviewId, input.interviewId), eq(bookings.active, true)));
          await tx.insert(bookings).values(
            input.interviewers.map((i) => ({
              interviewId: input.interviewId,
              userId: i.userId,
              startsAt: input.start,
              endsAt: input.end,
              blockedFrom: i.blockedFrom,
              blockedUntil: i.blockedUntil,
            })),
          );
          if (input.apply) await input.apply(tx);
          await tx
            .update(interviews)
            .set({ status: 'scheduled', plannedStart: input.start })
            .where(eq(interviews.id, input.interviewId));
          if (before.status !== 'scheduled') {
            await tx.insert(interviewTransitions).values({
              interviewId: input.interviewId,
              fromStatus: before.status,
              toStatus: 'scheduled',
              actorUserId: input.actor.userId,
              actorName: input.actor.name,
              reason: input.reason,
              at: input.at,
            });
          }
          const previousStart = before.status === 'scheduled' ? before.plannedStart : null;
          await tx.insert(bookingHistory).values({
            interviewId: input.interviewId,
            action: input.action,
            previousStart,
            start: input.start,
            reason: input.reason,
            actorUserId: input.actor.userId,
            actorName: input.actor.name,
            at: input.at,
          });
          return { ok: true as const, previousStart };
        });
      } catch (error) {
        if (sqlState(error) === EXCLUSION_VIOLATION) return { ok: false, reason: 'taken' };
        throw error;
      }
    },

    /** Frees the interviewers of an interview cancelled elsewhere (its lifecycle actions). */
    async release(interviewId: string): Promise<void> {
      await db
        .update(bookings)
        .set({ active: false })
        .where(and(eq(bookings.interviewId, interviewId), eq(bookings.active, true)));
    },

    /** Frees every interviewer and cancels the interview, with the reason in both histories. */
    async cancel(input: {
      interviewId: string;
      reason: string;
      actor: { userId: string | null; name: string };
      at: Date;
    }): Promise<{ ok: true; previousStart: Date | null } | { ok: false }> {
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select({ status: interviews.status, plannedStart: interviews.plannedStart })
          .from(interviews)
          .where(and(eq(interviews.id, input.interviewId), inArray(interviews.status, ['draft', 'scheduled'])))
          .for('update');
        if (!before) return { ok: false as const };
        await tx
          .update(bookings)
          .set({ active: false })
          .where(and(eq(bookings.interviewId, input.interviewId), eq(bookings.active, true)));
        await tx
          .update(interviews)
          .set({ status: 'cancelled', endedAt: input.at })
          .where(eq(interviews.id, input.interviewId));
        await tx.insert(interviewTransitions).values({
          interviewId: input.interviewId,
          fromStatus: before.status,
          toStatus: 'cancelled',
          actorUserId: input.actor.userId,
          actorName: input.actor.name,
          reason: input.reason,
          at: input.at,
        });
        await tx.insert(bookingHistory).values({
          interviewId: input.interviewId,
          action: 'cancelled',
          previousStart: before.plannedStart,
          start: null,
          reason: input.reason,
          actorUserId: input.actor.userId,
          actorName: input.actor.name,
          at: input.at,
        });
        return { ok: true as const, previousStart: before.plannedStart };
      });
    },
  };
}
