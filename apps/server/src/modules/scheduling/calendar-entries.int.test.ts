import { CalendarEntriesSchema, ProblemSchema, SlotUnavailableProblemSchema } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/create-test-app.js';
import { createInterview, transition } from '../../../test/interviews.js';
import { availability, book, bookingState, panelInterview, putAvailability } from '../../../test/scheduling.js';
import { createOrgWithMembers, signedInUser, testRedisDeps, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';

const WEEK = 'from=2030-01-07T00:00:00Z&to=2030-01-14T00:00:00Z';

/** GET /api/v1/calendar/entries: whose interviews each role sees, anonymous mode, the range, and moving an entry. */
describe('calendar entries', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const redis = testRedisDeps();
  let amy: SignedIn; // interviewer
  let ben: SignedIn; // interviewer
  let ada: SignedIn; // admin
  let rex: SignedIn; // recruiter
  let otherAdmin: SignedIn; // admin of another org
  let orgId: string;
  let otherOrgId: string;
  const ids = { amyMonday: '', benTuesday: '', panelWednesday: '', anonymousThursday: '', other: '' };

  const entries = (who: SignedIn, query: string) =>
    app.inject({ method: 'GET', url: `/api/v1/calendar/entries?${query}`, headers: who.headers });
  async function entriesOf(who: SignedIn, query: string) {
    const res = await entries(who, query);
    expect(res.statusCode, res.body).toBe(200);
    return CalendarEntriesSchema.parse(res.json());
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database, {}, redis.deps);
    [amy, ben, ada, rex, otherAdmin] = (await Promise.all(
      [1, 2, 3, 4, 5].map(() => signedInUser(app, database.db)),
    )) as [SignedIn, SignedIn, SignedIn, SignedIn, SignedIn];
    orgId = (
      await createOrgWithMembers(database.db, {
        [amy.user.id]: 'interviewer',
        [ben.user.id]: 'interviewer',
        [ada.user.id]: 'admin',
        [rex.user.id]: 'recruiter',
      })
    ).id;
    otherOrgId = (await createOrgWithMembers(database.db, { [otherAdmin.user.id]: 'admin' })).id;
    for (const who of [amy, ben, otherAdmin]) await putAvailability(app, who, availability());
    const scheduled = async (creator: SignedIn, inOrg: string, start: string, co: SignedIn[] = []) => {
      const interview = await panelInterview(app, creator, inOrg, co);
      expect((await book(app, creator, interview.id, start)).statusCode).toBe(200);
      return interview.id;
    };
    ids.amyMonday = await scheduled(amy, orgId, '2030-01-07T10:00:00Z');
    ids.benTuesday = await scheduled(ben, orgId, '2030-01-08T10:00:00Z');
    ids.panelWednesday = await scheduled(amy, orgId, '2030-01-09T10:00:00Z', [ben]);
    const anonymous = await createInterview(app, amy, orgId, {
      candidate: { name: 'Secret Sam', email: 'sam@example.test' },
      options: { anonymous: true, recordingAllowed: false, integritySignals: false },
    });
    expect((await book(app, amy, anonymous.id, '2030-01-10T10:00:00Z')).statusCode).toBe(200);
    ids.anonymousThursday = anonymous.id;
    ids.other = await scheduled(otherAdmin, otherOrgId, '2030-01-07T10:00:00Z');
    // A draft with a planned time is not booked and stays off the calendar.
    await createInterview(app, amy, orgId, { plannedStart: '2030-01-11T10:00:00Z' });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    redis.close();
  });

  it('shows an interviewer only the interviews they sit on', async () => {
    const amys = await entriesOf(amy, `orgId=${orgId}&${WEEK}`);
    expect(amys.scope).toBe('own');
    expect(amys.interviewers).toEqual([{ userId: amy.user.id, name: amy.user.name }]);
    expect(amys.entries.map((e) => e.interviewId)).toEqual([ids.amyMonday, ids.panelWednesday, ids.anonymousThursday]);
    const bens = await entriesOf(ben, `orgId=${orgId}&${WEEK}`);
    expect(bens.entries.map((e) => e.interviewId)).toEqual([ids.benTuesday, ids.panelWednesday]);
    const panel = bens.entries[1];
    expect(panel).toMatchObject({
      title: 'Backend pairing',
      status: 'scheduled',
      start: '2030-01-09T10:00:00.000Z',
      end: '2030-01-09T11:00:00.000Z',
      candidateName: 'Casey Candidate',
      panel: [
        { userId: amy.user.id, name: amy.user.name },
        { userId: ben.user.id, name: ben.user.name },
      ],
      canReschedule: true,
    });
  });

  it('refuses an interviewer who asks for someone else’s calendar', async () => {
    const res = await entries(amy, `orgId=${orgId}&${WEEK}&interviewerIds=${ben.user.id}`);
    expect(res.statusCode).toBe(403);
    expect(ProblemSchema.parse(res.json()).detail).toContain('only your own interviews');
  });

  it('shows an admin everyone’s interviews, filtered by interviewer on request', async () => {
    const all = await entriesOf(ada, `orgId=${orgId}&${WEEK}`);
    expect(all.scope).toBe('organisation');
    expect(all.entries.map((e) => e.interviewId)).toEqual([
      ids.amyMonday,
      ids.benTuesday,
      ids.panelWednesday,
      ids.anonymousThursday,
    ]);
    expect(all.interviewers.map((i) => i.userId).sort()).toEqual(
      [amy.user.id, ben.user.id, ada.user.id, rex.user.id].sort(),
    );
    // The admin is on no panel but may move any scheduled interview of the org.
    expect(all.entries.every((e) => e.canReschedule)).toBe(true);
    // Recruiters manage any interview of the org, so they see the whole calendar too.
    const recruiters = await entriesOf(rex, `orgId=${orgId}&${WEEK}`);
    expect(recruiters.scope).toBe('organisation');
    expect(recruiters.entries).toHaveLength(4);
    const bens = await entriesOf(ada, `orgId=${orgId}&${WEEK}&interviewerIds=${ben.user.id}`);
    expect(bens.entries.map((e) => e.interviewId)).toEqual([ids.benTuesday, ids.panelWednesday]);
    const both = await entriesOf(
      ada,
      `orgId=${orgId}&${WEEK}&interviewerIds=${ben.user.id}&interviewerIds=${amy.user.id}`,
    );
    expect(both.entries).toHaveLength(4);
  });

  it('never shows another organisation’s interviews, and refuses non-members', async () => {
    const all = await entriesOf(ada, `orgId=${orgId}&${WEEK}&interviewerIds=${otherAdmin.user.id}`);
    expect(all.entries).toEqual([]);
    const mine = await entriesOf(otherAdmin, `orgId=${otherOrgId}&${WEEK}`);
    expect(mine.entries.map((e) => e.interviewId)).toEqual([ids.other]);
    expect(mine.interviewers.map((i) => i.userId)).toEqual([otherAdmin.user.id]);
    expect((await entries(otherAdmin, `orgId=${orgId}&${WEEK}`)).statusCode).toBe(403);
    expect((await entries(ada, `orgId=${otherOrgId}&${WEEK}`)).statusCode).toBe(403);
  });

  it('names the candidate "Candidate" in anonymous mode', async () => {
    const all = await entriesOf(ada, `orgId=${orgId}&${WEEK}`);
    const anonymous = all.entries.find((e) => e.interviewId === ids.anonymousThursday);
    expect(anonymous).toMatchObject({ candidateName: 'Candidate', anonymous: true });
    expect(JSON.stringify(all)).not.toContain('Secret Sam');
  });

  it('includes interviews overlapping the range edges and refuses ranges that are empty or too long', async () => {
    const edge = await entriesOf(amy, `orgId=${orgId}&from=2030-01-07T10:30:00Z&to=2030-01-07T10:45:00Z`);
    expect(edge.entries.map((e) => e.interviewId)).toEqual([ids.amyMonday]);
    const after = await entriesOf(amy, `orgId=${orgId}&from=2030-01-07T11:00:00Z&to=2030-01-08T00:00:00Z`);
    expect(after.entries).toEqual([]);
    const backwards = await entries(amy, `orgId=${orgId}&from=2030-01-08T00:00:00Z&to=2030-01-07T00:00:00Z`);
    expect(backwards.statusCode).toBe(400);
    expect(ProblemSchema.parse(backwards.json()).issues).toEqual([
      { path: 'querystring.to', message: 'The range must end after it starts.' },
    ]);
    const long = await entries(amy, `orgId=${orgId}&from=2030-01-01T00:00:00Z&to=2030-03-05T00:00:00Z`);
    expect(long.statusCode).toBe(400);
    expect(ProblemSchema.parse(long.json()).issues).toEqual([
      { path: 'querystring.to', message: 'Ask for at most 62 days at a time.' },
    ]);
    expect((await entries(amy, `orgId=${orgId}&from=yesterday&to=2030-01-07T00:00:00Z`)).statusCode).toBe(400);
    expect((await entries(ada, `orgId=${orgId}&${WEEK}&interviewerIds=nobody`)).statusCode).toBe(400);
  });

  it('marks a running interview with its status and as not movable', async () => {
    const interview = await panelInterview(app, ben, orgId);
    expect((await book(app, ben, interview.id, '2030-01-11T14:00:00Z')).statusCode).toBe(200);
    await transition(app, ben, interview.id, 'start');
    const bens = await entriesOf(ben, `orgId=${orgId}&${WEEK}`);
    expect(bens.entries.find((e) => e.interviewId === interview.id)).toMatchObject({
      status: 'live',
      canReschedule: false,
    });
  });

  it('moving an entry onto a busy time answers 409 with alternatives and leaves the booking where it was', async () => {
    const before = await bookingState(app, amy, ids.panelWednesday);
    // Ben is booked on Tuesday at 10:00; the panel interview cannot go there.
    const res = await book(app, amy, ids.panelWednesday, '2030-01-08T10:00:00Z', 'Dragged in the calendar');
    expect(res.statusCode).toBe(409);
    expect(SlotUnavailableProblemSchema.parse(res.json()).alternatives.length).toBeGreaterThan(0);
    expect(await bookingState(app, amy, ids.panelWednesday)).toEqual(before);
    const amys = await entriesOf(amy, `orgId=${orgId}&${WEEK}`);
    expect(amys.entries.find((e) => e.interviewId === ids.panelWednesday)?.start).toBe('2030-01-09T10:00:00.000Z');
  });

  it('moving an entry onto a free time reschedules it with the reason in its history', async () => {
    const res = await book(app, ben, ids.benTuesday, '2030-01-08T15:00:00Z', 'Dragged in the calendar');
    expect(res.statusCode, res.body).toBe(200);
    const state = await bookingState(app, ben, ids.benTuesday);
    expect(state.booking?.start).toBe('2030-01-08T15:00:00.000Z');
    expect(state.history.at(-1)).toMatchObject({ action: 'rescheduled', reason: 'Dragged in the calendar' });
    const bens = await entriesOf(ben, `orgId=${orgId}&${WEEK}`);
    expect(bens.entries.find((e) => e.interviewId === ids.benTuesday)?.start).toBe('2030-01-08T15:00:00.000Z');
  });
});
