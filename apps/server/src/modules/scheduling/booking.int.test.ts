import {
  BookingStateSchema,
  InterviewSchema,
  ProblemSchema,
  SlotUnavailableProblemSchema,
} from '@interviewselect/contracts';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/create-test-app.js';
import { eventually } from '../../../test/eventually.js';
import { transition } from '../../../test/interviews.js';
import { availability, book, bookingState, panelInterview, putAvailability } from '../../../test/scheduling.js';
import { createOrgWithMembers, signedInUser, testRedisDeps, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createBookingsRepo } from './bookings.repo.js';
import { bookings } from './scheduling.tables.js';

/** Booking a panel: all-or-nothing, never double-booked (the exclusion constraint), with history. */
describe('booking interviews', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const redis = testRedisDeps();
  let amy: SignedIn; // interviewer, buffers 15/15
  let ben: SignedIn; // interviewer
  let rita: SignedIn; // recruiter
  let outsider: SignedIn;
  let orgId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database, {}, redis.deps);
    amy = await signedInUser(app, database.db);
    ben = await signedInUser(app, database.db);
    rita = await signedInUser(app, database.db);
    outsider = await signedInUser(app, database.db);
    orgId = (
      await createOrgWithMembers(database.db, {
        [amy.user.id]: 'interviewer',
        [ben.user.id]: 'interviewer',
        [rita.user.id]: 'recruiter',
      })
    ).id;
    await putAvailability(app, amy, availability({ bufferBeforeMinutes: 15, bufferAfterMinutes: 15 }));
    await putAvailability(app, ben, availability());
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    redis.close();
  });

  const activeOf = (interviewId: string) =>
    database.db
      .select()
      .from(bookings)
      .where(and(eq(bookings.interviewId, interviewId), eq(bookings.active, true)));

  it('books every interviewer of the panel and schedules the interview', async () => {
    const interview = await panelInterview(app, amy, orgId, [ben]);
    const res = await book(app, rita, interview.id, '2030-01-07T10:00:00Z');
    expect(res.statusCode, res.body).toBe(200);
    const state = BookingStateSchema.parse(res.json());
    expect(state.status).toBe('scheduled');
    expect(state.booking).toEqual({ start: '2030-01-07T10:00:00.000Z', end: '2030-01-07T11:00:00.000Z' });
    const rows = await activeOf(interview.id);
    expect(rows.map((r) => r.userId).sort()).toEqual([amy.user.id, ben.user.id].sort());
    // Amy's buffers are part of her blocked range.
    const amyRow = rows.find((r) => r.userId === amy.user.id);
    expect(amyRow?.blockedFrom.toISOString()).toBe('2030-01-07T09:45:00.000Z');
    expect(amyRow?.blockedUntil.toISOString()).toBe('2030-01-07T11:15:00.000Z');
    const detail = InterviewSchema.parse(
      (await app.inject({ method: 'GET', url: `/api/v1/interviews/${interview.id}`, headers: rita.headers })).json(),
    );
    expect(detail.plannedStart).toBe('2030-01-07T10:00:00.000Z');
    expect(detail.transitions.at(-1)?.to).toBe('scheduled');
  });

  it('refuses a time inside another booking’s buffer with a 409 listing free alternatives', async () => {
    const interview = await panelInterview(app, amy, orgId);
    const res = await book(app, rita, interview.id, '2030-01-07T11:00:00Z');
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = SlotUnavailableProblemSchema.parse(res.json());
    expect(problem.code).toBe('scheduling.slot_unavailable');
    expect(problem.alternatives.length).toBeGreaterThan(0);
    for (const alt of problem.alternatives) {
      const start = Date.parse(alt.start);
      // Clear of 09:45–11:15 with Amy's own buffers.
      expect(
        start + 75 * 60_000 <= Date.parse('2030-01-07T09:45:00Z') ||
          start - 15 * 60_000 >= Date.parse('2030-01-07T11:15:00Z'),
      ).toBe(true);
    }
    expect(await activeOf(interview.id)).toEqual([]);
  });

  it('rejects times in the past, off the minute, and outside availability', async () => {
    const interview = await panelInterview(app, ben, orgId);
    const past = await book(app, rita, interview.id, '2020-01-06T10:00:00Z');
    expect(past.statusCode).toBe(400);
    expect(ProblemSchema.parse(past.json()).issues).toEqual([
      { path: 'body.start', message: 'This time is in the past. Pick a future slot.' },
    ]);
    expect((await book(app, rita, interview.id, '2030-01-07T10:00:30Z')).statusCode).toBe(400);
    const night = await book(app, rita, interview.id, '2030-01-07T22:00:00Z');
    expect(night.statusCode).toBe(409);
  });

  it('books nothing when one interviewer of the panel is taken (all or nothing)', async () => {
    const first = await panelInterview(app, ben, orgId);
    expect((await book(app, rita, first.id, '2030-01-08T13:00:00Z')).statusCode).toBe(200);
    const panel = await panelInterview(app, amy, orgId, [ben]);
    const res = await book(app, rita, panel.id, '2030-01-08T13:00:00Z');
    expect(res.statusCode).toBe(409);
    expect(await activeOf(panel.id)).toEqual([]);
    expect((await bookingState(app, rita, panel.id)).status).toBe('draft');
  });

  it('the database refuses overlapping bookings even when the slot check is bypassed', async () => {
    const repo = createBookingsRepo(database.db);
    const a = await panelInterview(app, ben, orgId);
    const b = await panelInterview(app, ben, orgId);
    const write = (interviewId: string, start: string) => ({
      interviewId,
      from: ['draft'] as const,
      start: new Date(start),
      end: new Date(Date.parse(start) + 3600_000),
      interviewers: [
        { userId: ben.user.id, blockedFrom: new Date(start), blockedUntil: new Date(Date.parse(start) + 3600_000) },
      ],
      action: 'booked' as const,
      reason: null,
      actor: { userId: rita.user.id, name: 'Rita' },
      at: new Date(),
    });
    expect(await repo.book(write(a.id, '2030-02-04T10:00:00Z'))).toEqual({ ok: true, previousStart: null });
    expect(await repo.book(write(b.id, '2030-02-04T10:30:00Z'))).toEqual({ ok: false, reason: 'taken' });
    // The loser's transaction rolled back whole: still a draft, no history.
    expect((await bookingState(app, rita, b.id)).status).toBe('draft');
    expect((await bookingState(app, rita, b.id)).history).toEqual([]);
    // Touching ranges do not overlap ([10:00, 11:00) and [11:00, 12:00)).
    expect((await repo.book(write(b.id, '2030-02-04T11:00:00Z'))).ok).toBe(true);
  });

  it('50 concurrent requests for the same slot: exactly one succeeds, 49 get 409 with alternatives', async () => {
    const drafts = await Promise.all(Array.from({ length: 50 }, () => panelInterview(app, ben, orgId)));
    const responses = await Promise.all(drafts.map((d) => book(app, rita, d.id, '2030-01-09T10:00:00Z')));
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    for (const r of responses.filter((x) => x.statusCode === 409)) {
      const problem = SlotUnavailableProblemSchema.parse(r.json());
      expect(problem.alternatives.length).toBeGreaterThan(0);
      expect(problem.alternatives.map((a) => a.start)).not.toContain('2030-01-09T10:00:00.000Z');
    }
    const active = await database.db
      .select()
      .from(bookings)
      .where(
        and(
          eq(bookings.userId, ben.user.id),
          eq(bookings.active, true),
          eq(bookings.startsAt, new Date('2030-01-09T10:00:00Z')),
        ),
      );
    expect(active).toHaveLength(1);
  });

  it('reschedules with a reason and cancels with a reason, keeping the history', async () => {
    const interview = await panelInterview(app, amy, orgId, [ben]);
    expect((await book(app, amy, interview.id, '2030-01-10T09:00:00Z')).statusCode).toBe(200);
    const noReason = await book(app, amy, interview.id, '2030-01-10T14:00:00Z');
    expect(noReason.statusCode).toBe(400);
    const moved = await book(app, amy, interview.id, '2030-01-10T14:00:00Z', 'Candidate asked for the afternoon');
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await activeOf(interview.id)).map((r) => r.startsAt.toISOString())).toEqual([
      '2030-01-10T14:00:00.000Z',
      '2030-01-10T14:00:00.000Z',
    ]);
    // The old time is free again for someone else.
    const other = await panelInterview(app, ben, orgId);
    expect((await book(app, rita, other.id, '2030-01-10T09:00:00Z')).statusCode).toBe(200);

    const cancelled = await app.inject({
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/booking/cancel`,
      headers: rita.headers,
      payload: { reason: 'Position filled' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const state = BookingStateSchema.parse(cancelled.json());
    expect(state.status).toBe('cancelled');
    expect(state.booking).toBeNull();
    expect(state.history.map((h) => [h.action, h.previousStart, h.start, h.reason])).toEqual([
      ['booked', null, '2030-01-10T09:00:00.000Z', null],
      ['rescheduled', '2030-01-10T09:00:00.000Z', '2030-01-10T14:00:00.000Z', 'Candidate asked for the afternoon'],
      ['cancelled', '2030-01-10T14:00:00.000Z', null, 'Position filled'],
    ]);
    expect(await activeOf(interview.id)).toEqual([]);
    expect((await book(app, rita, interview.id, '2030-01-11T10:00:00Z')).statusCode).toBe(409);
  });

  it('frees the interviewers when the interview is cancelled through its lifecycle actions', async () => {
    const interview = await panelInterview(app, ben, orgId);
    expect((await book(app, rita, interview.id, '2030-01-15T10:00:00Z')).statusCode).toBe(200);
    expect((await transition(app, rita, interview.id, 'cancel')).statusCode).toBe(200);
    await eventually(async () => expect(await activeOf(interview.id)).toEqual([]));
    const other = await panelInterview(app, ben, orgId);
    expect((await book(app, rita, other.id, '2030-01-15T10:00:00Z')).statusCode).toBe(200);
  });

  it('only the org’s managers and the interview’s interviewers may book', async () => {
    const interview = await panelInterview(app, amy, orgId);
    expect((await book(app, outsider, interview.id, '2030-01-14T10:00:00Z')).statusCode).toBe(403);
    const slots = await app.inject({
      method: 'GET',
      url: `/api/v1/interviews/${interview.id}/slots?from=2030-01-14T00:00:00Z&to=2030-01-15T00:00:00Z`,
      headers: outsider.headers,
    });
    expect(slots.statusCode).toBe(403);
    expect(await activeOf(interview.id)).toEqual([]);
  });
});
