import { INTERVIEW_TRANSITIONS, type InterviewStatus, type Slot } from '@interviewselect/contracts';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { InterviewEdit } from './interview-edit.repo.js';
import type { InterviewAggregate } from './interviews.repo.js';

/** Who booked, for the booking history. */
export interface BookingActor {
  userId: string;
  name: string;
}

/** A time refused because an interviewer of the panel is booked then (buffers included). */
export interface BookingRefusal {
  detail: string;
  alternatives: Slot[];
}

/**
 * What the interviews service asks of the scheduling module, so that no
 * interview becomes or stays scheduled without every interviewer booked
 * (ADR 0017). The composition root fills it from the scheduling service;
 * the dependency keeps pointing scheduling → interviews.
 */
export interface InterviewBookingsPort {
  /**
   * Books the panel at `start`, a time a manager chose (draft → scheduled):
   * availability windows are not required, the bookings' exclusion constraint
   * is. Null when booked.
   */
  bookExplicit(input: {
    interviewId: string;
    start: Date;
    actor: BookingActor;
    reason: string | null;
  }): Promise<BookingRefusal | null>;
  /**
   * Moves a scheduled interview's booking to its edited time, length or
   * panel; `apply` writes the edit in the same transaction, after the new
   * booking rows were accepted. Null when booked.
   */
  rebook(input: {
    interviewId: string;
    start: Date;
    durationMinutes: number;
    panel: { userId: string; name: string }[];
    actor: BookingActor;
    reason: string;
    apply: (tx: Db) => Promise<void>;
  }): Promise<BookingRefusal | null>;
}

/** Thrown by the interviews service when the port refused a time; the routes answer 409 with alternatives. */
export class SlotRefusedError extends Error {
  constructor(readonly refusal: BookingRefusal) {
    super(refusal.detail);
    this.name = 'SlotRefusedError';
  }
}

function throwIfRefused(refusal: BookingRefusal | null): void {
  if (refusal) throw new SlotRefusedError(refusal);
}

type Scheduler = { userId: string; user: { name: string } };

/**
 * The lifecycle action `schedule`: books the panel at the interview's planned
 * start. Returns the status it left, or null when it was not a draft.
 */
export async function scheduleWithBooking(
  port: InterviewBookingsPort,
  agg: Pick<InterviewAggregate, 'interview'>,
  actor: Scheduler,
  reason: string | null,
): Promise<InterviewStatus | null> {
  const { interview } = agg;
  if (!INTERVIEW_TRANSITIONS.schedule.from.includes(interview.status)) return null;
  if (!interview.plannedStart) {
    throw new AppError(
      'scheduling.start_required',
      'This interview has no start time yet. Set one with Edit, or pick a free slot on its Schedule page.',
    );
  }
  throwIfRefused(
    await port.bookExplicit({
      interviewId: interview.id,
      start: interview.plannedStart,
      actor: { userId: actor.userId, name: actor.user.name },
      reason,
    }),
  );
  return interview.status;
}

const sameMoment = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** Whether an edit of a scheduled interview changes what is booked: its time, its length or its panel. */
export function editMovesBooking(agg: Pick<InterviewAggregate, 'interview' | 'participants'>, edit: InterviewEdit) {
  const { interview } = agg;
  if (interview.status !== 'scheduled') return false;
  const { plannedStart, durationMinutes } = edit.fields;
  if (plannedStart !== undefined && !sameMoment(plannedStart, interview.plannedStart)) return true;
  if (durationMinutes !== undefined && durationMinutes !== interview.durationMinutes) return true;
  if (!edit.interviewers) return false;
  const before = panelOf(agg).map((p) => p.userId);
  const after = edit.interviewers.map((p) => p.userId);
  return before.length !== after.length || after.some((id) => !before.includes(id));
}

function panelOf(agg: Pick<InterviewAggregate, 'participants'>) {
  return agg.participants.flatMap((p) =>
    p.role === 'interviewer' && p.userId ? [{ userId: p.userId, name: p.displayName }] : [],
  );
}

/**
 * An edit of a scheduled interview's time, length or panel: the booking moves
 * with it and the edit is written in the booking's transaction, or nothing is.
 */
export async function editWithRebooking(
  port: InterviewBookingsPort,
  agg: Pick<InterviewAggregate, 'interview' | 'participants'>,
  actor: Scheduler,
  edit: InterviewEdit,
  reason: string | undefined,
  /** Writes the edit in the booking's transaction. */
  write: (tx: Db) => Promise<void>,
): Promise<void> {
  const { interview } = agg;
  const start = edit.fields.plannedStart !== undefined ? edit.fields.plannedStart : interview.plannedStart;
  if (!start) {
    throw new AppError(
      'scheduling.start_required',
      'A scheduled interview keeps a start time. Pick another time, or cancel the interview instead.',
    );
  }
  throwIfRefused(
    await port.rebook({
      interviewId: interview.id,
      start,
      durationMinutes: edit.fields.durationMinutes ?? interview.durationMinutes,
      panel: edit.interviewers ?? panelOf(agg),
      actor: { userId: actor.userId, name: actor.user.name },
      reason: reason ?? `Edited by ${actor.user.name}`,
      apply: write,
    }),
  );
}
