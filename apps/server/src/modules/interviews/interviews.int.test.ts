import {
  InterviewLinkSchema,
  InterviewListSchema,
  InterviewSchema,
  LobbySchema,
  MyInterviewSchema,
  ProblemSchema,
  RoomInfoSchema,
} from '@interviewselect/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, csrfHeaders } from '../../../test/create-test-app.js';
import { createInterview, createLink, joinAsGuest, transition } from '../../../test/interviews.js';
import {
  createOrgWithMembers,
  createUser,
  signIn,
  signedInUser,
  testRedisDeps,
  uniqueEmail,
  type SignedIn,
} from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { auditEvents } from '../audit/audit.tables.js';
import { emailOutbox } from '../mail/mail.tables.js';
import type { OrgRow } from '../orgs/orgs.tables.js';
import { interviewLinks, interviewTransitions } from './interviews.tables.js';

const problem = (res: { json: () => unknown }) => ProblemSchema.parse(res.json());

describe('interviews: lifecycle, links, lobby and the room’s view', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const redis = testRedisDeps();
  let clock = new Date('2026-11-23T10:00:00Z');
  let org: OrgRow;
  let otherOrg: OrgRow;
  let ivy: SignedIn; // interviewer of org A (creates interviews)
  let ian: SignedIn; // second interviewer of org A
  let rita: SignedIn; // recruiter of org A
  let vera: SignedIn; // viewer of org A
  let oscar: SignedIn; // interviewer of org B

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(
      database,
      { PUBLIC_URL: 'https://interviews.example.test' },
      { ...redis.deps, now: () => clock },
    );
    [ivy, ian, rita, vera, oscar] = await Promise.all([
      signedInUser(app, database.db, { name: 'Ivy Interviewer' }),
      signedInUser(app, database.db, { name: 'Ian Second' }),
      signedInUser(app, database.db, { name: 'Rita Recruiter' }),
      signedInUser(app, database.db, { name: 'Vera Viewer' }),
      signedInUser(app, database.db, { name: 'Oscar Other' }),
    ]);
    org = await createOrgWithMembers(
      database.db,
      {
        [ivy.user.id]: 'interviewer',
        [ian.user.id]: 'interviewer',
        [rita.user.id]: 'recruiter',
        [vera.user.id]: 'viewer',
      },
      'Acme Hiring',
    );
    otherOrg = await createOrgWithMembers(database.db, { [oscar.user.id]: 'interviewer' }, 'Other Co');
  });

  afterAll(async () => {
    await app.close();
    await database.close();
    redis.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it('creates an interview with its interviewers, candidate record, questions and first transition', async () => {
    const interview = await createInterview(app, ivy, org.id, {
      title: 'Pairing: rate limiter',
      coInterviewerIds: [ian.user.id],
      plannedStart: '2026-11-24T15:00:00+01:00',
      durationMinutes: 45,
      defaultLanguage: 'go',
    });
    expect(interview.status).toBe('draft');
    expect(interview.interviewers.map((p) => p.name)).toEqual(['Ivy Interviewer', 'Ian Second']);
    expect(interview.plannedStart).toBe('2026-11-24T14:00:00.000Z');
    expect(interview.questions[0]?.interviewerNotes).toBe('Expect O(n).');
    expect(interview.transitions).toEqual([
      expect.objectContaining({ from: null, to: 'draft', actor: { userId: ivy.user.id, name: 'Ivy Interviewer' } }),
    ]);
    expect(interview.can).toEqual({ edit: true, manageLinks: true, actions: ['schedule', 'start', 'cancel'] });
    // The viewer of the org reads it but may do nothing with it.
    const asViewer = InterviewSchema.parse(
      (await call('GET', `/api/v1/interviews/${interview.id}`, vera.headers)).json(),
    );
    expect(asViewer.can).toEqual({ edit: false, manageLinks: false, actions: [] });
  });

  it('rejects bad input with field-level problems and changes nothing', async () => {
    const res = await call('POST', '/api/v1/interviews', ivy.headers, {
      orgId: org.id,
      title: ' ',
      candidate: { name: 'A\u202Eb', email: 'not-an-email' },
      durationMinutes: 2,
      coInterviewerIds: [oscar.user.id],
    });
    expect(res.statusCode).toBe(400);
    const invalid = problem(res);
    expect(invalid.issues?.map((e) => e.path).sort()).toEqual([
      'body.candidate.email',
      'body.candidate.name',
      'body.durationMinutes',
      'body.title',
    ]);
    // A co-interviewer from another org is refused with a message naming the field.
    const foreign = await call('POST', '/api/v1/interviews', ivy.headers, {
      orgId: org.id,
      title: 'x',
      candidate: { name: 'Casey', email: 'casey@example.test' },
      coInterviewerIds: [oscar.user.id],
    });
    expect(foreign.statusCode).toBe(400);
    expect(problem(foreign).issues?.map((i) => i.path)).toEqual(['body.coInterviewerIds']);
    // Viewers and other orgs' members cannot create interviews in org A.
    for (const who of [vera, oscar]) {
      const denied = await call('POST', '/api/v1/interviews', who.headers, {
        orgId: org.id,
        title: 'x',
        candidate: { name: 'Casey', email: 'casey@example.test' },
      });
      expect(denied.statusCode).toBe(403);
    }
  });

  it('walks the lifecycle; only the interview’s interviewers start, pause, resume and end; every step is stored', async () => {
    const interview = await createInterview(app, ivy, org.id, {
      coInterviewerIds: [ian.user.id],
      plannedStart: '2026-11-23T10:30:00Z',
    });
    const url = `/api/v1/interviews/${interview.id}/transitions`;
    // Scheduling books the panel at the planned start (ADR 0017).
    expect((await transition(app, rita, interview.id, 'schedule')).statusCode).toBe(200);
    // Recruiters, viewers and other orgs cannot start it.
    for (const who of [rita, vera, oscar])
      expect((await transition(app, who, interview.id, 'start')).statusCode).toBe(403);
    clock = new Date('2026-11-23T10:05:00Z');
    const started = InterviewSchema.parse((await transition(app, ian, interview.id, 'start')).json());
    expect(started.status).toBe('live');
    expect(started.startedAt).toBe('2026-11-23T10:05:00.000Z');
    expect(started.can.edit).toBe(false);
    expect(InterviewSchema.parse((await transition(app, ivy, interview.id, 'pause')).json()).status).toBe('paused');
    expect(InterviewSchema.parse((await transition(app, ivy, interview.id, 'resume')).json()).status).toBe('live');
    // A started interview cannot be edited or started again.
    const edit = await call('PATCH', `/api/v1/interviews/${interview.id}`, ivy.headers, { title: 'Renamed' });
    expect(edit.statusCode).toBe(409);
    expect(problem(edit).code).toBe('interview.locked');
    const again = await transition(app, ivy, interview.id, 'start');
    expect(again.statusCode).toBe(409);
    expect(problem(again).detail).toContain('live');
    clock = new Date('2026-11-23T11:00:00Z');
    const ended = InterviewSchema.parse((await transition(app, ivy, interview.id, 'end')).json());
    expect(ended.endedAt).toBe('2026-11-23T11:00:00.000Z');
    expect(ended.transitions.map((t) => `${t.from}→${t.to}:${t.actor.name}`)).toEqual([
      'null→draft:Ivy Interviewer',
      'draft→scheduled:Rita Recruiter',
      'scheduled→live:Ian Second',
      'live→paused:Ivy Interviewer',
      'paused→live:Ivy Interviewer',
      'live→ended:Ivy Interviewer',
    ]);
    const rows = await database.db
      .select()
      .from(interviewTransitions)
      .where(eq(interviewTransitions.interviewId, interview.id));
    expect(rows).toHaveLength(6);
    const audited = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, interview.id), eq(auditEvents.action, 'interview.end')));
    expect(audited).toHaveLength(1);
    // Cancel needs a state it can come from.
    expect((await call('POST', url, ivy.headers, { action: 'cancel', reason: 'x' })).statusCode).toBe(409);
  });

  it('concurrent starts: exactly one wins, the other gets a clear 409', async () => {
    const interview = await createInterview(app, ivy, org.id, { coInterviewerIds: [ian.user.id] });
    const results = await Promise.all([
      transition(app, ivy, interview.id, 'start'),
      transition(app, ian, interview.id, 'start'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('edits a draft: title, candidate, co-interviewers and questions', async () => {
    const interview = await createInterview(app, ivy, org.id);
    const res = await call('PATCH', `/api/v1/interviews/${interview.id}`, rita.headers, {
      title: 'Renamed',
      candidate: { name: 'Dana New', email: 'dana@example.test' },
      coInterviewerIds: [ian.user.id],
      questions: [],
      options: { anonymous: true, recordingAllowed: false, integritySignals: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    const updated = InterviewSchema.parse(res.json());
    expect(updated).toMatchObject({ title: 'Renamed', candidate: { name: 'Dana New' }, questions: [] });
    expect(updated.interviewers.map((p) => p.name)).toEqual(['Ivy Interviewer', 'Ian Second']);
    expect(updated.options).toEqual({ anonymous: true, recordingAllowed: false, integritySignals: true });
  });

  it('lists with filters, sort and pagination, only for members of the org', async () => {
    // Fresh accounts signed in after joining the org (a cached session would not know the membership yet).
    const [lena, leo] = await Promise.all([
      createUser(database.db, { name: 'Lena Lister' }),
      createUser(database.db, { name: 'Leo Second' }),
    ]);
    const listOrg = await createOrgWithMembers(database.db, { [lena.id]: 'owner', [leo.id]: 'interviewer' }, 'List Co');
    const lister: SignedIn = { user: lena, headers: await signIn(app, lena.email) };
    const mk = (title: string, plannedStart: string | null, email: string, co: string[] = []) =>
      createInterview(app, lister, listOrg.id, {
        title,
        plannedStart,
        candidate: { name: title, email },
        coInterviewerIds: co,
      });
    const a = await mk('Alpha', '2026-12-01T09:00:00Z', 'alpha@example.test', [leo.id]);
    await mk('Bravo', '2026-12-05T09:00:00Z', 'bravo@example.test');
    await mk('Charlie', null, 'charlie@example.test');
    await transition(app, lister, a.id, 'cancel');
    const list = async (query: string) => {
      const res = await call('GET', `/api/v1/interviews?orgId=${listOrg.id}&${query}`, lister.headers);
      expect(res.statusCode, res.body).toBe(200);
      return InterviewListSchema.parse(res.json());
    };
    expect((await list('')).items.map((i) => i.title)).toEqual(['Bravo', 'Alpha', 'Charlie']);
    expect((await list('sort=plannedStart&order=asc')).items.map((i) => i.title)).toEqual([
      'Alpha',
      'Bravo',
      'Charlie',
    ]);
    expect((await list('status=cancelled')).items.map((i) => i.title)).toEqual(['Alpha']);
    expect((await list(`interviewerId=${leo.id}`)).items.map((i) => i.title)).toEqual(['Alpha']);
    expect((await list('candidate=brav')).items.map((i) => i.title)).toEqual(['Bravo']);
    expect((await list('candidate=%25')).items).toEqual([]);
    expect((await list('from=2026-12-02T00:00:00Z&to=2026-12-31T00:00:00Z')).items.map((i) => i.title)).toEqual([
      'Bravo',
    ]);
    const page2 = await list('pageSize=2&page=2&sort=title&order=asc');
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((i) => i.title)).toEqual(['Charlie']);
    expect(page2.items[0]?.interviewerNames).toEqual(['Lena Lister']);
    expect((await call('GET', `/api/v1/interviews?orgId=${listOrg.id}`, oscar.headers)).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/interviews?orgId=${listOrg.id}&status=nope`, lister.headers)).statusCode).toBe(
      400,
    );
    expect(otherOrg.id).not.toBe(listOrg.id);
  });

  describe('invite links and the lobby', () => {
    it('e-mails the candidate link; a guest looks it up, joins with consent, and gets a room view without private parts', async () => {
      const interview = await createInterview(app, ivy, org.id, {
        candidate: { name: 'Casey Candidate', email: uniqueEmail('casey') },
        options: { anonymous: false, recordingAllowed: true, integritySignals: true },
      });
      const link = await createLink(app, ivy, interview.id, 'candidate', { sendEmail: true, expiresInHours: 48 });
      expect(link.url).toMatch(/^https:\/\/interviews\.example\.test\/join#[\w-]{43}$/);
      const [mail] = await database.db
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.to, interview.candidate.email))
        .orderBy(desc(emailOutbox.createdAt))
        .limit(1);
      expect(mail?.text).toContain(link.url);
      expect(mail?.subject).toContain('Acme Hiring');
      // Only the hash is stored.
      const [row] = await database.db.select().from(interviewLinks).where(eq(interviewLinks.id, link.id));
      expect(row?.tokenHash).not.toContain(link.token);
      expect(row?.emailedTo).toBe(interview.candidate.email);

      const lookup = await call('POST', '/api/v1/room-links/lookup', csrfHeaders(), { token: link.token });
      expect(lookup.statusCode, lookup.body).toBe(200);
      expect(LobbySchema.parse(lookup.json())).toMatchObject({
        interviewId: interview.id,
        orgName: 'Acme Hiring',
        role: 'candidate',
        status: 'draft',
        joined: false,
        suggestedName: 'Casey Candidate',
        options: { recordingAllowed: true, integritySignals: true },
      });
      // Consent is required when the interview records or collects signals.
      const noConsent = await call('POST', '/api/v1/room-links/join', csrfHeaders(), {
        token: link.token,
        displayName: 'Casey C.',
      });
      expect(noConsent.statusCode).toBe(400);
      expect(problem(noConsent).issues?.map((i) => i.path)).toEqual(['body.consent']);

      const guest = await joinAsGuest(app, link.token, 'Casey C.');
      const info = await call('GET', `/api/v1/interviews/${interview.id}/room`, guest);
      expect(info.statusCode, info.body).toBe(200);
      const room = RoomInfoSchema.parse(info.json());
      expect(room.me).toMatchObject({ role: 'candidate', label: 'Casey C.', canWrite: false, canControl: false });
      // Before the start the candidate sees no question at all (nor the interviewer's notes).
      expect(room.questions).toEqual([]);
      expect(info.body).not.toContain('Add two numbers.');
      expect(info.body).not.toContain('Expect O(n).');
      // The guest is bound to this interview only: no management routes, no other interview.
      expect((await call('GET', `/api/v1/interviews/${interview.id}`, guest)).statusCode).toBe(403);
      expect((await call('GET', `/api/v1/interviews/${interview.id}/links`, guest)).statusCode).toBe(403);
      const other = await createInterview(app, ivy, org.id);
      expect((await call('GET', `/api/v1/interviews/${other.id}/room`, guest)).statusCode).toBe(403);
      expect((await transition(app, { user: ivy.user, headers: guest }, interview.id, 'start')).statusCode).toBe(403);
      // Re-opening the link as the same guest shows "joined".
      expect(
        LobbySchema.parse((await call('POST', '/api/v1/room-links/lookup', guest, { token: link.token })).json())
          .joined,
      ).toBe(true);
      // Live: the candidate can write; the interviewer sees notes.
      await transition(app, ivy, interview.id, 'start');
      const live = RoomInfoSchema.parse((await call('GET', `/api/v1/interviews/${interview.id}/room`, guest)).json());
      expect(live.me.canWrite).toBe(true);
      const asInterviewer = RoomInfoSchema.parse(
        (await call('GET', `/api/v1/interviews/${interview.id}/room`, ivy.headers)).json(),
      );
      expect(asInterviewer.me).toMatchObject({ role: 'interviewer', canWrite: true, canControl: true });
      // An interviewer who joined through a link (no account) writes and reads notes, but does not run the lifecycle.
      const guestInterviewer = await joinAsGuest(
        app,
        (await createLink(app, ivy, interview.id, 'interviewer')).token,
        'Gil',
      );
      const asGuestInterviewer = RoomInfoSchema.parse(
        (await call('GET', `/api/v1/interviews/${interview.id}/room`, guestInterviewer)).json(),
      );
      expect(asGuestInterviewer.me).toMatchObject({ role: 'interviewer', canWrite: true, canControl: false });
      expect(asGuestInterviewer.questions[0]?.interviewerNotes).toBe('Expect O(n).');
      expect(asInterviewer.questions[0]?.interviewerNotes).toBe('Expect O(n).');
      expect(asInterviewer.participants.map((p) => `${p.role}:${p.label}`)).toEqual([
        'candidate:Casey C.',
        'interviewer:Ivy Interviewer',
      ]);
    });

    it('anonymous mode labels everyone by role in the room view', async () => {
      const interview = await createInterview(app, ivy, org.id, {
        coInterviewerIds: [ian.user.id],
        options: { anonymous: true, recordingAllowed: false, integritySignals: false },
      });
      const link = await createLink(app, ivy, interview.id, 'candidate');
      const guest = await joinAsGuest(app, link.token, 'Secret Name');
      const observerLink = await createLink(app, ivy, interview.id, 'observer');
      await joinAsGuest(app, observerLink.token, 'Olga Observer');
      const res = await call('GET', `/api/v1/interviews/${interview.id}/room`, guest);
      const room = RoomInfoSchema.parse(res.json());
      expect(room.me.label).toBe('Candidate');
      expect(room.participants.map((p) => p.label)).toEqual([
        'Candidate',
        'Interviewer 1',
        'Interviewer 2',
        'Observer 1',
      ]);
      for (const leaked of ['Secret Name', 'Ivy', 'Ian', 'Olga', ivy.user.email])
        expect(res.body).not.toContain(leaked);
    });

    it('expired, revoked, regenerated and used single-use links stop working', async () => {
      const interview = await createInterview(app, ivy, org.id);
      const lookup = (token: string, headers = csrfHeaders()) =>
        call('POST', '/api/v1/room-links/lookup', headers, { token });

      const expiring = await createLink(app, ivy, interview.id, 'observer', { expiresInHours: 1 });
      clock = new Date(clock.getTime() + 2 * 3600_000);
      const expired = await lookup(expiring.token);
      expect(expired.statusCode).toBe(410);
      expect(problem(expired).code).toBe('interview.link_inactive');
      expect(problem(expired).detail).toContain('expired');

      const first = await createLink(app, ivy, interview.id, 'interviewer');
      const second = await createLink(app, ivy, interview.id, 'interviewer');
      expect(problem(await lookup(first.token)).detail).toContain('withdrawn');
      expect((await lookup(second.token)).statusCode).toBe(200);
      const revoked = await call('POST', `/api/v1/interviews/${interview.id}/links/${second.id}/revoke`, rita.headers);
      expect(InterviewLinkSchema.parse(revoked.json()).active).toBe(false);
      expect((await lookup(second.token)).statusCode).toBe(410);

      const once = await createLink(app, ivy, interview.id, 'candidate', { singleUse: true });
      const joins = await Promise.all(
        [0, 1, 2].map((i) =>
          call('POST', '/api/v1/room-links/join', csrfHeaders(), {
            token: once.token,
            displayName: `Person ${i}`,
            consent: true,
          }),
        ),
      );
      expect(joins.map((r) => r.statusCode).sort()).toEqual([200, 410, 410]);
      expect((await lookup(once.token)).statusCode).toBe(410);

      const unknown = await lookup('A'.repeat(43));
      expect(unknown.statusCode).toBe(400);
      expect(problem(unknown).code).toBe('auth.token_invalid');
      const links = z
        .array(InterviewLinkSchema)
        .parse((await call('GET', `/api/v1/interviews/${interview.id}/links`, ivy.headers)).json());
      expect(links.filter((l) => l.active).map((l) => l.role)).toEqual([]);
      expect(links.every((l) => l.url === undefined)).toBe(true);
      // Only managers of the interview handle links.
      expect((await call('GET', `/api/v1/interviews/${interview.id}/links`, vera.headers)).statusCode).toBe(403);
      expect(
        (await call('POST', `/api/v1/interviews/${interview.id}/links`, oscar.headers, { role: 'candidate' }))
          .statusCode,
      ).toBe(403);
      const emailObserver = await call('POST', `/api/v1/interviews/${interview.id}/links`, ivy.headers, {
        role: 'observer',
        sendEmail: true,
      });
      expect(emailObserver.statusCode).toBe(400);
    });

    it('a signed-in candidate joins with their account and sees the interview in their history', async () => {
      const candidate = await signedInUser(app, database.db, { name: 'Cora Account' });
      const interview = await createInterview(app, ivy, org.id, {
        title: 'Cora’s interview',
        candidate: { name: 'Cora Account', email: candidate.user.email },
      });
      // Linked by verified e-mail at creation: in the history before joining.
      const before = z
        .array(MyInterviewSchema)
        .parse((await call('GET', '/api/v1/me/interviews', candidate.headers)).json());
      expect(before.map((i) => `${i.title}:${i.role}:${i.orgName}`)).toEqual([
        'Cora’s interview:candidate:Acme Hiring',
      ]);
      const link = await createLink(app, ivy, interview.id, 'candidate');
      const joined = await call('POST', '/api/v1/room-links/join', candidate.headers, {
        token: link.token,
        displayName: 'Ignored for accounts',
      });
      expect(joined.json()).toEqual({ interviewId: interview.id, role: 'candidate' });
      expect(joined.cookies.find((c) => c.name === 'isel_guest')).toBeUndefined();
      const room = RoomInfoSchema.parse(
        (await call('GET', `/api/v1/interviews/${interview.id}/room`, candidate.headers)).json(),
      );
      expect(room.me).toMatchObject({ role: 'candidate', label: 'Cora Account' });
      // The interviewer's history lists it too, as interviewer; strangers' is empty of it.
      const mine = z.array(MyInterviewSchema).parse((await call('GET', '/api/v1/me/interviews', ivy.headers)).json());
      expect(mine.find((i) => i.id === interview.id)?.role).toBe('interviewer');
      const stranger = z
        .array(MyInterviewSchema)
        .parse((await call('GET', '/api/v1/me/interviews', oscar.headers)).json());
      expect(stranger.find((i) => i.id === interview.id)).toBeUndefined();
    });

    it('ended and cancelled interviews take nobody new', async () => {
      const interview = await createInterview(app, ivy, org.id);
      const link = await createLink(app, ivy, interview.id, 'observer');
      await transition(app, ivy, interview.id, 'cancel');
      const res = await call('POST', '/api/v1/room-links/join', csrfHeaders(), {
        token: link.token,
        displayName: 'Late',
      });
      expect(res.statusCode).toBe(410);
      expect(
        (await call('POST', `/api/v1/interviews/${interview.id}/links`, ivy.headers, { role: 'observer' })).statusCode,
      ).toBe(409);
    });
  });
});
