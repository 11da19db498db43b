import { SessionStateSchema } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/create-test-app.js';
import { insertInterview } from '../../../test/interviews.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createGuestSessions, type GuestSessions } from './guest-sessions.js';

describe('room guest identity', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let now = new Date();
  let guests: GuestSessions;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database, {}, { now: () => now });
    guests = createGuestSessions({ db: database.db, now: () => now });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  /** A real interview to bind guests to (guest sessions reference interviews). */
  const newInterviewId = () => insertInterview(database.db);

  const sessionOf = async (cookie: string) =>
    SessionStateSchema.parse(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).json(),
    );

  it('binds a guest to one interview and one role', async () => {
    const interviewId = await newInterviewId();
    const token = await guests.start({ interviewId, role: 'candidate', displayName: 'Casey' });
    const state = await sessionOf(`isel_guest=${token}`);
    expect(state.user).toBeNull();
    expect(state.guest).toEqual({ interviewId, role: 'candidate', displayName: 'Casey' });
  });

  it('is not a signed-in user anywhere else', async () => {
    const token = await guests.start({ interviewId: await newInterviewId(), role: 'observer', displayName: 'Obi' });
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/sessions',
      headers: { cookie: `isel_guest=${token}` },
    });
    expect(res.statusCode).toBe(401);
  });

  it('ignores forged, expired and ended guest tokens', async () => {
    expect((await sessionOf('isel_guest=forged-token-forged-token-forged-token')).guest).toBeNull();
    const interviewId = await newInterviewId();
    const token = await guests.start({ interviewId, role: 'candidate', displayName: 'Eve', ttlMs: 60_000 });
    now = new Date(now.getTime() + 61_000);
    expect((await sessionOf(`isel_guest=${token}`)).guest).toBeNull();
    now = new Date();
    const second = await guests.start({ interviewId, role: 'candidate', displayName: 'Eve' });
    expect((await sessionOf(`isel_guest=${second}`)).guest?.interviewId).toBe(interviewId);
    expect(await guests.endForInterview(interviewId)).toBe(2);
    expect((await sessionOf(`isel_guest=${second}`)).guest).toBeNull();
  });
});
