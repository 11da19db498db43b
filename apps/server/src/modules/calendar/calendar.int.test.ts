import type { AddressInfo } from 'node:net';
import { CalendarFeedCreatedSchema, CalendarSettingsSchema, ProblemSchema } from '@interviewselect/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfHeaders } from '../../../test/create-test-app.js';
import { eventually } from '../../../test/eventually.js';
import { createInterview, createLink } from '../../../test/interviews.js';
import { publishWorker } from '../../../test/publish-worker.js';
import { createOrgWithMembers, signedInUser, testRedisDeps, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createPgQueue } from '../../platform/queue/pg-queue.js';
import { jobs } from '../../platform/queue/queue.tables.js';
import { createInterviewsRepo } from '../interviews/interviews.repo.js';
import { createMailRepo } from '../mail/mail.repo.js';
import { createMailService, createSmtpTransport } from '../mail/mail.service.js';
import { emailOutbox, type EmailOutboxRow } from '../mail/mail.tables.js';
import type { OrgRow } from '../orgs/orgs.tables.js';
import { createCalendarRepo } from './calendar.repo.js';
import { createCalendarService, reminderJob } from './calendar.service.js';
import { interviewReminders } from './calendar.tables.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

function parseIcs(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content) as unknown[]);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    status: vevent.getFirstPropertyValue('status'),
    url: vevent.getFirstPropertyValue('url'),
    attendees: event.attendees.map((a) => String(a.getFirstValue())),
  };
}

describe('calendar: invitations with .ics, reminders, feeds', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let worker: ReturnType<typeof publishWorker>;
  const redis = testRedisDeps();
  let clock = new Date('2026-03-20T09:00:00Z');
  let org: OrgRow;
  let ivy: SignedIn;
  let ian: SignedIn;
  let olga: SignedIn;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Bookings queue their invitations; this process works those jobs (not the reminders: the clock walks to them).
    worker = publishWorker(database.db);
    app = await createTestApp(
      database,
      { PUBLIC_URL: 'https://interviews.example.test' },
      { ...redis.deps, now: () => clock, queue: worker.queue },
    );
    await worker.start();
    [ivy, ian, olga] = await Promise.all([
      signedInUser(app, database.db, { name: 'Ivy Interviewer' }),
      signedInUser(app, database.db, { name: 'Ian Second' }),
      signedInUser(app, database.db, { name: 'Olga Owner' }),
    ]);
    org = await createOrgWithMembers(
      database.db,
      { [ivy.user.id]: 'interviewer', [ian.user.id]: 'interviewer', [olga.user.id]: 'owner' },
      'Acme Hiring',
    );
  });

  afterAll(async () => {
    await worker.stop();
    await app.close();
    await database.close();
    redis.close();
  });

  /** A second calendar service over the same database and clock: state lives in the database, so this is a restart. */
  function freshService() {
    const interviewsRepo = createInterviewsRepo(database.db);
    return createCalendarService({
      repo: createCalendarRepo(database.db),
      mail: createMailService({
        repo: createMailRepo(database.db),
        queue: createPgQueue({ db: database.db, logger: quiet }),
        transport: { kind: 'mailbox', send: () => Promise.reject(new Error('not used')), close: () => undefined },
        from: 'x@test',
        logger: quiet,
      }),
      loadInterview: (id) => interviewsRepo.loadAggregate(id),
      interviewsOfUser: (id) => interviewsRepo.interviewsOfUser(id),
      issueCandidateLink: () => Promise.reject(new Error('not used by reminders')),
      publicUrl: 'https://interviews.example.test',
      organizerEmail: 'test@interviewselect.local',
      now: () => clock,
    });
  }

  const mailsFor = async (ids: string[]): Promise<EmailOutboxRow[]> =>
    ids.length === 0
      ? []
      : database.db.select().from(emailOutbox).where(inArray(emailOutbox.to, ids)).orderBy(asc(emailOutbox.createdAt));

  async function transitionTo(interviewId: string, action: string, reason?: string) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/interviews/${interviewId}/transitions`,
      headers: ivy.headers,
      payload: { action, ...(reason ? { reason } : {}) },
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  it('invites, updates and cancels every participant with a growing SEQUENCE; reminders follow the schedule', async () => {
    const candidateEmail = `cal-${Date.now()}@example.test`;
    const interview = await createInterview(app, ivy, org.id, {
      title: 'Systems design',
      candidate: { name: 'Casey Candidate', email: candidateEmail },
      coInterviewerIds: [ian.user.id],
      plannedStart: '2026-03-28T09:30:00.000Z',
      durationMinutes: 60,
    });
    const everyone = [ivy.user.email, ian.user.email, candidateEmail];

    await transitionTo(interview.id, 'schedule');
    const invitations = await eventually(async () => {
      const rows = await mailsFor(everyone);
      expect(rows).toHaveLength(3);
      return rows;
    });
    const byRecipient = new Map(invitations.map((m) => [m.to, m]));
    for (const email of everyone) {
      const mail = byRecipient.get(email);
      expect(mail?.subject).toMatch(/^Invitation: Systems design/);
      expect(mail?.calendar?.method).toBe('REQUEST');
      const ics = parseIcs(mail?.calendar?.content ?? '');
      expect(ics).toMatchObject({
        method: 'REQUEST',
        sequence: 0,
        start: '2026-03-28T09:30:00.000Z',
        end: '2026-03-28T10:30:00.000Z',
        status: 'CONFIRMED',
      });
      expect(mail?.text).toContain('When: Saturday, 28 March 2026, 09:30–10:30 (UTC');
    }
    const uid = parseIcs(byRecipient.get(candidateEmail)?.calendar?.content ?? '').uid;
    // The candidate's invitation names only the candidate and carries a working join link; interviewers see the panel.
    const candidateIcs = parseIcs(byRecipient.get(candidateEmail)?.calendar?.content ?? '');
    expect(candidateIcs.attendees).toEqual([`mailto:${candidateEmail}`]);
    expect(candidateIcs.url).toMatch(/^https:\/\/interviews\.example\.test\/join#[A-Za-z0-9_-]{43}$/);
    const token = String(candidateIcs.url).split('#')[1];
    const lobby = await app.inject({
      method: 'POST',
      url: '/api/v1/room-links/lookup',
      headers: csrfHeaders(),
      payload: { token },
    });
    expect(lobby.statusCode, lobby.body).toBe(200);
    expect(lobby.json()).toMatchObject({ title: 'Systems design', role: 'candidate' });
    const interviewerIcs = parseIcs(byRecipient.get(ivy.user.email)?.calendar?.content ?? '');
    expect(interviewerIcs.attendees.sort()).toEqual(everyone.map((e) => `mailto:${e}`).sort());
    expect(interviewerIcs.url).toBe(`https://interviews.example.test/interviews/${interview.id}/room`);

    // Reminders exist for 24 h and 1 h before, and wait for their moment.
    const reminders = await database.db
      .select()
      .from(interviewReminders)
      .where(eq(interviewReminders.interviewId, interview.id));
    expect(reminders.map((r) => [r.offsetMinutes, r.dueAt.toISOString(), r.status]).sort()).toEqual([
      [1440, '2026-03-27T09:30:00.000Z', 'pending'],
      [60, '2026-03-28T08:30:00.000Z', 'pending'],
    ]);
    // …each woken by a durable queued job at its due time.
    // (queued right after the commit, so wait for them)
    await eventually(async () => {
      const queued = await database.db
        .select()
        .from(jobs)
        .where(
          and(
            eq(jobs.name, reminderJob.name),
            inArray(
              jobs.dedupeKey,
              reminders.map((r) => r.id),
            ),
          ),
        );
      expect(queued.map((j) => j.runAt.toISOString()).sort()).toEqual(
        reminders.map((r) => r.dueAt.toISOString()).sort(),
      );
    });

    // Move it: an update with SEQUENCE 1 to everyone, the old reminders dropped, new ones made.
    const moved = await app.inject({
      method: 'PATCH',
      url: `/api/v1/interviews/${interview.id}`,
      headers: ivy.headers,
      payload: { plannedStart: '2026-03-29T14:00:00.000Z' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const updates = await eventually(async () => {
      const rows = (await mailsFor(everyone)).filter((m) => m.subject.startsWith('Updated:'));
      expect(rows).toHaveLength(3);
      return rows;
    });
    for (const mail of updates) {
      expect(parseIcs(mail.calendar?.content ?? '')).toMatchObject({
        uid,
        sequence: 1,
        method: 'REQUEST',
        start: '2026-03-29T14:00:00.000Z',
      });
    }
    const afterMove = await database.db
      .select()
      .from(interviewReminders)
      .where(eq(interviewReminders.interviewId, interview.id));
    expect(afterMove.filter((r) => r.status === 'dropped')).toHaveLength(2);
    expect(
      afterMove
        .filter((r) => r.status === 'pending')
        .map((r) => r.dueAt.toISOString())
        .sort(),
    ).toEqual(['2026-03-28T14:00:00.000Z', '2026-03-29T13:00:00.000Z']);

    // The controlled clock walks to each reminder: nothing before its moment, exactly once at it.
    const service = freshService();
    clock = new Date('2026-03-28T13:59:59Z');
    expect(await service.sendDueReminders()).toBe(0);
    clock = new Date('2026-03-28T14:00:00Z');
    const pending = afterMove.find((r) => r.status === 'pending' && r.offsetMinutes === 1440);
    // A retried job and a sweep racing for the same reminder: one of them sends it.
    const race = await Promise.all([service.sendReminder(pending?.id ?? ''), service.sendDueReminders()]);
    expect(race.filter((r) => r === 'sent' || r === 1)).toHaveLength(1);
    const dayBefore = (await mailsFor(everyone)).filter((m) => m.subject.startsWith('Reminder:'));
    expect(dayBefore.map((m) => m.to).sort()).toEqual([...everyone].sort());
    expect(dayBefore[0]?.subject).toBe('Reminder: Systems design starts in 1 day');
    expect(await service.sendDueReminders()).toBe(0);

    // Cancel: METHOD:CANCEL with SEQUENCE 2 and the reason; the 1-hour reminder never goes out.
    await transitionTo(interview.id, 'cancel', 'The role was filled');
    const cancellations = await eventually(async () => {
      const rows = (await mailsFor(everyone)).filter((m) => m.subject.startsWith('Cancelled:'));
      expect(rows).toHaveLength(3);
      return rows;
    });
    for (const mail of cancellations) {
      expect(mail.calendar?.method).toBe('CANCEL');
      expect(mail.text).toContain('Reason: The role was filled');
      expect(parseIcs(mail.calendar?.content ?? '')).toMatchObject({
        uid,
        sequence: 2,
        method: 'CANCEL',
        status: 'CANCELLED',
      });
    }
    clock = new Date('2026-03-29T13:00:00Z');
    expect(await service.sendDueReminders()).toBe(0);
    const finalReminders = await database.db
      .select()
      .from(interviewReminders)
      .where(eq(interviewReminders.interviewId, interview.id));
    expect(finalReminders.filter((r) => r.status === 'pending')).toHaveLength(0);
    expect((await mailsFor(everyone)).filter((m) => m.subject.startsWith('Reminder:'))).toHaveLength(3);
    clock = new Date('2026-03-20T09:00:00Z');
  });

  it('never revokes a candidate link someone already sent: the invitation points to it instead', async () => {
    const candidateEmail = `linked-${Date.now()}@example.test`;
    const interview = await createInterview(app, ivy, org.id, {
      title: 'Already linked',
      candidate: { name: 'Lee Linked', email: candidateEmail },
      plannedStart: '2026-04-03T08:00:00.000Z',
      durationMinutes: 30,
    });
    const link = await createLink(app, ivy, interview.id, 'candidate');
    await transitionTo(interview.id, 'schedule');
    const mail = await eventually(async () => {
      const [row] = await mailsFor([candidateEmail]);
      expect(row?.subject).toMatch(/^Invitation: Already linked/);
      return row;
    });
    expect(parseIcs(mail?.calendar?.content ?? '').url).toBeNull();
    expect(mail?.text).toContain('join with the invite link Acme Hiring sent you');
    const lobby = await app.inject({
      method: 'POST',
      url: '/api/v1/room-links/lookup',
      headers: csrfHeaders(),
      payload: { token: link.token },
    });
    expect(lobby.statusCode, lobby.body).toBe(200);
  });

  it('delivers the invitation over SMTP as a text/calendar iTIP part and an invite.ics', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString());
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`);
    try {
      const mail = createMailService({
        repo: createMailRepo(database.db),
        queue: createPgQueue({ db: database.db, logger: quiet }),
        transport,
        from: 'InterviewSelect <no-reply@interviews.example.test>',
        logger: quiet,
      });
      const interview = await createInterview(app, ivy, org.id, {
        title: 'SMTP check',
        coInterviewerIds: [ian.user.id],
        plannedStart: '2026-04-02T08:00:00.000Z',
        durationMinutes: 45,
      });
      await transitionTo(interview.id, 'schedule');
      const row = await eventually(async () => {
        const rows = (await mailsFor([ian.user.email])).filter((m) => m.subject.startsWith('Invitation: SMTP check'));
        expect(rows).toHaveLength(1);
        return rows[0];
      });
      if (!row?.calendar) throw new Error('no invitation for Ian');
      await mail.deliver({ outboxId: row.id }, { attempt: 1, maxAttempts: 3, jobId: row.id });
      expect(received).toHaveLength(1);
      const parsed = await simpleParser(received[0] ?? '');
      const part = parsed.attachments.find((a) => a.contentType === 'text/calendar');
      const file = parsed.attachments.find((a) => a.filename === 'invite.ics');
      expect(part?.contentType).toBe('text/calendar');
      expect(part?.headers.get('content-type')).toMatchObject({ params: { method: 'REQUEST' } });
      expect(file).toBeDefined();
      expect(parseIcs((part ?? file)?.content.toString('utf8') ?? '')).toMatchObject({
        method: 'REQUEST',
        sequence: 0,
      });
    } finally {
      transport.close();
      await new Promise<void>((resolve) => server.close(resolve));
    }
  });

  it('serves a secret, revocable feed of the person’s interviews', async () => {
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/me/calendar-feed', headers: csrfHeaders() });
    expect(anonymous.statusCode).toBe(401);

    const created = await app.inject({ method: 'POST', url: '/api/v1/me/calendar-feed', headers: ian.headers });
    expect(created.statusCode, created.body).toBe(201);
    const { url } = CalendarFeedCreatedSchema.parse(created.json());
    const path = new URL(url).pathname;
    const feed = await app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(feed.body) as unknown[]);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const titles = calendar.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('summary'));
    expect(titles).toContain('Systems design');
    const status = await app.inject({ method: 'GET', url: '/api/v1/me/calendar-feed', headers: ian.headers });
    expect(status.json()).toMatchObject({ active: true });

    // Rotating retires the old URL; turning it off retires the new one. A guessed token gets the same 404.
    const rotated = await app.inject({ method: 'POST', url: '/api/v1/me/calendar-feed', headers: ian.headers });
    const newPath = new URL(CalendarFeedCreatedSchema.parse(rotated.json()).url).pathname;
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: newPath })).statusCode).toBe(200);
    const off = await app.inject({ method: 'DELETE', url: '/api/v1/me/calendar-feed', headers: ian.headers });
    expect(off.statusCode).toBe(204);
    const gone = await app.inject({ method: 'GET', url: newPath });
    expect(gone.statusCode).toBe(404);
    expect(ProblemSchema.parse(gone.json()).detail).toMatch(/Settings → Calendar/);
    const guessed = await app.inject({ method: 'GET', url: `/api/v1/calendar-feeds/${'A'.repeat(43)}/interviews.ics` });
    expect(guessed.statusCode).toBe(404);
  });

  it('lets owners and admins choose the reminder times, with clear errors', async () => {
    const url = `/api/v1/orgs/${org.id}/calendar-settings`;
    const initial = await app.inject({ method: 'GET', url, headers: ivy.headers });
    expect(CalendarSettingsSchema.parse(initial.json())).toEqual({ reminderOffsetsMinutes: [1440, 60] });
    const denied = await app.inject({
      method: 'PUT',
      url,
      headers: ivy.headers,
      payload: { reminderOffsetsMinutes: [30] },
    });
    expect(denied.statusCode).toBe(403);
    const invalid = await app.inject({
      method: 'PUT',
      url,
      headers: olga.headers,
      payload: { reminderOffsetsMinutes: [2, 60, 60] },
    });
    expect(invalid.statusCode).toBe(400);
    expect(JSON.stringify(invalid.json())).toMatch(/at least 5 minutes/);
    const saved = await app.inject({
      method: 'PUT',
      url,
      headers: olga.headers,
      payload: { reminderOffsetsMinutes: [30, 2880] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ reminderOffsetsMinutes: [2880, 30] });
  });
});
