import { CalDavConnectionSchema, ProblemSchema } from '@interviewselect/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testConfig } from '../../../test/create-test-app.js';
import { eventually } from '../../../test/eventually.js';
import { createInterview } from '../../../test/interviews.js';
import { startRadicale, type RadicaleServer } from '../../../test/radicale.js';
import { createOrgWithMembers, signedInUser, testRedisDeps, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createPgQueue } from '../../platform/queue/pg-queue.js';
import type { JobQueue } from '../../platform/queue/queue.js';
import { createSecretBox } from '../../platform/secret-box.js';
import { createCalDavClient } from './caldav-client.js';
import { createCalDavSync } from './caldav-sync.js';
import { caldavConnections } from './calendar.tables.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('CalDAV sync: interviews written to the calendar, its busy times read back', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let queue: JobQueue;
  let radicale: RadicaleServer;
  let calendarUrl: string;
  const redis = testRedisDeps();
  let clock = new Date('2026-03-10T09:00:00Z');
  let ivy: SignedIn;

  beforeAll(async () => {
    radicale = await startRadicale({ ivy: 'ivy-app-password' });
    calendarUrl = await radicale.makeCalendar('ivy', 'ivy-app-password', 'work');
    database = await createTestDatabase();
    queue = createPgQueue({ db: database.db, logger: quiet, pollIntervalMs: 20 });
    app = await createTestApp(database, {}, { ...redis.deps, now: () => clock, queue });
    await queue.start();
    ivy = await signedInUser(app, database.db, { name: 'Ivy Interviewer' });
    const org = await createOrgWithMembers(database.db, { [ivy.user.id]: 'owner' }, 'Acme');
    Object.assign(ivy, { orgId: org.id });
    // No reminders here: the controlled clock is months behind the queue's, so their jobs would all be due at once.
    const noReminders = await app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${org.id}/calendar-settings`,
      headers: ivy.headers,
      payload: { reminderOffsetsMinutes: [] },
    });
    expect(noReminders.statusCode, noReminders.body).toBe(200);
  });

  afterAll(async () => {
    await queue.stop();
    await app.close();
    await database.close();
    await radicale.close();
    redis.close();
  });

  const put = (payload: object) =>
    app.inject({ method: 'PUT', url: '/api/v1/me/caldav', headers: ivy.headers, payload });
  const ivyCalendar = () => createCalDavClient({ url: calendarUrl, username: 'ivy', password: 'ivy-app-password' });

  it('checks the calendar before storing it, and keeps the password sealed', async () => {
    const wrong = await put({ url: calendarUrl, username: 'ivy', password: 'nope' });
    expect(wrong.statusCode).toBe(422);
    expect(ProblemSchema.parse(wrong.json()).detail).toMatch(/refused the user name or password/);
    const notCalendar = await put({ url: `${radicale.baseUrl}/ivy/`, username: 'ivy', password: 'ivy-app-password' });
    expect(ProblemSchema.parse(notCalendar.json()).detail).toMatch(/not a calendar collection/);
    const invalid = await put({ url: 'ftp://x', username: '', password: 'x' });
    expect(invalid.statusCode).toBe(400);

    const ok = await put({ url: calendarUrl, username: 'ivy', password: 'ivy-app-password' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(CalDavConnectionSchema.parse(ok.json())).toMatchObject({
      connected: true,
      url: calendarUrl,
      username: 'ivy',
    });
    expect(ok.body).not.toContain('ivy-app-password');
    const [row] = await database.db.select().from(caldavConnections).where(eq(caldavConnections.userId, ivy.user.id));
    expect(row?.passwordSealed).toBeDefined();
    expect(row?.passwordSealed).not.toContain('ivy-app-password');
    expect(Buffer.from(row?.passwordSealed ?? '', 'base64url').toString('latin1')).not.toContain('ivy-app-password');
  });

  it('writes a scheduled interview, moves it, removes it when cancelled', async () => {
    const orgId = (ivy as SignedIn & { orgId: string }).orgId;
    const interview = await createInterview(app, ivy, orgId, {
      title: 'Synced interview',
      plannedStart: '2026-03-20T10:00:00.000Z',
      durationMinutes: 60,
    });
    const act = async (action: string) => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/interviews/${interview.id}/transitions`,
        headers: ivy.headers,
        payload: { action },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const window = [new Date('2026-03-19T00:00:00Z'), new Date('2026-03-23T00:00:00Z')] as const;
    const startsInCalendar = async () =>
      (await ivyCalendar().busy(...window)).map((r) => [r.start.toISOString(), r.end.toISOString()]);

    await act('schedule');
    await eventually(
      async () => expect(await startsInCalendar()).toEqual([['2026-03-20T10:00:00.000Z', '2026-03-20T11:00:00.000Z']]),
      {
        timeoutMs: 15_000,
      },
    );
    const moved = await app.inject({
      method: 'PATCH',
      url: `/api/v1/interviews/${interview.id}`,
      headers: ivy.headers,
      payload: { plannedStart: '2026-03-21T15:30:00.000Z' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await eventually(
      async () => expect(await startsInCalendar()).toEqual([['2026-03-21T15:30:00.000Z', '2026-03-21T16:30:00.000Z']]),
      {
        timeoutMs: 15_000,
      },
    );
    await act('cancel');
    await eventually(async () => expect(await startsInCalendar()).toEqual([]), { timeoutMs: 15_000 });
    const status = await app.inject({ method: 'GET', url: '/api/v1/me/caldav', headers: ivy.headers });
    expect(CalDavConnectionSchema.parse(status.json())).toMatchObject({ connected: true, lastError: null });
  });

  it('removes the copy from the calendar of someone taken off the panel', async () => {
    const owen = await signedInUser(app, database.db, { name: 'Owen Owner' });
    const org = await createOrgWithMembers(database.db, { [owen.user.id]: 'owner', [ivy.user.id]: 'interviewer' });
    const quiet = await app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${org.id}/calendar-settings`,
      headers: owen.headers,
      payload: { reminderOffsetsMinutes: [] },
    });
    expect(quiet.statusCode, quiet.body).toBe(200);
    const interview = await createInterview(app, owen, org.id, {
      title: 'Panel of two',
      plannedStart: '2026-04-02T09:00:00.000Z',
      durationMinutes: 60,
      coInterviewerIds: [ivy.user.id],
    });
    const scheduled = await app.inject({
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/transitions`,
      headers: owen.headers,
      payload: { action: 'schedule' },
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    const window = [new Date('2026-04-01T00:00:00Z'), new Date('2026-04-03T00:00:00Z')] as const;
    const ours = async () => (await ivyCalendar().busy(...window, () => false)).map((r) => r.start.toISOString());
    await eventually(async () => expect(await ours()).toEqual(['2026-04-02T09:00:00.000Z']), { timeoutMs: 15_000 });

    const without = await app.inject({
      method: 'PATCH',
      url: `/api/v1/interviews/${interview.id}`,
      headers: owen.headers,
      payload: { coInterviewerIds: [] },
    });
    expect(without.statusCode, without.body).toBe(200);
    await eventually(async () => expect(await ours()).toEqual([]), { timeoutMs: 15_000 });
  });

  it('reads the calendar’s own busy times, without our interviews, and the slot finder keeps clear of them', async () => {
    await ivyCalendar().putEvent(
      'dentist@phone',
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Phone//EN',
        'BEGIN:VEVENT',
        'UID:dentist@phone',
        'DTSTAMP:20260301T000000Z',
        'DTSTART:20260324T130000Z',
        'DTEND:20260324T140000Z',
        'SUMMARY:Dentist',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    const sync = createCalDavSync({
      db: database.db,
      box: createSecretBox(testConfig().secretKey ?? '', 'caldav-password'),
      eventFor: () => Promise.resolve(null),
      sentUid: () => Promise.resolve(null),
      now: () => clock,
    });
    const { busy, failures } = await sync.busyFor(
      [ivy.user.id],
      new Date('2026-03-18T00:00:00Z'),
      new Date('2026-03-30T00:00:00Z'),
    );
    expect(failures).toEqual([]);
    expect(busy.get(ivy.user.id)?.map((r) => r.start.toISOString())).toEqual(['2026-03-24T13:00:00.000Z']);

    // The app read Ivy's calendar for the booking of the test before and reuses that read for two
    // minutes, so the dentist (added behind the app's back since) shows up only once that has passed.
    const orgIdForSlots = (ivy as SignedIn & { orgId: string }).orgId;
    const probe = await createInterview(app, ivy, orgIdForSlots, { title: 'Cache probe', durationMinutes: 60 });
    const slotsAt13 = async () =>
      (
        await app.inject({
          method: 'GET',
          url: `/api/v1/interviews/${probe.id}/slots?from=2026-03-24T13:00:00.000Z&to=2026-03-24T14:00:00.000Z`,
          headers: ivy.headers,
        })
      ).json<{ slots: { start: string }[] }>().slots.length;
    expect(await slotsAt13()).toBe(1);
    clock = new Date(clock.getTime() + 2 * 60_000 + 1);
    expect(await slotsAt13()).toBe(0);

    // The slot finder treats it as unavailable (buffers apply as to bookings): no slot overlaps it, and booking
    // into it is refused with alternatives.
    const orgId = (ivy as SignedIn & { orgId: string }).orgId;
    const interview = await createInterview(app, ivy, orgId, { title: 'Around the dentist', durationMinutes: 60 });
    const slots = await app.inject({
      method: 'GET',
      url: `/api/v1/interviews/${interview.id}/slots?from=2026-03-24T12:00:00.000Z&to=2026-03-24T16:00:00.000Z`,
      headers: ivy.headers,
    });
    expect(slots.statusCode, slots.body).toBe(200);
    expect(slots.json<{ slots: { start: string }[] }>().slots.map((x) => x.start.slice(11, 16))).toEqual([
      '12:00',
      '14:00',
      '14:15',
      '14:30',
      '14:45',
      '15:00',
    ]);
    const clash = await app.inject({
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/booking`,
      headers: ivy.headers,
      payload: { start: '2026-03-24T13:00:00.000Z' },
    });
    expect(clash.statusCode).toBe(409);

    const off = await app.inject({ method: 'DELETE', url: '/api/v1/me/caldav', headers: ivy.headers });
    expect(off.statusCode).toBe(204);
    const status = await app.inject({ method: 'GET', url: '/api/v1/me/caldav', headers: ivy.headers });
    expect(status.json()).toMatchObject({ connected: false });
    expect((await sync.busyFor([ivy.user.id], new Date(), new Date())).busy.size).toBe(0);
  });
});
