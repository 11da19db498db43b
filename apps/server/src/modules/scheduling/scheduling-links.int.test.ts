import {
  ProblemSchema,
  SchedulingLinkSchema,
  SelfScheduleSchema,
  SlotUnavailableProblemSchema,
  type Interview,
} from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfHeaders } from '../../../test/create-test-app.js';
import { availability, bookingState, panelInterview, putAvailability, testClock } from '../../../test/scheduling.js';
import { createOrgWithMembers, signedInUser, testRedisDeps, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { hashSecretToken } from '../auth/secret-token.js';
import { createCalendarRepo } from '../calendar/calendar.repo.js';
import { schedulingLinks } from './scheduling.tables.js';

/** Candidate self-scheduling through a link: token security, window and panel limits, rescheduling when allowed. */
describe('self-scheduling links', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const redis = testRedisDeps();
  const clock = testClock(new Date().toISOString());
  let amy: SignedIn;
  let ben: SignedIn;
  let owner: SignedIn;
  let orgId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database, {}, { ...redis.deps, now: clock.now });
    amy = await signedInUser(app, database.db);
    ben = await signedInUser(app, database.db);
    owner = await signedInUser(app, database.db);
    orgId = (
      await createOrgWithMembers(database.db, {
        [amy.user.id]: 'interviewer',
        [ben.user.id]: 'interviewer',
        [owner.user.id]: 'owner',
      })
    ).id;
    await putAvailability(app, amy, availability({ timeZone: 'Europe/Berlin' }));
    await putAvailability(app, ben, availability({ timeZone: 'America/New_York' }));
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    redis.close();
  });

  const WINDOW = { windowStart: '2030-01-07T00:00:00Z', windowEnd: '2030-01-09T00:00:00Z' };

  async function createLink(interview: Interview, body: Record<string, unknown> = WINDOW) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/scheduling-links`,
      headers: amy.headers,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    const link = SchedulingLinkSchema.parse(res.json());
    return { ...link, token: link.url?.split('#')[1] ?? '' };
  }
  const lookup = (token: string) =>
    app.inject({ method: 'POST', url: '/api/v1/scheduling-links/lookup', headers: csrfHeaders(), payload: { token } });
  const pick = (token: string, start: string, reason?: string, timeZone?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/scheduling-links/book',
      headers: csrfHeaders(),
      payload: { token, start, ...(reason ? { reason } : {}), ...(timeZone ? { timeZone } : {}) },
    });

  it('shows the panel’s slots in the window and books the picked one', async () => {
    const interview = await panelInterview(app, amy, orgId, [ben]);
    const link = await createLink(interview);
    expect(link.url).toMatch(/\/schedule#[A-Za-z0-9_-]{43}$/);
    // Only the hash is stored.
    const rows = await database.db.select().from(schedulingLinks);
    expect(rows.some((r) => r.tokenHash === hashSecretToken(link.token))).toBe(true);
    expect(rows.some((r) => r.tokenHash.includes(link.token))).toBe(false);

    const offer = SelfScheduleSchema.parse((await lookup(link.token)).json());
    expect(offer.canPick).toBe(true);
    // Berlin 08–16Z and New York 14–22Z on Monday and Tuesday: 14:00–15:00Z starts.
    expect(offer.slots.map((s) => s.start)).toContain('2030-01-08T15:00:00.000Z');
    expect(offer.slots.every((s) => s.start.slice(11, 13) === '14' || s.start.slice(11, 16) === '15:00')).toBe(true);

    const unknownZone = await pick(link.token, '2030-01-08T15:00:00.000Z', undefined, 'Mars/Olympus_Mons');
    expect(unknownZone.statusCode).toBe(400);
    expect(ProblemSchema.parse(unknownZone.json()).issues?.[0]?.path).toBe('body.timeZone');
    const calendarRepo = createCalendarRepo(database.db);
    expect(await calendarRepo.candidateTimeZone(interview.id)).toBeNull();

    const res = await pick(link.token, '2030-01-08T15:00:00.000Z', undefined, 'Asia/Kolkata');
    expect(res.statusCode, res.body).toBe(200);
    // The candidate's invitation and reminders are written in the zone they picked in.
    expect(await calendarRepo.candidateTimeZone(interview.id)).toBe('Asia/Kolkata');
    const after = SelfScheduleSchema.parse(res.json());
    expect(after.booking).toEqual({ start: '2030-01-08T15:00:00.000Z', end: '2030-01-08T16:00:00.000Z' });
    expect(after.canPick).toBe(false);
    const state = await bookingState(app, amy, interview.id);
    expect(state.status).toBe('scheduled');
    expect(state.history[0]?.actor).toBe('Candidate (scheduling link)');
    // The room of the interview is there for its participants.
    const room = await app.inject({
      method: 'GET',
      url: `/api/v1/interviews/${interview.id}/room`,
      headers: amy.headers,
    });
    expect(room.statusCode, room.body).toBe(200);
  });

  it('cannot book outside its window', async () => {
    const interview = await panelInterview(app, amy, orgId, [ben]);
    const link = await createLink(interview);
    const res = await pick(link.token, '2030-01-09T14:00:00.000Z'); // free for the panel, but after the window
    expect(res.statusCode).toBe(409);
    const problem = SlotUnavailableProblemSchema.parse(res.json());
    expect(problem.detail).toContain('outside the scheduling window');
    for (const alt of problem.alternatives) expect(alt.end <= '2030-01-09T00:00:00.000Z').toBe(true);
    expect((await bookingState(app, amy, interview.id)).status).toBe('draft');
  });

  it('books only its own interview and that interview’s panel', async () => {
    const mine = await panelInterview(app, amy, orgId);
    const other = await panelInterview(app, ben, orgId);
    const link = await createLink(mine);
    expect((await pick(link.token, '2030-01-07T10:00:00.000Z')).statusCode).toBe(200);
    expect((await bookingState(app, amy, mine.id)).status).toBe('scheduled');
    expect((await bookingState(app, ben, other.id)).status).toBe('draft');
    // A time when only someone outside the panel (Ben) is free is refused: Amy's day ends 16:00Z.
    const second = await createLink(await panelInterview(app, amy, orgId));
    expect((await pick(second.token, '2030-01-07T20:00:00.000Z')).statusCode).toBe(409);
  });

  it('rejects unknown, revoked and expired tokens', async () => {
    const unknown = await lookup('x'.repeat(43));
    expect(unknown.statusCode).toBe(400);
    expect(ProblemSchema.parse(unknown.json()).code).toBe('auth.token_invalid');
    expect((await pick('y'.repeat(43), '2030-01-07T10:00:00.000Z')).statusCode).toBe(400);

    const interview = await panelInterview(app, amy, orgId);
    const revoked = await createLink(interview);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/scheduling-links/${revoked.id}/revoke`,
      headers: amy.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(SchedulingLinkSchema.parse(res.json()).active).toBe(false);
    expect((await lookup(revoked.token)).statusCode).toBe(410);
    const afterRevoke = await pick(revoked.token, '2030-01-07T10:00:00.000Z');
    expect(afterRevoke.statusCode).toBe(410);
    expect(ProblemSchema.parse(afterRevoke.json()).code).toBe('scheduling.link_inactive');

    const expiring = await createLink(interview, { ...WINDOW, expiresInHours: 1 });
    expect((await lookup(expiring.token)).statusCode).toBe(200);
    const start = clock.now().toISOString();
    clock.set(new Date(Date.parse(start) + 2 * 3600_000).toISOString());
    try {
      expect((await lookup(expiring.token)).statusCode).toBe(410);
      expect((await pick(expiring.token, '2030-01-07T10:00:00.000Z')).statusCode).toBe(410);
    } finally {
      clock.set(start);
    }
    expect((await bookingState(app, amy, interview.id)).status).toBe('draft');
  });

  it('lets the candidate reschedule through the link only when the org allows it', async () => {
    const interview = await panelInterview(app, amy, orgId);
    const link = await createLink(interview);
    expect((await pick(link.token, '2030-01-07T09:00:00.000Z')).statusCode).toBe(200);
    const refused = await pick(link.token, '2030-01-07T11:00:00.000Z', 'Train delayed');
    expect(refused.statusCode).toBe(409);
    expect(ProblemSchema.parse(refused.json()).code).toBe('interview.invalid_transition');

    const settings = await app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/scheduling-settings`,
      headers: amy.headers,
      payload: { candidateMayReschedule: true },
    });
    expect(settings.statusCode).toBe(403); // interviewers do not change org rules
    const allowed = await app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/scheduling-settings`,
      headers: owner.headers,
      payload: { candidateMayReschedule: true },
    });
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(SelfScheduleSchema.parse((await lookup(link.token)).json()).canPick).toBe(true);
    const moved = await pick(link.token, '2030-01-07T11:00:00.000Z', 'Train delayed');
    expect(moved.statusCode, moved.body).toBe(200);
    const state = await bookingState(app, amy, interview.id);
    expect(state.booking?.start).toBe('2030-01-07T11:00:00.000Z');
    expect(state.history.map((h) => [h.action, h.reason])).toEqual([
      ['booked', null],
      ['rescheduled', 'Train delayed'],
    ]);
  });
});
