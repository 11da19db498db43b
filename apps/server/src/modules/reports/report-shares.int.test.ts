import {
  CandidateFeedbackSchema,
  InterviewReleaseSchema,
  ProblemSchema,
  ReplayLogSchema,
  ReportShareCreatedSchema,
  ReportShareListSchema,
  ReportShareSchema,
  SharedReportSchema,
  type Interview,
} from '@interviewselect/contracts';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfHeaders } from '../../../test/create-test-app.js';
import { createInterview, transition } from '../../../test/interviews.js';
import { fillAndSubmit } from '../../../test/scorecards.js';
import { createOrgWithMembers, signedInUser, testRedisDeps, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { auditEvents } from '../audit/audit.tables.js';
import { interviews } from '../interviews/interviews.tables.js';
import { reportShares } from './reports.tables.js';

/** Share links (expiry, revocation, every opening audited) and feedback released to the candidate. */
describe('report share links and candidate releases', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const redis = testRedisDeps();
  let amy: SignedIn; // interviewer
  let rita: SignedIn; // recruiter of the org
  let outsider: SignedIn;
  let casey: SignedIn; // the candidate, with an account
  let orgId: string;
  let interview: Interview;

  const openShared = (token: string, format: 'json' | 'pdf' = 'json') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/shared-reports/open',
      headers: csrfHeaders(),
      payload: { token, format },
    });
  const share = async (who: SignedIn, body: Record<string, unknown> = { label: 'Hiring manager' }) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/report/shares`,
      headers: who.headers,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = ReportShareCreatedSchema.parse(res.json());
    return { ...created, token: created.url.split('#')[1] ?? '' };
  };
  const audits = (shareId: string) =>
    database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, 'report_share'), eq(auditEvents.targetId, shareId)));

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database, {}, redis.deps);
    const sign = (name: string) => signedInUser(app, database.db, { name });
    [amy, rita, outsider, casey] = await Promise.all([
      sign('Amy Asker'),
      sign('Rita Recruiter'),
      sign('Otto Outsider'),
      sign('Casey Candidate'),
    ]);
    orgId = (await createOrgWithMembers(database.db, { [amy.user.id]: 'interviewer', [rita.user.id]: 'recruiter' })).id;
    await createOrgWithMembers(database.db, { [outsider.user.id]: 'admin' });
    interview = await createInterview(app, amy, orgId, {
      title: 'Shared pairing',
      candidate: { name: casey.user.name, email: casey.user.email },
    });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
    redis.close();
  });

  it('refuses to release feedback before the interview has ended', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/interviews/${interview.id}/release`,
      headers: amy.headers,
      payload: { feedback: 'Too early', includeCode: true },
    });
    expect(res.statusCode).toBe(409);
    expect(ProblemSchema.parse(res.json()).code).toBe('report.not_releasable');
  });

  it('a share link opens the report frozen as shared, for anyone holding it, and audits each opening', async () => {
    expect((await transition(app, amy, interview.id, 'start')).statusCode).toBe(200);
    expect((await transition(app, amy, interview.id, 'end')).statusCode).toBe(200);
    await fillAndSubmit(app, amy, interview.id, 4, 'strong_hire');

    const created = await share(amy, { label: 'Hiring manager, Payments', expiresInDays: 7, includeReplay: true });
    expect(created).toMatchObject({
      label: 'Hiring manager, Payments',
      state: 'active',
      includeReplay: true,
      openCount: 0,
    });
    expect(created.token.length).toBeGreaterThanOrEqual(43);
    // Only the hash is stored.
    const [row] = await database.db.select().from(reportShares).where(eq(reportShares.id, created.id));
    expect(row?.tokenHash).not.toContain(created.token);

    const res = await openShared(created.token);
    expect(res.statusCode, res.body).toBe(200);
    const shared = SharedReportSchema.parse(res.json());
    expect(shared.report.interview.title).toBe('Shared pairing');
    expect(shared.report.decision?.recommendation).toBe('strong_hire');
    expect(shared.sharedBy).toBe('Amy Asker');

    // Frozen: a later change to the interview does not reach the shared copy.
    await database.db.update(interviews).set({ title: 'Renamed later' }).where(eq(interviews.id, interview.id));
    expect(
      (await app.inject({ url: `/api/v1/interviews/${interview.id}/report`, headers: amy.headers })).json(),
    ).toMatchObject({ interview: { title: 'Renamed later' } });
    expect(SharedReportSchema.parse((await openShared(created.token)).json()).report.interview.title).toBe(
      'Shared pairing',
    );

    // The link includes the replay: the public document's log, without the interviewers' notes.
    const replay = await app.inject({
      method: 'POST',
      url: '/api/v1/shared-reports/replay',
      headers: csrfHeaders(),
      payload: { token: created.token },
    });
    expect(replay.statusCode, replay.body).toBe(200);
    expect(ReplayLogSchema.parse(replay.json())).toMatchObject({ interviewId: interview.id, notes: [] });

    const pdf = await openShared(created.token, 'pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true });
    expect(text).toContain('Consolidated decision: Strong hire');

    const list = ReportShareListSchema.parse(
      (await app.inject({ url: `/api/v1/interviews/${interview.id}/report/shares`, headers: rita.headers })).json(),
    );
    expect(list.shares).toMatchObject([{ id: created.id, openCount: 3, createdBy: 'Amy Asker', state: 'active' }]);
    const events = await audits(created.id);
    expect(events.map((e) => e.action).sort()).toEqual([
      'report.share_created',
      'report.share_opened',
      'report.share_opened',
      'report.share_opened',
      'report.share_opened',
    ]);
    expect(events.find((e) => e.action === 'report.share_opened')).toMatchObject({ orgId, actorUserId: null });
  }, 90_000);

  it('a revoked link stops at once; an expired one too; both refusals are audited; unknown tokens are 404', async () => {
    const revoked = await share(rita, { label: 'Recruiter friend' });
    expect((await openShared(revoked.token)).statusCode).toBe(200);
    const replayOf = (token: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/shared-reports/replay',
        headers: csrfHeaders(),
        payload: { token },
      });
    // This link shares the report only.
    expect((await replayOf(revoked.token)).statusCode).toBe(403);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/report-shares/${revoked.id}/revoke`,
      headers: amy.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(ReportShareSchema.parse(res.json()).state).toBe('revoked');
    const refused = await openShared(revoked.token);
    expect(refused.statusCode).toBe(410);
    expect(ProblemSchema.parse(refused.json())).toMatchObject({ code: 'report.share_inactive' });
    expect(ProblemSchema.parse(refused.json()).detail).toContain('revoked');
    expect((await replayOf(revoked.token)).statusCode).toBe(410);

    const expiring = await share(amy, { label: 'Short-lived', expiresInDays: 1 });
    // A day passes: the stored expiry is now in the past.
    await database.db
      .update(reportShares)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(reportShares.id, expiring.id));
    const expired = await openShared(expiring.token);
    expect(expired.statusCode).toBe(410);
    expect(ProblemSchema.parse(expired.json()).detail).toContain('expired');

    expect((await audits(revoked.id)).map((e) => e.action)).toContain('report.share_refused');
    expect((await audits(expiring.id)).map((e) => e.action)).toContain('report.share_refused');
    expect((await openShared('x'.repeat(43))).statusCode).toBe(404);
  });

  it('only the hiring team makes, lists and revokes links; bad input is a clear 400', async () => {
    const made = await share(amy);
    for (const who of [outsider, casey]) {
      expect(
        (
          await app.inject({
            method: 'POST',
            url: `/api/v1/interviews/${interview.id}/report/shares`,
            headers: who.headers,
            payload: { label: 'x' },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (await app.inject({ url: `/api/v1/interviews/${interview.id}/report/shares`, headers: who.headers }))
          .statusCode,
      ).toBe(403);
      expect(
        (await app.inject({ method: 'POST', url: `/api/v1/report-shares/${made.id}/revoke`, headers: who.headers }))
          .statusCode,
      ).toBe(403);
    }
    const bad = await app.inject({
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/report/shares`,
      headers: amy.headers,
      payload: { label: '', expiresInDays: 365 },
    });
    expect(bad.statusCode).toBe(400);
    expect(ProblemSchema.parse(bad.json()).code).toBe('request.validation_failed');
  });

  it('releases feedback (and the code) to the candidate, who sees exactly that in their history', async () => {
    const before = CandidateFeedbackSchema.parse(
      (await app.inject({ url: `/api/v1/me/interviews/${interview.id}/feedback`, headers: casey.headers })).json(),
    );
    expect(before).toMatchObject({ released: false, feedback: '', code: null, solutions: null });

    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/interviews/${interview.id}/release`,
      headers: rita.headers,
      payload: { feedback: 'Clear reasoning; add tests next time.', includeCode: true, includeSolution: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(InterviewReleaseSchema.parse(res.json())).toMatchObject({ includeCode: true, releasedBy: 'Rita Recruiter' });

    const mine = await app.inject({ url: `/api/v1/me/interviews/${interview.id}/feedback`, headers: casey.headers });
    expect(mine.statusCode).toBe(200);
    const feedback = CandidateFeedbackSchema.parse(mine.json());
    expect(feedback).toMatchObject({
      released: true,
      feedback: 'Clear reasoning; add tests next time.',
      code: [],
      solutions: null,
    });
    // Nothing of the scorecards crosses over.
    expect(mine.body).not.toContain('strong_hire');

    // Not the candidate: not found, whoever they are.
    expect(
      (await app.inject({ url: `/api/v1/me/interviews/${interview.id}/feedback`, headers: outsider.headers }))
        .statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ url: `/api/v1/me/interviews/${interview.id}/feedback`, headers: amy.headers })).statusCode,
    ).toBe(404);
    // The candidate cannot release anything to themselves.
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: `/api/v1/interviews/${interview.id}/release`,
          headers: casey.headers,
          payload: { feedback: 'Great!' },
        })
      ).statusCode,
    ).toBe(403);

    // Solutions asked for, but no question came from the bank: an empty list, not an error.
    await app.inject({
      method: 'PUT',
      url: `/api/v1/interviews/${interview.id}/release`,
      headers: amy.headers,
      payload: { feedback: 'Updated.', includeCode: false, includeSolution: true },
    });
    expect(
      CandidateFeedbackSchema.parse(
        (await app.inject({ url: `/api/v1/me/interviews/${interview.id}/feedback`, headers: casey.headers })).json(),
      ),
    ).toMatchObject({ feedback: 'Updated.', code: null, solutions: [] });

    const withdrawn = await app.inject({
      method: 'DELETE',
      url: `/api/v1/interviews/${interview.id}/release`,
      headers: amy.headers,
    });
    expect(withdrawn.statusCode).toBe(204);
    const after = CandidateFeedbackSchema.parse(
      (await app.inject({ url: `/api/v1/me/interviews/${interview.id}/feedback`, headers: casey.headers })).json(),
    );
    expect(after.released).toBe(false);
  });
});
