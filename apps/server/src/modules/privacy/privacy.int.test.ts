import { InterviewSchema, SessionStateSchema } from '@interviewselect/contracts';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfHeaders } from '../../../test/create-test-app.js';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../../../test/test-db.js';
import { queryRows } from '../../platform/db.js';
import { createOrgsRepo } from '../orgs/orgs.repo.js';
import { createInterview } from '../../../test/interviews.js';
import {
  completeDraft,
  fillAndSubmit,
  interviewWithPanel,
  openScorecard,
  saveScorecard,
} from '../../../test/scorecards.js';
import { createOrgWithMembers, signedInUser, TEST_PASSWORD } from '../../../test/sign-in.js';
import { hashPassword } from '../users/password.js';
import { createUsersRepo } from '../users/users.repo.js';

const PASSWORD = 'privacy matters a great deal';

describe('download my data / delete my account', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let redis: Redis | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    // On the PostgreSQL backend with the Redis session cache: erasure must evict cached sessions too.
    const redisUrl = testRedisUrl();
    redis = redisUrl ? new Redis(redisUrl) : undefined;
    app = await createTestApp(database, {}, redis ? { redis, redisPrefix: `isel:test:${randomUUID()}:` } : {});
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    redis?.disconnect();
    await database.close();
  });

  async function userWithSession(email: string) {
    const user = await createUsersRepo(database.db).insert({
      email,
      name: 'Pat Private',
      passwordHash: await hashPassword(PASSWORD),
      emailVerifiedAt: new Date(),
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: csrfHeaders(),
      payload: { email, password: PASSWORD },
    });
    const session = res.cookies.find((c) => c.name === 'isel_session');
    return { user, cookie: `${csrfHeaders().cookie}; isel_session=${session?.value}` };
  }

  it('exports the account as JSON without secrets', async () => {
    const { user, cookie } = await userWithSession('pat@example.com');
    const res = await app.inject({ method: 'GET', url: '/api/v1/me/export', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const body = res.json<{
      profile: { email: string; id: string };
      sessions: unknown[];
      activity: { action: string }[];
    }>();
    expect(body.profile).toMatchObject({ email: 'pat@example.com', id: user.id });
    expect(body.sessions).toHaveLength(1);
    expect(body.activity.map((a) => a.action)).toContain('auth.sign_in');
    expect(res.body).not.toMatch(/argon2|token_hash|tokenHash|passwordHash/);
  });

  it('refuses export to anonymous callers', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/export' })).statusCode).toBe(401);
  });

  it('erases personal data, ends sessions, keeps the row anonymised, and audits it', async () => {
    const { user, cookie } = await userWithSession('erase-me@example.com');
    // Read the session once so that a session cache holds it before the erasure.
    const before = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(SessionStateSchema.parse(before.json()).user?.id).toBe(user.id);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/me/delete',
      headers: { ...csrfHeaders(), cookie },
      payload: { password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);

    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/me/delete',
      headers: { ...csrfHeaders(), cookie },
      payload: { password: PASSWORD },
    });
    expect(res.statusCode).toBe(204);
    const [row] = await queryRows<{ email: string; name: string; password_hash: string | null }>(
      database.db,
      sql`select email, name, password_hash from users where id = ${user.id}`,
    );
    expect(row).toEqual({ email: `erased-${user.id}@erased.invalid`, name: 'Deleted user', password_hash: null });
    const state = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(SessionStateSchema.parse(state.json()).user).toBeNull();
    const audit = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_events where target_id = ${user.id}`,
    );
    expect(audit.map((a) => a.action)).toContain('privacy.erased');
  });

  it('refuses to erase the sole owner of an organisation', async () => {
    const { user, cookie } = await userWithSession('owner@example.com');
    const orgs = createOrgsRepo(database.db);
    const org = await orgs.insert({ name: 'Solo Ltd', slug: 'solo-ltd' });
    await orgs.addMember({ orgId: org.id, userId: user.id, role: 'owner' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/me/delete',
      headers: { ...csrfHeaders(), cookie },
      payload: { password: PASSWORD },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ detail: string }>().detail).toMatch(/only owner of 1 organisation/);
  });

  it('a candidate’s interviews are in the export, and erasure removes their name and address from them', async () => {
    const { user, cookie } = await userWithSession('candidate-erase@example.com');
    const interviewer = await signedInUser(app, database.db, { name: 'Ines Interviewer' });
    const org = await createOrgWithMembers(database.db, { [interviewer.user.id]: 'owner' }, 'Erasure Inc');
    const interview = await createInterview(app, interviewer, org.id, {
      title: 'Erasure interview',
      candidate: { name: 'Pat Private', email: user.email },
    });
    const exported = await app.inject({ method: 'GET', url: '/api/v1/me/export', headers: { cookie } });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json<{ interviews: { interviewId: string; role: string }[] }>().interviews).toEqual([
      expect.objectContaining({ interviewId: interview.id, role: 'candidate', displayName: 'Pat Private' }),
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/me/delete',
      headers: { ...csrfHeaders(), cookie },
      payload: { password: PASSWORD },
    });
    expect(res.statusCode).toBe(204);
    const after = await app.inject({
      method: 'GET',
      url: `/api/v1/interviews/${interview.id}`,
      headers: interviewer.headers,
    });
    const seen = InterviewSchema.parse(after.json());
    expect(seen.candidate.name).toBe('Deleted user');
    expect(after.body).not.toContain('Pat Private');
    expect(after.body).not.toContain(user.email);
  });

  it('an interviewer’s scorecards are in the export; erasure deletes their drafts and removes their identity from submitted ones, keeping the scores', async () => {
    const sam = await signedInUser(app, database.db, { name: 'Sam Scorer' });
    const ian = await signedInUser(app, database.db, { name: 'Ian Panel' });
    const owner = await signedInUser(app, database.db, { name: 'Olga Owner' });
    const org = await createOrgWithMembers(database.db, {
      [owner.user.id]: 'owner',
      [sam.user.id]: 'interviewer',
      [ian.user.id]: 'interviewer',
    });
    const done = await interviewWithPanel(app, sam, org.id, [ian]);
    const submitted = await fillAndSubmit(app, sam, done.id, 3, 'strong_hire');
    const drafting = await interviewWithPanel(app, sam, org.id, [ian], { end: false, questions: 1 });
    const opened = await openScorecard(app, sam, drafting.id);
    const saved = await saveScorecard(app, sam, opened.id, { ...completeDraft(opened, 2), notes: 'Half way.' });
    expect(saved.statusCode, saved.body).toBe(200);

    const exported = await app.inject({ method: 'GET', url: '/api/v1/me/export', headers: sam.headers });
    expect(exported.statusCode, exported.body).toBe(200);
    const { scorecards } = exported.json<{ scorecards: Record<string, unknown>[] }>();
    expect(scorecards).toEqual([
      expect.objectContaining({
        scorecardId: submitted.id,
        interviewId: done.id,
        interviewTitle: done.title,
        template: { versionId: submitted.template.id, name: submitted.template.name, version: 1 },
        status: 'submitted',
        recommendation: 'strong_hire',
        notes: 'Overall solid.',
        submittedAt: submitted.submittedAt,
        ratings: submitted.template.competencies
          .map((c) => ({
            competencyKey: c.key,
            score: 3,
            notes: `${c.label} notes`,
          }))
          .sort((a, b) => a.competencyKey.localeCompare(b.competencyKey)),
        questionScores: [
          expect.objectContaining({ title: 'Question 1', score: 3, response: 'Did it.' }),
          expect.objectContaining({ title: 'Question 2', score: 3, response: 'Did it.' }),
        ],
      }),
      expect.objectContaining({
        scorecardId: opened.id,
        interviewId: drafting.id,
        status: 'draft',
        notes: 'Half way.',
        submittedAt: null,
        questionScores: [expect.objectContaining({ title: 'Question 1', score: 3 })],
      }),
    ]);

    const before = await scorecardRows(submitted.id, opened.id);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/me/delete',
      headers: sam.headers,
      payload: { password: TEST_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(204);
    const after = await scorecardRows(submitted.id, opened.id);
    expect(after.cards).toEqual(
      before.cards
        .filter((c) => c.id === submitted.id)
        .map((c) => ({ ...c, author_user_id: null, author_name: 'Deleted user' })),
    );
    expect(after.ratings).toEqual(before.ratings.filter((r) => r.scorecard_id === submitted.id));
    expect(before.ratings.some((r) => r.scorecard_id === opened.id)).toBe(true);
    expect(before.ratings.filter((r) => r.scorecard_id === submitted.id).every((r) => r.score === 3)).toBe(true);
    expect(JSON.stringify(after.cards)).not.toContain('Sam Scorer');
    expect(JSON.stringify(after.cards)).not.toContain(sam.user.id);
  });

  async function scorecardRows(...ids: string[]) {
    const list = sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    );
    const cards = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select id, author_user_id, author_name, status, recommendation, notes, revision, submitted_at
          from scorecards where id in (${list}) order by created_at`,
    );
    const ratings = await queryRows<{ scorecard_id: string; competency_key: string; score: number | null }>(
      database.db,
      sql`select scorecard_id, competency_key, score from scorecard_ratings
          where scorecard_id in (${list}) order by scorecard_id, competency_key`,
    );
    return { cards, ratings };
  }
});
