import type { BookingState, Slot, SlotList } from '@interviewselect/contracts';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../auth/principal.js';
import type { InterviewsService } from '../interviews/interviews.service.js';
import { toCalendar, type AvailabilityRepo } from './availability.repo.js';
import type { InterviewBookingsPort } from '../interviews/interview-bookings.js';
import type { BookingsRepo, BookingWrite } from './bookings.repo.js';
import type { SchedulingNotifier } from './scheduling-events.js';
import { findSlots } from './slot-finder.js';

export type SchedulingService = ReturnType<typeof createSchedulingService>;
export type SchedulingInterview = NonNullable<Awaited<ReturnType<BookingsRepo['interview']>>>;
export type Actor = { userId: string | null; name: string };

/** The answer to a booking attempt: booked, or refused with free alternatives (the route makes it a 409). */
export type BookResult = { ok: true; state: BookingState } | { ok: false; detail: string; alternatives: Slot[] };

const MINUTE = 60_000;
const DAY = 86_400_000;
/** The longest range one slot query may cover. */
export const MAX_RANGE_DAYS = 62;
const ALTERNATIVES = 5;

const toSlot = (i: { start: number; end: number }): Slot => ({
  start: new Date(i.start).toISOString(),
  end: new Date(i.end).toISOString(),
});

function invalid(path: string, message: string): AppError {
  return new AppError('request.validation_failed', message, [{ path, message }]);
}

/**
 * Slots and bookings of interviews: the panel's common free slots, booking
 * (draft → scheduled) and rescheduling every interviewer at once, cancelling;
 * the history of each. The exclusion constraint on bookings is what makes
 * double-booking impossible; the slot check before it only gives better errors.
 */
export function createSchedulingService(deps: {
  availability: AvailabilityRepo;
  bookings: BookingsRepo;
  interviews: Pick<InterviewsService, 'loadFor'>;
  notify: SchedulingNotifier;
  /** Busy times from interviewers' own calendars (CalDAV), per user id; absent = none. */
  externalBusy?: (userIds: string[], from: Date, to: Date) => Promise<Map<string, { start: Date; end: Date }[]>>;
  now: () => Date;
}) {
  const { availability, bookings, now } = deps;

  async function interviewOrThrow(interviewId: string): Promise<SchedulingInterview> {
    const interview = await bookings.interview(interviewId);
    if (!interview) throw new AppError('resource.not_found', 'No such interview. It may have been deleted.');
    return interview;
  }

  async function calendarsOf(interview: SchedulingInterview, from: Date, to: Date) {
    const rows = await availability.calendars(
      interview.panel.map((p) => p.userId),
      from,
      to,
      interview.id,
    );
    const external = deps.externalBusy
      ? await deps.externalBusy(
          rows.map((r) => r.userId),
          from,
          to,
        )
      : new Map<string, { start: Date; end: Date }[]>();
    return rows.map((row) => ({
      ...toCalendar(row),
      external: (external.get(row.userId) ?? []).map((r) => ({ start: r.start.getTime(), end: r.end.getTime() })),
    }));
  }

  /** Free slots of the interview's panel in [from, to), never before now. */
  async function slotsOf(
    interview: SchedulingInterview,
    from: Date,
    to: Date,
    opts: { limit?: number; stepMinutes?: number } = {},
  ) {
    if (interview.panel.length === 0) return [];
    const at = now().getTime();
    const start = Math.max(from.getTime(), at);
    if (to.getTime() <= start) return [];
    const panel = await calendarsOf(interview, new Date(start), to);
    return findSlots({
      panel,
      durationMinutes: interview.durationMinutes,
      from: start,
      to: to.getTime(),
      now: at,
      ...opts,
    });
  }

  /** The free slots nearest to `around`, chronologically, to offer when a time was refused. */
  async function alternativesNear(interview: SchedulingInterview, around: Date, within?: { from: Date; to: Date }) {
    const from = within?.from ?? new Date(around.getTime() - 3 * DAY);
    const to = within?.to ?? new Date(around.getTime() + 14 * DAY);
    const slots = await slotsOf(interview, from, to);
    return slots
      .sort((a, b) => Math.abs(a.start - around.getTime()) - Math.abs(b.start - around.getTime()))
      .slice(0, ALTERNATIVES)
      .sort((a, b) => a.start - b.start)
      .map(toSlot);
  }

  async function state(interview: SchedulingInterview): Promise<BookingState> {
    const [booking, history, fresh] = await Promise.all([
      bookings.activeBooking(interview.id),
      bookings.history(interview.id),
      bookings.interview(interview.id),
    ]);
    return {
      interviewId: interview.id,
      status: fresh?.status ?? interview.status,
      booking: booking ? toSlot({ start: booking.start.getTime(), end: booking.end.getTime() }) : null,
      history: history.map((h) => ({
        action: h.action,
        previousStart: h.previousStart?.toISOString() ?? null,
        start: h.start?.toISOString() ?? null,
        reason: h.reason,
        actor: h.actorName,
        at: h.at.toISOString(),
      })),
    };
  }

  /** A time asked for must be on a whole minute and in the future. */
  function checkStart(start: Date, path: string, past = 'This time is in the past. Pick a future slot.'): void {
    if (Number.isNaN(start.getTime()) || start.getTime() % MINUTE !== 0)
      throw invalid(path, 'Start on a whole minute.');
    if (start.getTime() <= now().getTime()) throw invalid(path, past);
  }

  /**
   * Writes the booking of the interview's panel at `start` (each interviewer's
   * buffers around it) and tells the notifier. The exclusion constraint is
   * the judge: a clash comes back refused, with alternatives, nothing written.
   */
  async function commit(
    interview: SchedulingInterview,
    start: Date,
    actor: Actor,
    reason: string | null,
    opts: { within?: { from: Date; to: Date }; apply?: BookingWrite['apply']; takenDetail?: string } = {},
  ): Promise<BookResult> {
    const rescheduling = interview.status === 'scheduled';
    const end = new Date(start.getTime() + interview.durationMinutes * MINUTE);
    const panel = await calendarsOf(interview, start, end);
    const outcome = await bookings.book({
      interviewId: interview.id,
      from: rescheduling ? ['scheduled'] : ['draft'],
      start,
      end,
      interviewers: panel.map((cal) => ({
        userId: cal.userId,
        blockedFrom: new Date(start.getTime() - cal.bufferBeforeMinutes * MINUTE),
        blockedUntil: new Date(end.getTime() + cal.bufferAfterMinutes * MINUTE),
      })),
      action: rescheduling ? 'rescheduled' : 'booked',
      reason,
      actor,
      at: now(),
      ...(opts.apply ? { apply: opts.apply } : {}),
    });
    if (!outcome.ok && outcome.reason === 'wrong_status') {
      throw new AppError('interview.invalid_transition', 'The interview changed meanwhile. Reload and try again.');
    }
    if (!outcome.ok) {
      return {
        ok: false,
        detail:
          opts.takenDetail ??
          'Someone booked an interviewer of this panel at this time a moment ago. Pick another slot.',
        alternatives: await alternativesNear(interview, start, opts.within),
      };
    }
    await deps.notify({
      kind: rescheduling ? 'rescheduled' : 'booked',
      interviewId: interview.id,
      start,
      end,
      previousStart: outcome.previousStart,
      reason,
    });
    return { ok: true, state: await state(interview) };
  }

  /**
   * Books the interview at `start` for its whole panel, or moves it there.
   * `within` limits the time to a self-scheduling link's window.
   */
  async function bookAt(
    interview: SchedulingInterview,
    startIso: string,
    actor: Actor,
    reason: string | undefined,
    within?: { from: Date; to: Date },
  ): Promise<BookResult> {
    const start = new Date(startIso);
    checkStart(start, 'body.start');
    if (interview.status !== 'draft' && interview.status !== 'scheduled') {
      throw new AppError(
        'interview.invalid_transition',
        `This interview is ${interview.status}; only drafts and scheduled interviews can be given a time.`,
      );
    }
    const rescheduling = interview.status === 'scheduled';
    if (rescheduling && !reason) throw invalid('body.reason', 'Say why the interview is moved.');
    if (interview.panel.length === 0) throw invalid('interviewId', 'This interview has no interviewers to book.');
    const end = new Date(start.getTime() + interview.durationMinutes * MINUTE);
    const outside = within && (start < within.from || end > within.to);
    const free =
      !outside &&
      (await slotsOf(interview, start, new Date(end.getTime() + 1), { limit: 1, stepMinutes: 1 })).some(
        (s) => s.start === start.getTime(),
      );
    if (!free) {
      const detail = outside
        ? 'This time is outside the scheduling window. Pick one of the offered slots.'
        : 'Not every interviewer is free at this time (availability, buffers, notice or daily limit). Pick another slot.';
      return { ok: false, detail, alternatives: await alternativesNear(interview, start, within) };
    }
    return commit(interview, start, actor, reason ?? null, within ? { within } : {});
  }

  const explicitPast =
    'The interview’s start time is in the past. Set a future time, or pick a free slot on its Schedule page.';
  const explicitTaken =
    'An interviewer of this panel is booked at this time (their buffers included). Pick another time, or a free slot on the interview’s Schedule page.';

  /** A refused explicit time, for the interviews module's port (null when booked). */
  const refusal = (result: BookResult) =>
    result.ok ? null : { detail: result.detail, alternatives: result.alternatives };

  /**
   * The interviews module's port (ADR 0017): a time a manager set on the
   * interview itself. Availability windows are the slot finder's preference
   * and not needed here; the exclusion constraint (buffers included) is.
   */
  const interviewBookings: InterviewBookingsPort = {
    async bookExplicit({ interviewId, start, actor, reason }) {
      checkStart(start, 'plannedStart', explicitPast);
      const interview = await interviewOrThrow(interviewId);
      if (interview.status !== 'draft') {
        throw new AppError('interview.invalid_transition', 'The interview changed meanwhile. Reload and try again.');
      }
      if (interview.panel.length === 0) throw invalid('interviewId', 'This interview has no interviewers to book.');
      return refusal(await commit(interview, start, actor, reason, { takenDetail: explicitTaken }));
    },

    async rebook({ interviewId, start, durationMinutes, panel, actor, reason, apply }) {
      checkStart(start, 'body.plannedStart', explicitPast);
      const current = await interviewOrThrow(interviewId);
      if (current.status !== 'scheduled') {
        throw new AppError('interview.invalid_transition', 'The interview changed meanwhile. Reload and try again.');
      }
      if (panel.length === 0) throw invalid('body.coInterviewerIds', 'A scheduled interview needs an interviewer.');
      const edited = { ...current, durationMinutes, panel };
      return refusal(await commit(edited, start, actor, reason, { apply, takenDetail: explicitTaken }));
    },
  };

  return {
    async slots(principal: Principal, interviewId: string, from: Date, to: Date): Promise<SlotList> {
      await deps.interviews.loadFor(principal, interviewId, 'interview.manage');
      if (to <= from) throw invalid('querystring.to', 'The range must end after it starts.');
      if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) {
        throw invalid('querystring.to', `Ask for at most ${MAX_RANGE_DAYS} days at a time.`);
      }
      const interview = await interviewOrThrow(interviewId);
      const rows = await availability.calendars(
        interview.panel.map((p) => p.userId),
        from,
        from,
      );
      return {
        durationMinutes: interview.durationMinutes,
        panel: interview.panel.map((p) => ({
          ...p,
          timeZone: rows.find((r) => r.userId === p.userId)?.profile?.timeZone ?? null,
        })),
        slots: (await slotsOf(interview, from, to, { limit: 500 })).map(toSlot),
      };
    },

    async state(principal: Principal, interviewId: string): Promise<BookingState> {
      await deps.interviews.loadFor(principal, interviewId, 'interview.read');
      return state(await interviewOrThrow(interviewId));
    },

    async book(actor: Principal & { kind: 'user' }, interviewId: string, start: string, reason?: string) {
      await deps.interviews.loadFor(actor, interviewId, 'interview.manage');
      return bookAt(
        await interviewOrThrow(interviewId),
        start,
        { userId: actor.userId, name: actor.user.name },
        reason,
      );
    },

    async cancel(actor: Principal & { kind: 'user' }, interviewId: string, reason: string): Promise<BookingState> {
      await deps.interviews.loadFor(actor, interviewId, 'interview.cancel');
      const interview = await interviewOrThrow(interviewId);
      const outcome = await bookings.cancel({
        interviewId,
        reason,
        actor: { userId: actor.userId, name: actor.user.name },
        at: now(),
      });
      if (!outcome.ok) {
        throw new AppError(
          'interview.invalid_transition',
          'Only drafts and scheduled interviews can be cancelled here; end a running interview from its room.',
        );
      }
      await deps.notify({ kind: 'cancelled', interviewId, previousStart: outcome.previousStart, reason });
      return state(interview);
    },

    /** For the self-scheduling links. */
    interviewOrThrow,
    slotsOf,
    bookAt,
    bookingOf: (interviewId: string) => bookings.activeBooking(interviewId),
    interviewBookings,
  };
}
