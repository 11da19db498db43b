import { ScorecardSchema } from '@interviewselect/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/create-test-app.js';
import {
  completeDraft,
  interviewWithPanel,
  openScorecard,
  problemOf,
  saveScorecard,
  submitScorecard,
} from '../../../test/scorecards.js';
import { transition } from '../../../test/interviews.js';
import { createOrgWithMembers, signedInUser, testRedisDeps, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { auditEvents } from '../audit/audit.tables.js';
import type { OrgRow } from '../orgs/orgs.tables.js';
import { scorecardQuestionScores, scorecardRatings, scorecards } from './scorecards.tables.js';

describe('scorecards: drafting, autosave, submit and lock', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const redis = testRedisDeps();
  let org: OrgRow;
  let ivy: SignedIn; // interviewer, creates the interviews
  let ian: SignedIn; // co-interviewer

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database, {}, redis.deps);
    [ivy, ian] = await Promise.all([
      signedInUser(app, database.db, { name: 'Ivy Interviewer' }),
      signedInUser(app, database.db, { name: 'Ian Second' }),
    ]);
    org = await createOrgWithMembers(database.db, { [ivy.user.id]: 'interviewer', [ian.user.id]: 'interviewer' });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
    redis.close();
  });

  it('opens one scorecard per interviewer with the built-in default template (201, then 200)', async () => {
    const interview = await interviewWithPanel(app, ivy, org.id, [ian]);
    const first = await app.inject({
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/scorecards`,
      headers: ivy.headers,
      payload: {},
    });
    expect(first.statusCode, first.body).toBe(201);
    const card = ScorecardSchema.parse(first.json());
    expect(card).toMatchObject({
      status: 'draft',
      revision: 0,
      recommendation: null,
      can: { edit: true, submit: true },
    });
    expect(card.author).toEqual({ userId: ivy.user.id, name: 'Ivy Interviewer' });
    expect(card.template.competencies.map((c) => c.key)).toEqual([
      'problem_solving',
      'code_quality',
      'communication',
      'testing',
    ]);
    expect(card.template.competencies[0]?.levels.map((l) => l.score)).toEqual([1, 2, 3, 4]);
    expect(card.questions.map((q) => q.title)).toEqual(['Question 1', 'Question 2']);
    expect(card.ratings.every((r) => r.score === null)).toBe(true);

    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/scorecards`,
      headers: ivy.headers,
      payload: {},
    });
    expect(again.statusCode).toBe(200);
    expect(ScorecardSchema.parse(again.json()).id).toBe(card.id);
  });

  it('opens scorecards once the interview starts: not for drafts or cancelled interviews', async () => {
    const draft = await interviewWithPanel(app, ivy, org.id, [], { end: false });
    // interviewWithPanel started it; a fresh one stays a draft.
    const notStarted = await app.inject({
      method: 'POST',
      url: '/api/v1/interviews',
      headers: ivy.headers,
      payload: { orgId: org.id, title: 'Later', candidate: { name: 'Cee Dee', email: 'cd@example.test' } },
    });
    const notStartedId = notStarted.json<{ id: string }>().id;
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/interviews/${notStartedId}/scorecards`,
      headers: ivy.headers,
      payload: {},
    });
    expect(res.statusCode).toBe(409);
    expect(problemOf(res)).toMatchObject({
      code: 'scorecard.not_open',
      detail: 'Scorecards open when the interview starts.',
    });

    await transition(app, ivy, notStartedId, 'cancel');
    const cancelled = await app.inject({
      method: 'POST',
      url: `/api/v1/interviews/${notStartedId}/scorecards`,
      headers: ivy.headers,
      payload: {},
    });
    expect(problemOf(cancelled).code).toBe('scorecard.not_open');

    // Live: drafting is allowed, submitting waits for the end.
    const live = await openScorecard(app, ivy, draft.id);
    expect(live.can).toEqual({ edit: true, submit: false });
    const saved = await saveScorecard(app, ivy, live.id, completeDraft(live));
    expect(saved.statusCode, saved.body).toBe(200);
    const early = await submitScorecard(app, ivy, live.id, 1);
    expect(early.statusCode).toBe(409);
    expect(problemOf(early).code).toBe('scorecard.not_open');
  });

  it('autosaves with a revision: a save based on an old revision gets 409 scorecard.revision_conflict', async () => {
    const interview = await interviewWithPanel(app, ivy, org.id, []);
    const card = await openScorecard(app, ivy, interview.id);
    const tabOne = await saveScorecard(app, ivy, card.id, { revision: 0, strengths: 'From tab one' });
    expect(tabOne.statusCode, tabOne.body).toBe(200);
    expect(ScorecardSchema.parse(tabOne.json())).toMatchObject({ revision: 1, strengths: 'From tab one' });

    const tabTwo = await saveScorecard(app, ivy, card.id, { revision: 0, strengths: 'From tab two' });
    expect(tabTwo.statusCode).toBe(409);
    expect(problemOf(tabTwo)).toMatchObject({ code: 'scorecard.revision_conflict', status: 409 });
    expect(problemOf(tabTwo).detail).toContain('revision 1');

    const reread = await app.inject({ url: `/api/v1/scorecards/${card.id}`, headers: ivy.headers });
    expect(ScorecardSchema.parse(reread.json())).toMatchObject({ revision: 1, strengths: 'From tab one' });
  });

  it('validates a draft against the template and the interview: unknown competency, off-scale score, foreign question', async () => {
    const interview = await interviewWithPanel(app, ivy, org.id, []);
    const other = await interviewWithPanel(app, ivy, org.id, []);
    const card = await openScorecard(app, ivy, interview.id);
    const otherCard = await openScorecard(app, ivy, other.id);
    const res = await saveScorecard(app, ivy, card.id, {
      revision: 0,
      ratings: [
        { competencyKey: 'charisma', score: 3 },
        { competencyKey: 'testing', score: 7 },
      ],
      questions: [{ interviewQuestionId: otherCard.questions[0]?.interviewQuestionId ?? '' }],
    });
    expect(res.statusCode).toBe(400);
    expect(problemOf(res).issues).toEqual([
      { path: 'body.ratings.0.competencyKey', message: 'This competency is not on the template.' },
      { path: 'body.ratings.1.score', message: "Pick one of the scale's scores: 1, 2, 3, 4." },
      { path: 'body.questions.0.interviewQuestionId', message: 'This question was not asked in this interview.' },
    ]);

    const schema = await saveScorecard(app, ivy, card.id, {
      revision: -1,
      recommendation: 'maybe' as never,
      questions: [{ interviewQuestionId: card.questions[0]?.interviewQuestionId ?? '', score: 9 }],
    });
    expect(schema.statusCode).toBe(400);
    expect(problemOf(schema).code).toBe('request.validation_failed');
    expect(
      problemOf(schema)
        .issues?.map((i) => i.path)
        .sort(),
    ).toEqual(['body.questions.0.score', 'body.recommendation', 'body.revision']);
    const huge = await saveScorecard(app, ivy, card.id, { revision: 0, notes: 'x'.repeat(20_001) });
    expect(problemOf(huge).issues).toEqual([
      { path: 'body.notes', message: 'Notes may be at most 20,000 characters.' },
    ]);
  });

  it('refuses an incomplete submit with 422 naming each missing field', async () => {
    const interview = await interviewWithPanel(app, ivy, org.id, []);
    const card = await openScorecard(app, ivy, interview.id);
    await saveScorecard(app, ivy, card.id, { revision: 0, ratings: [{ competencyKey: 'problem_solving', score: 3 }] });
    const res = await submitScorecard(app, ivy, card.id, 1);
    expect(res.statusCode).toBe(422);
    expect(problemOf(res)).toMatchObject({ code: 'scorecard.incomplete' });
    expect(problemOf(res).issues).toEqual([
      { path: 'ratings.code_quality', message: 'Rate “Code quality”.' },
      { path: 'ratings.communication', message: 'Rate “Communication”.' },
      { path: 'ratings.testing', message: 'Rate “Testing”.' },
      { path: 'recommendation', message: 'Choose an overall recommendation.' },
    ]);
    const stale = await submitScorecard(app, ivy, card.id, 0);
    expect(problemOf(stale).code).toBe('scorecard.revision_conflict');
  });

  it('submits, locks (PUT and submit → 409 scorecard.locked), audits, and stores normalised rows', async () => {
    const interview = await interviewWithPanel(app, ivy, org.id, [ian]);
    const card = await openScorecard(app, ivy, interview.id);
    const saved = ScorecardSchema.parse((await saveScorecard(app, ivy, card.id, completeDraft(card, 3))).json());
    const res = await submitScorecard(app, ivy, card.id, saved.revision);
    expect(res.statusCode, res.body).toBe(200);
    const submitted = ScorecardSchema.parse(res.json());
    expect(submitted).toMatchObject({
      status: 'submitted',
      recommendation: 'hire',
      can: { edit: false, submit: false },
    });
    expect(submitted.submittedAt).not.toBeNull();

    const put = await saveScorecard(app, ivy, card.id, { revision: saved.revision, strengths: 'Changed my mind' });
    expect(put.statusCode).toBe(409);
    expect(problemOf(put)).toMatchObject({ code: 'scorecard.locked', title: 'Scorecard already submitted' });
    expect(problemOf(await submitScorecard(app, ivy, card.id, saved.revision)).code).toBe('scorecard.locked');
    // Someone else's scorecard is never theirs to change.
    const foreign = await saveScorecard(app, ian, card.id, { revision: saved.revision });
    expect(foreign.statusCode).toBe(403);

    const ratings = await database.db.select().from(scorecardRatings).where(eq(scorecardRatings.scorecardId, card.id));
    expect(ratings.map((r) => [r.competencyKey, r.score]).sort()).toEqual([
      ['code_quality', 3],
      ['communication', 3],
      ['problem_solving', 3],
      ['testing', 3],
    ]);
    const questions = await database.db
      .select()
      .from(scorecardQuestionScores)
      .where(eq(scorecardQuestionScores.scorecardId, card.id));
    expect(questions.map((q) => q.score)).toEqual([3, 3]);

    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'scorecard.submitted'), eq(auditEvents.targetId, card.id)));
    expect(event).toMatchObject({ actorUserId: ivy.user.id, orgId: org.id, targetType: 'scorecard' });

    // The lock holds in the database too, whatever code tries.
    await expect(
      database.db.update(scorecards).set({ strengths: 'tampered' }).where(eq(scorecards.id, card.id)),
    ).rejects.toThrow();
    await expect(
      database.db.execute(sql`update scorecard_ratings set score = 1 where scorecard_id = ${card.id}`),
    ).rejects.toThrow();
  });
});
