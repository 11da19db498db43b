import { AvailabilitySchema, ProblemSchema, SlotListSchema } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/create-test-app.js';
import { availability, panelInterview, putAvailability } from '../../../test/scheduling.js';
import { createOrgWithMembers, signedInUser, testRedisDeps, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';

describe('availability and slots API', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const redis = testRedisDeps();
  let berlin: SignedIn;
  let newYork: SignedIn;
  let orgId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database, {}, redis.deps);
    berlin = await signedInUser(app, database.db);
    newYork = await signedInUser(app, database.db);
    orgId = (
      await createOrgWithMembers(database.db, { [berlin.user.id]: 'interviewer', [newYork.user.id]: 'interviewer' })
    ).id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    redis.close();
  });

  const put = (who: SignedIn, payload: unknown) =>
    app.inject({ method: 'PUT', url: '/api/v1/me/availability', headers: who.headers, payload: payload as object });

  it('returns unconfigured defaults, then what was saved', async () => {
    const first = AvailabilitySchema.parse(
      (await app.inject({ method: 'GET', url: '/api/v1/me/availability', headers: berlin.headers })).json(),
    );
    expect(first.isConfigured).toBe(false);
    const body = availability({
      timeZone: 'Europe/Berlin',
      exceptions: [
        { date: '2030-01-08', kind: 'unavailable', start: null, end: null },
        { date: '2030-01-12', kind: 'available', start: '10:00', end: '12:00' },
      ],
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 15,
      minimumNoticeMinutes: 120,
      maxPerDay: 3,
    });
    const res = await put(berlin, body);
    expect(res.statusCode, res.body).toBe(200);
    const saved = AvailabilitySchema.parse(res.json());
    expect(saved).toEqual({ ...body, isConfigured: true });
  });

  it('rejects overlapping and inverted ranges with one issue each', async () => {
    const res = await put(
      newYork,
      availability({
        weekly: [
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 1, start: '11:00', end: '13:00' },
          { weekday: 2, start: '15:00', end: '14:00' },
        ],
        exceptions: [{ date: '2030-01-09', kind: 'available', start: '10:00', end: null }],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(ProblemSchema.parse(res.json()).issues).toEqual([
      { path: 'body.weekly.1', message: 'This range overlaps entry 1.' },
      { path: 'body.weekly.2', message: 'The range must end after it starts.' },
      { path: 'body.exceptions.0', message: 'Give both a start and an end, or neither for the whole day.' },
    ]);
  });

  it('rejects unknown time zones and malformed times', async () => {
    const res = await put(
      newYork,
      availability({ timeZone: 'Mars/Olympus_Mons', weekly: [{ weekday: 1, start: '9am', end: '17:00' }] }),
    );
    expect(res.statusCode).toBe(400);
    const paths = ProblemSchema.parse(res.json()).issues?.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.timeZone', 'body.weekly.0.start']));
  });

  it('lists the panel’s common slots in UTC across two zones', async () => {
    await putAvailability(app, newYork, availability({ timeZone: 'America/New_York' }));
    await putAvailability(app, berlin, availability({ timeZone: 'Europe/Berlin' }));
    const interview = await panelInterview(app, berlin, orgId, [newYork], 60);
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/interviews/${interview.id}/slots?from=2030-01-07T00:00:00Z&to=2030-01-08T00:00:00Z`,
      headers: berlin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = SlotListSchema.parse(res.json());
    // Berlin 09–17 CET = 08–16Z; New York 09–17 EST = 14–22Z: one-hour slots start 14:00–15:00Z.
    expect(list.slots.map((s) => s.start)).toEqual([
      '2030-01-07T14:00:00.000Z',
      '2030-01-07T14:15:00.000Z',
      '2030-01-07T14:30:00.000Z',
      '2030-01-07T14:45:00.000Z',
      '2030-01-07T15:00:00.000Z',
    ]);
    expect(list.panel.map((p) => p.timeZone).sort()).toEqual(['America/New_York', 'Europe/Berlin']);
  });

  it('refuses ranges that are inverted or too long', async () => {
    const interview = await panelInterview(app, berlin, orgId);
    const inverted = await app.inject({
      method: 'GET',
      url: `/api/v1/interviews/${interview.id}/slots?from=2030-01-08T00:00:00Z&to=2030-01-07T00:00:00Z`,
      headers: berlin.headers,
    });
    expect(inverted.statusCode).toBe(400);
    const tooLong = await app.inject({
      method: 'GET',
      url: `/api/v1/interviews/${interview.id}/slots?from=2030-01-07T00:00:00Z&to=2030-06-07T00:00:00Z`,
      headers: berlin.headers,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(ProblemSchema.parse(tooLong.json()).detail).toContain('at most 62 days');
  });
});
