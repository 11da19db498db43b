import { BookingStateSchema, type AvailabilityInput, type Interview } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { createInterview } from './interviews.js';
import type { SignedIn } from './sign-in.js';

/** A clock tests move by hand: pass `now` to createTestApp's extra deps. */
export function testClock(start: string) {
  let current = new Date(start);
  return {
    now: () => current,
    set(iso: string) {
      current = new Date(iso);
    },
  };
}

/** Availability with sensible defaults: Monday–Friday 09:00–17:00 in `timeZone`. */
export function availability(overrides: Partial<AvailabilityInput> = {}): AvailabilityInput {
  return {
    timeZone: 'UTC',
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    exceptions: [],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    maxPerDay: null,
    ...overrides,
  };
}

export async function putAvailability(app: FastifyInstance, who: SignedIn, body: AvailabilityInput) {
  const res = await app.inject({ method: 'PUT', url: '/api/v1/me/availability', headers: who.headers, payload: body });
  expect(res.statusCode, res.body).toBe(200);
}

/** A draft interview of `creator` with `co` as co-interviewers (the panel). */
export function panelInterview(
  app: FastifyInstance,
  creator: SignedIn,
  orgId: string,
  co: SignedIn[] = [],
  durationMinutes = 60,
): Promise<Interview> {
  return createInterview(app, creator, orgId, { coInterviewerIds: co.map((c) => c.user.id), durationMinutes });
}

export function book(app: FastifyInstance, who: SignedIn, interviewId: string, start: string, reason?: string) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/interviews/${interviewId}/booking`,
    headers: who.headers,
    payload: { start, ...(reason ? { reason } : {}) },
  });
}

export async function bookingState(app: FastifyInstance, who: SignedIn, interviewId: string) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/interviews/${interviewId}/booking`,
    headers: who.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return BookingStateSchema.parse(res.json());
}
