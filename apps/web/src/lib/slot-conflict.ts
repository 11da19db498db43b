import type { BookingConflict, Slot } from '@interviewselect/contracts';
import { ApiError } from './api';

/**
 * A refused booking (409): the problem plus the free alternatives it offered
 * (none for other conflicts). Booking, scheduling and re-timing an interview
 * all answer a clash this way.
 */
export class SlotConflictError extends ApiError {
  readonly alternatives: Slot[];
  constructor(problem: BookingConflict) {
    super({ code: problem.code, status: problem.status, detail: problem.detail, problem });
    this.alternatives = problem.alternatives ?? [];
  }
}

/**
 * For endpoints called with `acceptStatuses: [409]`, so the 409's
 * `alternatives` extension member survives (the generic problem parser keeps
 * only RFC 9457's fields): the body, or a SlotConflictError thrown.
 */
export function unlessConflict<T extends object>(body: T | BookingConflict): T {
  if (isConflict(body)) throw new SlotConflictError(body);
  return body;
}

function isConflict(body: object): body is BookingConflict {
  return 'code' in body && 'type' in body;
}

/** The alternatives a failed booking offered; empty for any other error. */
export function alternativesOf(error: unknown): Slot[] {
  return error instanceof SlotConflictError ? error.alternatives : [];
}
