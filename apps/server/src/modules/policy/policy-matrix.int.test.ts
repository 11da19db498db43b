/**
 * The authorisation matrix: for EVERY route in the OpenAPI document, the
 * expected outcome per kind of caller. A route missing from MATRIX fails the
 * coverage test by name, so a new endpoint cannot ship without deciding who
 * may call it. Each cell runs with a fresh caller (user, memberships and
 * session written straight to the database) and fresh targets, so routes with
 * side effects (leave, erase account, suspend) cannot disturb other cells.
 * The rows live one file per domain in ./policy-matrix/ (`*.rows.ts`).
 *
 * "allow" means the status is neither 401 nor 403 (a 400/404/409 is fine);
 * "deny" means 401 or 403.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { z } from 'zod';
import { createTestApp, csrfHeaders } from '../../../test/create-test-app.js';
import { completeDraft, openScorecard, saveScorecard, submitScorecard } from '../../../test/scorecards.js';
import { mintSession, testRedisDeps, TEST_PASSWORD, uniqueEmail } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createGuestSessions } from '../auth/guest-sessions.js';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.js';
import { createInterviewsRepo, type InterviewsRepo } from '../interviews/interviews.repo.js';
import { createOrgsRepo, type OrgsRepo } from '../orgs/orgs.repo.js';
import { createQuestionsRepo } from '../questions/questions.repo.js';
import { hashPassword } from '../users/password.js';
import { createUsersRepo, type UsersRepo } from '../users/users.repo.js';
import { MATRIX } from './policy-matrix/index.js';
import {
  allowOnly,
  KINDS,
  matrixProblem,
  MEMBERSHIP,
  SIGNED_IN,
  type Caller,
  type Expected,
  type Fixtures,
  type Kind,
  type Method,
} from './policy-matrix/matrix.js';

let app: FastifyInstance;

/** The HTTP status a WebSocket upgrade gets from this app's own origin (101 when accepted). */
function upgradeStatus(port: number, path: string, cookie = ''): Promise<number> {
  return new Promise<number>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, {
      headers: { origin: `http://127.0.0.1:${port}`, cookie },
    });
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    ws.on('open', () => {
      ws.terminate();
      resolve(101);
    });
    ws.on('error', () => undefined);
  });
}

describe('authorisation matrix', () => {
  let database: TestDatabase;
  const redis = testRedisDeps();
  let users: UsersRepo;
  let orgs: OrgsRepo;
  let interviews: InterviewsRepo;
  let ownerId = '';
  let passwordHash: string;
  let routes: string[];
  const orgIds = { A: '', B: '' };
  let fx: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database, {}, redis.deps);
    users = createUsersRepo(database.db);
    orgs = createOrgsRepo(database.db);
    // One argon2 hash shared by every caller: thousands of cells, one hashing cost.
    passwordHash = await hashPassword(TEST_PASSWORD);
    interviews = createInterviewsRepo(database.db);
    const questions = createQuestionsRepo(database.db);
    const owner = await newUser('owner');
    ownerId = owner.id;
    for (const key of ['A', 'B'] as const) {
      const org = await orgs.insert({ name: `Org ${key}`, slug: `matrix-org-${key.toLowerCase()}` });
      await orgs.addMember({ orgId: org.id, userId: owner.id, role: 'owner' });
      orgIds[key] = org.id;
    }
    const asOwner = { user: owner, headers: await mintSession(database.db, owner.id) };
    const endInterview = async (interviewId: string) => {
      await interviews.transition({
        id: interviewId,
        from: ['draft', 'scheduled', 'live', 'paused'],
        to: 'ended',
        actor: { userId: owner.id, name: owner.name },
        reason: null,
        at: new Date(),
      });
    };
    fx = {
      app,
      orgA: orgIds.A,
      knownEmail: owner.email,
      endInterview,
      async ownerScorecard(interviewId, submitted) {
        await endInterview(interviewId);
        const card = await openScorecard(app, asOwner, interviewId);
        if (submitted) {
          const saved = await saveScorecard(app, asOwner, card.id, completeDraft(card));
          await submitScorecard(app, asOwner, card.id, z.object({ revision: z.number() }).parse(saved.json()).revision);
        }
        return card.id;
      },
      async ownerShare(interviewId) {
        const res = await app.inject({
          method: 'POST',
          url: `/api/v1/interviews/${interviewId}/report/shares`,
          headers: asOwner.headers,
          payload: { label: 'Matrix share' },
        });
        return z.object({ id: z.uuid() }).parse(res.json()).id;
      },
      async freshTemplateOfA(archived = false) {
        const res = await app.inject({
          method: 'POST',
          url: `/api/v1/orgs/${orgIds.A}/scorecard-templates`,
          headers: asOwner.headers,
          payload: {
            name: 'Matrix fixture template',
            competencies: [
              { key: 'fixture', label: 'Fixture', levels: [1, 2].map((score) => ({ score, label: `L${score}` })) },
            ],
          },
        });
        const { id } = z.object({ id: z.uuid() }).parse(res.json());
        if (archived)
          await app.inject({
            method: 'POST',
            url: `/api/v1/scorecard-templates/${id}/archive`,
            headers: asOwner.headers,
          });
        return id;
      },
      async freshMemberOfA() {
        const user = await newUser('member');
        await orgs.addMember({ orgId: orgIds.A, userId: user.id, role: 'viewer' });
        return user.id;
      },
      async freshInvitation(email = uniqueEmail('invited')) {
        const token = newSecretToken();
        const now = new Date();
        const row = await orgs.replaceInvitation(
          {
            orgId: orgIds.A,
            email,
            role: 'viewer',
            tokenHash: hashSecretToken(token),
            invitedBy: owner.id,
            expiresAt: new Date(now.getTime() + 3600_000),
          },
          now,
        );
        return { id: row.id, token };
      },
      freshUser: async () => (await newUser('target')).id,
      async freshProblemOfA() {
        const problemId = await questions.createProblem({
          orgId: orgIds.A,
          pkg: matrixProblem(`m-${randomUUID()}`),
          createdBy: ownerId,
          published: false,
          now: new Date(),
        });
        const problem = await questions.findProblem(problemId);
        return { problemId, versionId: problem?.draftVersionId ?? '' };
      },
      publicProblemId: await questions.createProblem({
        orgId: null,
        pkg: matrixProblem(`matrix-public-${randomUUID()}`),
        createdBy: null,
        published: true,
        now: new Date(),
      }),
      async freshRoomLink(role = 'candidate') {
        const token = newSecretToken();
        await interviews.replaceLink(
          {
            interviewId: await newInterview(),
            role,
            tokenHash: hashSecretToken(token),
            expiresAt: new Date(Date.now() + 3600_000),
          },
          new Date(),
        );
        return token;
      },
    };
    const doc = z
      .object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) })
      .parse((await app.inject({ url: '/api/openapi.json' })).json());
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
  });

  afterAll(async () => {
    await app.close();
    await database.close();
    redis.close();
  });

  /** An interview of org A (created by its owner), with `interviewerId` as an interviewer when given. */
  async function newInterview(interviewerId?: string): Promise<string> {
    return interviews.createInterview({
      interview: {
        orgId: orgIds.A,
        title: 'Matrix interview',
        durationMinutes: 60,
        defaultLanguage: 'python',
        createdBy: ownerId,
      },
      candidate: { name: 'Cand Idate', email: uniqueEmail('cand'), userId: null },
      interviewers: [
        { userId: ownerId, name: 'Matrix owner' },
        ...(interviewerId ? [{ userId: interviewerId, name: 'Matrix interviewer' }] : []),
      ],
      questions: [],
      actor: { userId: ownerId, name: 'Matrix owner' },
      at: new Date(),
    });
  }

  function newUser(label: string, platformRole: 'user' | 'admin' = 'user') {
    return users.insert({
      email: uniqueEmail(label),
      name: `Matrix ${label}`,
      passwordHash,
      emailVerifiedAt: new Date(),
      platformRole,
    });
  }

  async function newCaller(kind: Kind): Promise<Caller> {
    if (kind === 'anonymous') {
      return { kind, headers: csrfHeaders(), email: uniqueEmail(kind), interviewId: await newInterview() };
    }
    if (kind === 'guest') {
      const interviewId = await newInterview();
      const guest = await createGuestSessions({ db: database.db, now: () => new Date() }).startWithId({
        interviewId,
        role: 'candidate',
        displayName: 'Guest Candidate',
      });
      await interviews.bindParticipant({
        interviewId,
        role: 'candidate',
        userId: null,
        guestSessionId: guest.id,
        displayName: 'Guest Candidate',
      });
      const headers = csrfHeaders();
      return {
        kind,
        headers: { ...headers, cookie: `${headers.cookie}; isel_guest=${guest.token}` },
        email: uniqueEmail(kind),
        interviewId,
      };
    }
    const user = await newUser(kind, kind === 'platformAdmin' ? 'admin' : 'user');
    const membership = MEMBERSHIP[kind];
    if (membership) await orgs.addMember({ orgId: orgIds[membership.org], userId: user.id, role: membership.role });
    const interviewId = await newInterview(kind === 'interviewerA' ? user.id : undefined);
    return { kind, headers: await mintSession(database.db, user.id), email: user.email, interviewId };
  }

  it('has a row for every route in the OpenAPI document, and no stale rows', () => {
    const missing = routes.filter((r) => !(r in MATRIX));
    expect(missing, `add rows for these routes to policy-matrix/<domain>.rows.ts: ${missing.join(', ')}`).toEqual([]);
    const stale = Object.keys(MATRIX).filter((r) => !routes.includes(r));
    expect(stale, `these MATRIX rows match no route any more: ${stale.join(', ')}`).toEqual([]);
  });

  for (const [route, row] of Object.entries(MATRIX)) {
    it(route, async () => {
      const [method = 'GET'] = route.split(' ') as [Method];
      const actual = {} as Expected;
      const statuses: string[] = [];
      for (const kind of KINDS) {
        const caller = await newCaller(kind);
        const { url, body } = await row.request(caller, fx);
        const res = await app.inject({ method, url, headers: caller.headers, ...(body ? { payload: body } : {}) });
        expect(res.statusCode, `${kind}: ${route} answered ${res.statusCode} ${res.body}`).toBeLessThan(500);
        actual[kind] = res.statusCode === 401 || res.statusCode === 403 ? 'deny' : 'allow';
        statuses.push(`${kind}=${res.statusCode}`);
      }
      expect(actual, `statuses: ${statuses.join(' ')}`).toEqual(row.expect);
    });
  }

  // WebSocket endpoints are not in the OpenAPI document: their upgrade is checked over a real port.
  it('WS /api/v1/terminals/ws (terminal.open)', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const actual = {} as Expected;
    for (const kind of KINDS) {
      const caller = await newCaller(kind);
      const status = await upgradeStatus(port, '/api/v1/terminals/ws?language=python', caller.headers.cookie);
      actual[kind] = status === 401 || status === 403 ? 'deny' : 'allow';
    }
    expect(actual).toEqual(SIGNED_IN);
  });

  // The room socket admits anyone signed in or holding a guest cookie; each document is then authorised
  // by the room's own rules (rooms.socket.int.test.ts tries every refusal).
  it('WS /ws (room socket upgrade)', async () => {
    if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const actual = {} as Expected;
    for (const kind of KINDS) {
      const caller = await newCaller(kind);
      const status = await upgradeStatus(port, '/ws', caller.headers.cookie);
      actual[kind] = status === 401 || status === 403 ? 'deny' : 'allow';
    }
    expect(actual).toEqual(allowOnly(...KINDS.filter((k) => k !== 'anonymous')));
  });
});
