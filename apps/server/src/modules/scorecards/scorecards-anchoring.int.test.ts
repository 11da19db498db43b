import { InterviewScorecardsSchema, ScorecardSchema, type InterviewScorecards } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfHeaders } from '../../../test/create-test-app.js';
import { createLink, joinAsGuest } from '../../../test/interviews.js';
import {
  completeDraft,
  fillAndSubmit,
  interviewWithPanel,
  openScorecard,
  problemOf,
  saveScorecard,
} from '../../../test/scorecards.js';
import { createOrgWithMembers, signedInUser, testRedisDeps, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import type { OrgRow } from '../orgs/orgs.tables.js';

describe('scorecards: the anchoring rule (ADR 0010), the consolidated view, who else may read', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const redis = testRedisDeps();
  let org: OrgRow;
  let amy: SignedIn; // interviewer A (creates the interviews)
  let ben: SignedIn; // interviewer B
  let cat: SignedIn; // interviewer C, an admin of the org who sits on the panel
  let rita: SignedIn; // recruiter, not on the panel
  let olga: SignedIn; // owner, not on the panel
  let ivan: SignedIn; // interviewer of the org, not on the panel
  let vera: SignedIn; // viewer
  let oscar: SignedIn; // admin of another org
  let casey: SignedIn; // the candidate, with an account

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database, {}, redis.deps);
    const sign = (name: string) => signedInUser(app, database.db, { name });
    [amy, ben, cat, rita, olga, ivan, vera, oscar, casey] = await Promise.all([
      sign('Amy A'),
      sign('Ben B'),
      sign('Cat C'),
      sign('Rita Recruiter'),
      sign('Olga Owner'),
      sign('Ivan Idle'),
      sign('Vera Viewer'),
      sign('Oscar Other'),
      sign('Casey Candidate'),
    ]);
    org = await createOrgWithMembers(database.db, {
      [amy.user.id]: 'interviewer',
      [ben.user.id]: 'interviewer',
      [cat.user.id]: 'admin',
      [rita.user.id]: 'recruiter',
      [olga.user.id]: 'owner',
      [ivan.user.id]: 'interviewer',
      [vera.user.id]: 'viewer',
    });
    await createOrgWithMembers(database.db, { [oscar.user.id]: 'admin' });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
    redis.close();
  });

  const overview = async (who: { headers: Record<string, string> }, interviewId: string) => {
    const res = await app.inject({ url: `/api/v1/interviews/${interviewId}/scorecards`, headers: who.headers });
    expect(res.statusCode, res.body).toBe(200);
    return InterviewScorecardsSchema.parse(res.json());
  };
  const getCard = (who: { headers: Record<string, string> }, id: string) =>
    app.inject({ url: `/api/v1/scorecards/${id}`, headers: who.headers });

  it('hides every other scorecard from an interviewer until they submit; then shows the submitted ones', async () => {
    const interview = await interviewWithPanel(app, amy, org.id, [ben, cat]);
    const amyDraft = await openScorecard(app, amy, interview.id);
    await saveScorecard(app, amy, amyDraft.id, { revision: 0, strengths: 'AMY-SECRET-DRAFT' });
    const bens = await fillAndSubmit(app, ben, interview.id, 2, 'no_hire');

    // A has a draft: B's submitted scorecard is out of reach, by id and in the overview.
    const blocked = await getCard(amy, bens.id);
    expect(blocked.statusCode).toBe(403);
    expect(problemOf(blocked).code).toBe('scorecard.submit_own_first');
    const amyView = await overview(amy, interview.id);
    expect(amyView).toMatchObject({
      access: 'submit_own_first',
      scorecards: [],
      summary: null,
      complete: false,
      progress: { submitted: 1, expected: 3 },
      me: { onPanel: true, scorecardId: amyDraft.id, status: 'draft', canOpen: true },
    });
    expect(JSON.stringify(amyView)).not.toContain('Few tests.');
    expect(amyView.panel.map((p) => [p.name, p.status, p.isMe])).toEqual([
      ['Amy A', 'pending', true],
      ['Ben B', 'submitted', false],
      ['Cat C', 'pending', false],
    ]);

    // B has submitted, yet A's draft stays A's alone (404: a draft is not disclosed), in the overview too.
    expect((await getCard(ben, amyDraft.id)).statusCode).toBe(404);
    const benView = await overview(ben, interview.id);
    expect(benView.access).toBe('full');
    expect(benView.scorecards.map((s) => s.author.name)).toEqual(['Ben B']);
    expect(JSON.stringify(benView)).not.toContain('AMY-SECRET-DRAFT');

    // C is an org admin but sits on the panel: the anchoring rule applies to C like to anyone on it.
    expect(problemOf(await getCard(cat, bens.id)).code).toBe('scorecard.submit_own_first');
    expect((await overview(cat, interview.id)).scorecards).toEqual([]);

    // A submits: B's scorecard opens up.
    const amys = await fillAndSubmit(app, amy, interview.id, 4, 'strong_hire');
    const now = await getCard(amy, bens.id);
    expect(now.statusCode, now.body).toBe(200);
    expect(ScorecardSchema.parse(now.json())).toMatchObject({
      status: 'submitted',
      weaknesses: 'Few tests.',
      can: { edit: false },
    });
    const after = await overview(amy, interview.id);
    expect(after).toMatchObject({
      access: 'full',
      complete: false,
      summary: null,
      progress: { submitted: 2, expected: 3 },
    });
    expect(after.scorecards.map((s) => s.id).sort()).toEqual([amys.id, bens.id].sort());
  });

  it('shows the consolidated view only when the whole panel has submitted', async () => {
    const interview = await interviewWithPanel(app, amy, org.id, [ben, cat]);
    await fillAndSubmit(app, amy, interview.id, 4, 'strong_hire');
    await fillAndSubmit(app, ben, interview.id, 2, 'no_hire');
    expect((await overview(amy, interview.id)).summary).toBeNull();
    await fillAndSubmit(app, cat, interview.id, 3, 'hire');

    const view: InterviewScorecards = await overview(amy, interview.id);
    expect(view).toMatchObject({ complete: true, progress: { submitted: 3, expected: 3 } });
    expect(view.summary?.recommendations).toEqual({ strong_no_hire: 0, no_hire: 1, hire: 1, strong_hire: 1 });
    const solving = view.summary?.competencies.find((c) => c.key === 'problem_solving');
    expect(solving).toMatchObject({ label: 'Problem solving', maxScore: 4, average: 3 });
    expect(solving?.scores.map((s) => [s.name, s.score])).toEqual([
      ['Amy A', 4],
      ['Ben B', 2],
      ['Cat C', 3],
    ]);
    expect(view.scorecards.map((s) => s.notes)).toEqual(['Overall solid.', 'Overall solid.', 'Overall solid.']);
  });

  it('lets owners, admins and recruiters off the panel read submitted scorecards, never drafts', async () => {
    const interview = await interviewWithPanel(app, amy, org.id, [ben], { candidate: casey });
    const amyDraft = await openScorecard(app, amy, interview.id);
    await saveScorecard(app, amy, amyDraft.id, completeDraft(amyDraft));
    const bens = await fillAndSubmit(app, ben, interview.id);

    for (const reader of [rita, olga]) {
      expect((await getCard(reader, bens.id)).statusCode).toBe(200);
      expect((await getCard(reader, amyDraft.id)).statusCode).toBe(404);
      const view = await overview(reader, interview.id);
      expect(view).toMatchObject({ access: 'full', me: { onPanel: false, scorecardId: null, canOpen: false } });
      expect(view.scorecards.map((s) => s.id)).toEqual([bens.id]);
      // Not on the panel: nothing to fill in.
      const open = await app.inject({
        method: 'POST',
        url: `/api/v1/interviews/${interview.id}/scorecards`,
        headers: reader.headers,
        payload: {},
      });
      expect(open.statusCode).toBe(403);
    }

    // Interviewers off the panel, viewers, other orgs and the candidate: nothing.
    for (const outsider of [ivan, vera, oscar, casey]) {
      expect((await getCard(outsider, bens.id)).statusCode).toBe(403);
      const res = await app.inject({ url: `/api/v1/interviews/${interview.id}/scorecards`, headers: outsider.headers });
      expect(res.statusCode).toBe(403);
    }
  });

  it('keeps candidates and guests away: a candidate account in the room, a guest candidate, a guest interviewer', async () => {
    const interview = await interviewWithPanel(app, amy, org.id, [], { end: false, candidate: casey });
    const room = await app.inject({ url: `/api/v1/interviews/${interview.id}/room`, headers: casey.headers });
    expect(room.json()).toMatchObject({ me: { role: 'candidate' } });
    const amys = await openScorecard(app, amy, interview.id);
    const candidateGuest = await joinAsGuest(
      app,
      (await createLink(app, amy, interview.id, 'candidate')).token,
      'Guest Cand',
    );
    const interviewerGuest = await joinAsGuest(
      app,
      (await createLink(app, amy, interview.id, 'interviewer')).token,
      'Guest Int',
    );

    for (const headers of [candidateGuest, interviewerGuest]) {
      const attempts = await Promise.all([
        app.inject({ url: `/api/v1/interviews/${interview.id}/scorecards`, headers }),
        app.inject({ method: 'POST', url: `/api/v1/interviews/${interview.id}/scorecards`, headers, payload: {} }),
        app.inject({ url: `/api/v1/scorecards/${amys.id}`, headers }),
        app.inject({ method: 'PUT', url: `/api/v1/scorecards/${amys.id}`, headers, payload: { revision: 0 } }),
        app.inject({ method: 'POST', url: `/api/v1/scorecards/${amys.id}/submit`, headers, payload: { revision: 0 } }),
        app.inject({ url: `/api/v1/orgs/${org.id}/scorecard-templates`, headers }),
      ]);
      expect(attempts.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
    }
    const anonymous = await app.inject({ url: `/api/v1/scorecards/${amys.id}`, headers: csrfHeaders() });
    expect(anonymous.statusCode).toBe(401);

    const attacks = await Promise.all([
      app.inject({
        method: 'PUT',
        url: `/api/v1/scorecards/${amys.id}`,
        headers: casey.headers,
        payload: { revision: 0 },
      }),
      app.inject({
        method: 'POST',
        url: `/api/v1/interviews/${interview.id}/scorecards`,
        headers: casey.headers,
        payload: {},
      }),
      app.inject({ url: `/api/v1/scorecards/${amys.id}`, headers: casey.headers }),
    ]);
    expect(attacks.map((r) => r.statusCode)).toEqual([403, 403, 403]);
    const missing = await app.inject({
      url: '/api/v1/scorecards/00000000-0000-7000-8000-000000000000',
      headers: amy.headers,
    });
    expect(missing.statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/scorecards/not-a-uuid', headers: amy.headers })).statusCode).toBe(400);
  });
});
