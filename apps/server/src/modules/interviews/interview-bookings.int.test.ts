import {
  CalendarEntriesSchema,
  InterviewSchema,
  ProblemSchema,
  SlotUnavailableProblemSchema,
  type Interview,
} from '@interviewselect/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/create-test-app.js';
import { eventually } from '../../../test/eventually.js';
import { createInterview, transition } from '../../../test/interviews.js';
import { publishWorker } from '../../../test/publish-worker.js';
import { availability, bookingState, putAvailability } from '../../../test/scheduling.js';
import { createOrgWithMembers, signedInUser, testRedisDeps, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { emailOutbox } from '../mail/mail.tables.js';
import { bookings } from '../scheduling/scheduling.tables.js';

/**
 * No way around bookings (ADR 0017): the lifecycle action `schedule` and edits
 * of a scheduled interview's time, length or panel book through the
 * scheduling module, so the exclusion constraint refuses double-booking.
 */
describe('scheduling and editing interviews go through the bookings', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let worker: ReturnType<typeof publishWorker>;
  const redis = testRedisDeps();
  let amy: SignedIn; // interviewer, buffers 15/15
  let ben: SignedIn; // interviewer
  let cal: SignedIn; // interviewer
  let rita: SignedIn; // recruiter (manages interviews)
  let orgId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    worker = publishWorker(database.db);
    app = await createTestApp(database, {}, { ...redis.deps, queue: worker.queue });
    await worker.start();
    [amy, ben, cal, rita] = await Promise.all([
      signedInUser(app, database.db, { name: 'Amy Interviewer' }),
      signedInUser(app, database.db, { name: 'Ben Second' }),
      signedInUser(app, database.db, { name: 'Cal Third' }),
      signedInUser(app, database.db, { name: 'Rita Recruiter' }),
    ]);
    orgId = (
      await createOrgWithMembers(database.db, {
        [amy.user.id]: 'interviewer',
        [ben.user.id]: 'interviewer',
        [cal.user.id]: 'interviewer',
        [rita.user.id]: 'recruiter',
      })
    ).id;
    await putAvailability(app, amy, availability({ bufferBeforeMinutes: 15, bufferAfterMinutes: 15 }));
  });

  afterAll(async () => {
    await worker.stop();
    await app.close();
    await database.close();
    redis.close();
  });

  let candidates = 0;
  /** A draft of Amy's with `co` on the panel and its own candidate (to count that candidate's e-mails). */
  async function draft(plannedStart: string | null, co: SignedIn[] = [], durationMinutes = 60) {
    candidates += 1;
    return createInterview(app, amy, orgId, {
      title: `Pairing ${candidates}`,
      candidate: { name: 'Casey Candidate', email: `bypass-${candidates}-${Date.now()}@example.test` },
      coInterviewerIds: co.map((c) => c.user.id),
      plannedStart,
      durationMinutes,
    });
  }

  const get = async (id: string) =>
    InterviewSchema.parse(
      (await app.inject({ method: 'GET', url: `/api/v1/interviews/${id}`, headers: rita.headers })).json(),
    );
  const patch = (id: string, payload: object) =>
    app.inject({ method: 'PATCH', url: `/api/v1/interviews/${id}`, headers: rita.headers, payload });
  const activeRows = (interviewId: string) =>
    database.db
      .select()
      .from(bookings)
      .where(and(eq(bookings.interviewId, interviewId), eq(bookings.active, true)))
      .orderBy(asc(bookings.userId));
  const mailsOf = (interview: Interview, subject: string) =>
    database.db
      .select()
      .from(emailOutbox)
      .where(inArray(emailOutbox.to, [amy.user.email, ben.user.email, cal.user.email, interview.candidate.email]))
      .then((rows) => rows.filter((m) => m.subject.startsWith(`${subject}: ${interview.title}`)));
  const sequenceOf = (content: string) =>
    new ICAL.Event(new ICAL.Component(ICAL.parse(content) as unknown[]).getFirstSubcomponent('vevent') ?? undefined)
      .sequence;

  async function scheduled(plannedStart: string, co: SignedIn[] = []) {
    const interview = await draft(plannedStart, co);
    const res = await transition(app, rita, interview.id, 'schedule');
    expect(res.statusCode, res.body).toBe(200);
    return interview;
  }

  function expectRefused(res: Awaited<ReturnType<typeof patch>>) {
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = SlotUnavailableProblemSchema.parse(res.json());
    expect(problem.code).toBe('scheduling.slot_unavailable');
    return problem;
  }

  it('schedule books the panel at the planned start and sends exactly one invitation each', async () => {
    // Saturday night: outside every availability window, still a time a manager may choose.
    const interview = await scheduled('2030-01-05T22:00:00Z', [ben]);
    const detail = await get(interview.id);
    expect(detail.status).toBe('scheduled');
    const rows = await activeRows(interview.id);
    expect(rows.map((r) => r.userId).sort()).toEqual([amy.user.id, ben.user.id].sort());
    const amyRow = rows.find((r) => r.userId === amy.user.id);
    expect([amyRow?.blockedFrom.toISOString(), amyRow?.blockedUntil.toISOString()]).toEqual([
      '2030-01-05T21:45:00.000Z',
      '2030-01-05T23:15:00.000Z',
    ]);
    const state = await bookingState(app, rita, interview.id);
    expect(state.booking).toEqual({ start: '2030-01-05T22:00:00.000Z', end: '2030-01-05T23:00:00.000Z' });
    expect(state.history.map((h) => [h.action, h.actor])).toEqual([['booked', 'Rita Recruiter']]);
    const invitations = await eventually(async () => {
      const mails = await mailsOf(interview, 'Invitation');
      expect(mails.map((m) => m.to).sort()).toEqual([amy.user.email, ben.user.email, interview.candidate.email].sort());
      return mails;
    });
    for (const mail of invitations) expect(sequenceOf(mail.calendar?.content ?? '')).toBe(0);
  });

  it('refuses to schedule without a start time, in the past, or onto a panel member’s booked time', async () => {
    const noTime = await draft(null);
    const missing = await transition(app, rita, noTime.id, 'schedule');
    expect(missing.statusCode).toBe(422);
    expect(ProblemSchema.parse(missing.json())).toMatchObject({ code: 'scheduling.start_required' });
    expect(ProblemSchema.parse(missing.json()).detail).toMatch(/Schedule page/);

    const past = await draft('2020-01-06T10:00:00Z');
    const inPast = await transition(app, rita, past.id, 'schedule');
    expect(inPast.statusCode).toBe(400);
    expect(ProblemSchema.parse(inPast.json()).detail).toMatch(/start time is in the past/);

    // The attack: two interviews of Amy's at overlapping times, both through the lifecycle action.
    await scheduled('2030-01-07T10:00:00Z', [ben]);
    for (const start of ['2030-01-07T10:30:00Z', '2030-01-07T11:10:00Z' /* inside Amy's 15-minute buffer */]) {
      const second = await draft(start);
      const problem = expectRefused(await transition(app, rita, second.id, 'schedule'));
      expect(Array.isArray(problem.alternatives)).toBe(true);
      const after = await get(second.id);
      expect(after.status).toBe('draft');
      expect(after.transitions.map((t) => t.to)).toEqual(['draft']);
      expect(await activeRows(second.id)).toEqual([]);
      expect((await bookingState(app, rita, second.id)).history).toEqual([]);
    }
    // Ben alone is busy too: a panel is booked whole or not at all.
    const benOnly = await createInterview(app, ben, orgId, { plannedStart: '2030-01-07T10:00:00Z' });
    expectRefused(await transition(app, rita, benOnly.id, 'schedule'));
    expect(await activeRows(benOnly.id)).toEqual([]);
  });

  it('an edit moving a scheduled interview onto another one’s time is refused whole', async () => {
    const mine = await scheduled('2030-01-08T10:00:00Z');
    await scheduled('2030-01-08T14:00:00Z');
    const before = await get(mine.id);
    const refused = await patch(mine.id, { title: 'Renamed', plannedStart: '2030-01-08T14:30:00Z' });
    expectRefused(refused);
    const after = await get(mine.id);
    expect(after).toMatchObject({ title: before.title, plannedStart: '2030-01-08T10:00:00.000Z', status: 'scheduled' });
    expect((await activeRows(mine.id)).map((r) => r.startsAt.toISOString())).toEqual(['2030-01-08T10:00:00.000Z']);
    // Lengthening it into the next interview (and its buffers) is refused the same way.
    expectRefused(await patch(mine.id, { durationMinutes: 240 }));
    expect((await get(mine.id)).durationMinutes).toBe(60);
    // A scheduled interview keeps a time: removing it is refused (cancel instead).
    const removed = await patch(mine.id, { plannedStart: null });
    expect(removed.statusCode).toBe(422);
    expect((await get(mine.id)).plannedStart).toBe('2030-01-08T10:00:00.000Z');
  });

  it('adding a co-interviewer who is busy then is refused; the panel stays as it was', async () => {
    const mine = await scheduled('2030-01-09T10:00:00Z', [ben]);
    await createInterview(app, cal, orgId, { plannedStart: '2030-01-09T10:30:00Z' }).then((busy) =>
      transition(app, rita, busy.id, 'schedule').then((res) => expect(res.statusCode, res.body).toBe(200)),
    );
    expectRefused(await patch(mine.id, { coInterviewerIds: [ben.user.id, cal.user.id] }));
    expect((await get(mine.id)).interviewers.map((i) => i.userId).sort()).toEqual([amy.user.id, ben.user.id].sort());
    expect((await activeRows(mine.id)).map((r) => r.userId).sort()).toEqual([amy.user.id, ben.user.id].sort());
  });

  it('a successful edit moves the booking rows, the calendar entry and sends one update with a higher SEQUENCE', async () => {
    const mine = await scheduled('2030-01-10T10:00:00Z', [ben]);
    await eventually(async () => expect(await mailsOf(mine, 'Invitation')).toHaveLength(3));
    // An edit that changes nothing booked (the form sends every field back) does not move anything.
    const same = await patch(mine.id, { title: mine.title, plannedStart: '2030-01-10T10:00:00Z' });
    expect(same.statusCode, same.body).toBe(200);
    expect((await bookingState(app, rita, mine.id)).history.map((h) => h.action)).toEqual(['booked']);

    const moved = await patch(mine.id, { plannedStart: '2030-01-10T15:00:00Z' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(InterviewSchema.parse(moved.json()).plannedStart).toBe('2030-01-10T15:00:00.000Z');
    const rows = await activeRows(mine.id);
    expect(rows.map((r) => [r.userId, r.startsAt.toISOString()]).sort()).toEqual(
      [
        [amy.user.id, '2030-01-10T15:00:00.000Z'],
        [ben.user.id, '2030-01-10T15:00:00.000Z'],
      ].sort(),
    );
    const state = await bookingState(app, rita, mine.id);
    expect(state.booking).toEqual({ start: '2030-01-10T15:00:00.000Z', end: '2030-01-10T16:00:00.000Z' });
    expect(state.history.at(-1)).toMatchObject({
      action: 'rescheduled',
      previousStart: '2030-01-10T10:00:00.000Z',
      start: '2030-01-10T15:00:00.000Z',
      reason: 'Edited by Rita Recruiter',
    });
    const entries = await app.inject({
      method: 'GET',
      url: `/api/v1/calendar/entries?orgId=${orgId}&from=2030-01-10T00:00:00Z&to=2030-01-11T00:00:00Z`,
      headers: rita.headers,
    });
    expect(entries.statusCode, entries.body).toBe(200);
    const entry = CalendarEntriesSchema.parse(entries.json()).entries.find((e) => e.interviewId === mine.id);
    expect(entry).toMatchObject({ start: '2030-01-10T15:00:00.000Z', end: '2030-01-10T16:00:00.000Z' });
    const everyone = [amy.user.email, ben.user.email, mine.candidate.email].sort();
    const updates = await eventually(async () => {
      const mails = await mailsOf(mine, 'Updated');
      expect(mails.map((m) => m.to).sort()).toEqual(everyone);
      return mails;
    });
    for (const mail of updates) expect(sequenceOf(mail.calendar?.content ?? '')).toBe(1);
    // One invitation each, never a second one for the same booking.
    expect((await mailsOf(mine, 'Invitation')).map((m) => m.to).sort()).toEqual(everyone);

    // Cal takes Ben's place: the rows follow the panel, and Ben's time is free again.
    const swapped = await patch(mine.id, { coInterviewerIds: [cal.user.id] });
    expect(swapped.statusCode, swapped.body).toBe(200);
    expect((await activeRows(mine.id)).map((r) => r.userId).sort()).toEqual([amy.user.id, cal.user.id].sort());
    // Calendars follow the panel at the same time: Ben's copy is cancelled (METHOD:CANCEL, same UID), Cal is
    // invited, Amy and the candidate get an update — all at SEQUENCE 2.
    const ofSwap = async () => {
      const mails = await database.db
        .select()
        .from(emailOutbox)
        .where(inArray(emailOutbox.to, [amy.user.email, ben.user.email, cal.user.email, mine.candidate.email]));
      const after = mails.filter((m) => m.calendar && sequenceOf(m.calendar.content) === 2);
      expect(after).toHaveLength(4);
      return after;
    };
    const swapMails = await eventually(ofSwap);
    const byTo = new Map(swapMails.map((m) => [m.to, m]));
    expect(byTo.get(ben.user.email)?.subject).toBe(`No longer on the panel: ${mine.title}`);
    expect(byTo.get(ben.user.email)?.calendar?.method).toBe('CANCEL');
    expect(byTo.get(ben.user.email)?.calendar?.content).toContain(`UID:interview-${mine.id}@interviewselect`);
    expect(byTo.get(cal.user.email)?.subject).toMatch(new RegExp(`^Invitation: ${mine.title} `));
    expect(byTo.get(cal.user.email)?.calendar?.method).toBe('REQUEST');
    for (const to of [amy.user.email, mine.candidate.email]) {
      expect(byTo.get(to)?.subject).toMatch(new RegExp(`^Updated: ${mine.title} `));
    }
    const bens = await createInterview(app, ben, orgId, { plannedStart: '2030-01-10T15:00:00Z' });
    expect((await transition(app, rita, bens.id, 'schedule')).statusCode).toBe(200);
    // A reason given with the edit goes into the history instead of the automatic one.
    const withReason = await patch(mine.id, { durationMinutes: 45, reason: 'Shorter exercise' });
    expect(withReason.statusCode, withReason.body).toBe(200);
    expect((await bookingState(app, rita, mine.id)).history.at(-1)).toMatchObject({
      action: 'rescheduled',
      reason: 'Shorter exercise',
    });
  });

  it('a draft’s start time is only a plan: no booking until it is scheduled', async () => {
    const plan = await draft('2030-01-11T10:00:00Z');
    const edited = await patch(plan.id, { plannedStart: '2030-01-11T12:00:00Z' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await activeRows(plan.id)).toEqual([]);
    expect((await get(plan.id)).status).toBe('draft');
  });
});
