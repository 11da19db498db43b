/**
 * The authorisation matrix: for EVERY route in the OpenAPI document, the
 * expected outcome per kind of caller. A route missing from MATRIX fails the
 * coverage test by name, so a new endpoint cannot ship without deciding who
 * may call it. Each cell runs with a fresh caller (user, memberships and
 * session written straight to the database) and fresh targets, so routes with
 * side effects (leave, erase account, suspend) cannot disturb other cells.
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
import { ProblemPackageSchema } from '@interviewselect/contracts';
import { createTestApp, csrfHeaders } from '../../../test/create-test-app.js';
import { mintSession, testRedisDeps, TEST_PASSWORD, uniqueEmail } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createGuestSessions } from '../auth/guest-sessions.js';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.js';
import { totp } from '../auth/totp.js';
import { createInterviewsRepo, type InterviewsRepo } from '../interviews/interviews.repo.js';
import { createOrgsRepo, type OrgsRepo } from '../orgs/orgs.repo.js';
import { createQuestionsRepo } from '../questions/questions.repo.js';
import { hashPassword } from '../users/password.js';
import { createUsersRepo, type UsersRepo } from '../users/users.repo.js';

/**
 * `guest` is a room guest: a real `isel_guest` cookie bound to one interview as
 * candidate (guest sessions, modules/auth/guest-sessions.ts). No route outside
 * the room may treat a guest as signed in.
 */
const KINDS = [
  'anonymous',
  'guest',
  'candidate',
  'interviewerA',
  'interviewerB',
  'recruiterA',
  'orgAdminA',
  'platformAdmin',
] as const;
type Kind = (typeof KINDS)[number];
type Outcome = 'allow' | 'deny';
type Expected = Record<Kind, Outcome>;

function allowOnly(...allowed: Kind[]): Expected {
  return Object.fromEntries(KINDS.map((k) => [k, allowed.includes(k) ? 'allow' : 'deny'])) as Expected;
}
const PUBLIC = allowOnly(...KINDS);
const SIGNED_IN = allowOnly('candidate', 'interviewerA', 'interviewerB', 'recruiterA', 'orgAdminA', 'platformAdmin');
const ORG_A_MEMBERS = allowOnly('interviewerA', 'recruiterA', 'orgAdminA');
const ORG_A_INVITERS = allowOnly('recruiterA', 'orgAdminA');
const ORG_A_MANAGERS = allowOnly('orgAdminA');
const PLATFORM_ADMIN = allowOnly('platformAdmin');

/** Which org and role each kind holds; org A also has a separate owner who is never a caller. */
const MEMBERSHIP: Partial<Record<Kind, { org: 'A' | 'B'; role: 'interviewer' | 'recruiter' | 'admin' }>> = {
  interviewerA: { org: 'A', role: 'interviewer' },
  interviewerB: { org: 'B', role: 'interviewer' },
  recruiterA: { org: 'A', role: 'recruiter' },
  orgAdminA: { org: 'A', role: 'admin' },
};

interface Caller {
  kind: Kind;
  headers: Record<string, string>;
  email: string;
  /**
   * A fresh interview of org A made for this caller: the guest is its
   * candidate, interviewerA one of its interviewers; everyone else has no place in it.
   */
  interviewId: string;
}

interface Fixtures {
  orgA: string;
  /** A user who can sign in with TEST_PASSWORD. */
  knownEmail: string;
  freshMemberOfA(): Promise<string>;
  freshInvitation(email?: string): Promise<{ id: string; token: string }>;
  freshUser(): Promise<string>;
  /** A working invite link (token) to an interview of org A. */
  freshRoomLink(role?: 'candidate' | 'interviewer' | 'observer'): Promise<string>;
  /** A draft (behavioural, so it publishes without running code) problem of org A and its version. */
  freshProblemOfA(): Promise<{ problemId: string; versionId: string }>;
  /** A published problem of the public library. */
  publicProblemId: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface RequestSpec {
  url: string;
  body?: object;
}
interface Row {
  expect: Expected;
  request: (caller: Caller, fx: Fixtures) => RequestSpec | Promise<RequestSpec>;
}

const TOKEN = 'x'.repeat(43);
const ORG_MEMBERS = allowOnly('interviewerA', 'interviewerB', 'recruiterA', 'orgAdminA');
const matrixProblem = (slug: string) =>
  ProblemPackageSchema.parse({
    format: 'interviewselect.problem/v1',
    slug,
    title: 'Matrix question',
    difficulty: 'easy',
    category: 'behavioural',
    statement: 'Tell us about a matrix.',
  });
const NEW_PASSWORD = 'a different long passphrase 2026';
let app: FastifyInstance;

const MATRIX: Record<string, Row> = {
  // Platform and system
  'GET /healthz': { expect: PUBLIC, request: () => ({ url: '/healthz' }) },
  'GET /readyz': { expect: PUBLIC, request: () => ({ url: '/readyz' }) },
  'GET /api/v1/system': { expect: PUBLIC, request: () => ({ url: '/api/v1/system' }) },
  'GET /api/v1/dev/mailbox': { expect: PUBLIC, request: () => ({ url: '/api/v1/dev/mailbox' }) },

  // Account flows anyone may start
  'GET /api/v1/auth/session': { expect: PUBLIC, request: () => ({ url: '/api/v1/auth/session' }) },
  'POST /api/v1/auth/sign-up': {
    expect: PUBLIC,
    request: () => ({
      url: '/api/v1/auth/sign-up',
      body: { email: uniqueEmail('signup'), name: 'New Person', password: NEW_PASSWORD },
    }),
  },
  'POST /api/v1/auth/verify-email': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/auth/verify-email', body: { token: TOKEN } }),
  },
  'POST /api/v1/auth/resend-verification': {
    expect: PUBLIC,
    request: (c) => ({ url: '/api/v1/auth/resend-verification', body: { email: c.email } }),
  },
  'POST /api/v1/auth/sign-in': {
    expect: PUBLIC,
    request: (_c, fx) => ({ url: '/api/v1/auth/sign-in', body: { email: fx.knownEmail, password: TEST_PASSWORD } }),
  },
  'POST /api/v1/auth/sign-in/totp': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/auth/sign-in/totp', body: { challenge: TOKEN, code: '123456' } }),
  },
  'POST /api/v1/auth/sign-out': { expect: PUBLIC, request: () => ({ url: '/api/v1/auth/sign-out' }) },
  'POST /api/v1/auth/forgot-password': {
    expect: PUBLIC,
    request: (c) => ({ url: '/api/v1/auth/forgot-password', body: { email: c.email } }),
  },
  'POST /api/v1/auth/reset-password': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/auth/reset-password', body: { token: TOKEN, password: NEW_PASSWORD } }),
  },
  'POST /api/v1/auth/confirm-email': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/auth/confirm-email', body: { token: TOKEN } }),
  },
  'GET /api/v1/auth/oidc/providers': { expect: PUBLIC, request: () => ({ url: '/api/v1/auth/oidc/providers' }) },
  'GET /api/v1/auth/oidc/{provider}/start': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/auth/oidc/google/start' }),
  },
  'GET /api/v1/auth/oidc/{provider}/callback': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/auth/oidc/google/callback?code=abc&state=def' }),
  },

  // One's own account
  'POST /api/v1/auth/sign-out-everywhere': {
    expect: SIGNED_IN,
    request: () => ({ url: '/api/v1/auth/sign-out-everywhere' }),
  },
  'POST /api/v1/auth/change-password': {
    expect: SIGNED_IN,
    request: () => ({
      url: '/api/v1/auth/change-password',
      body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    }),
  },
  'POST /api/v1/auth/change-email': {
    expect: SIGNED_IN,
    request: () => ({
      url: '/api/v1/auth/change-email',
      body: { newEmail: uniqueEmail('new'), password: TEST_PASSWORD },
    }),
  },
  'GET /api/v1/auth/sessions': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/auth/sessions' }) },
  'DELETE /api/v1/auth/sessions/{sessionId}': {
    expect: SIGNED_IN,
    request: () => ({ url: `/api/v1/auth/sessions/${randomUUID()}` }),
  },
  'POST /api/v1/auth/totp/setup': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/auth/totp/setup' }) },
  'POST /api/v1/auth/totp/enable': {
    expect: SIGNED_IN,
    // A signed-in caller starts setup first, so the code is a real one and success is reachable.
    async request(c) {
      const setup = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: c.headers });
      const parsed = z.object({ secret: z.string() }).safeParse(setup.json());
      const code = parsed.success ? totp(parsed.data.secret, Date.now()) : '123456';
      return { url: '/api/v1/auth/totp/enable', body: { code } };
    },
  },
  'POST /api/v1/auth/totp/disable': {
    expect: SIGNED_IN,
    request: () => ({ url: '/api/v1/auth/totp/disable', body: { password: TEST_PASSWORD } }),
  },
  'GET /api/v1/me/export': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/me/export' }) },
  'POST /api/v1/me/delete': {
    expect: SIGNED_IN,
    request: () => ({ url: '/api/v1/me/delete', body: { password: TEST_PASSWORD } }),
  },

  // Organisations
  'POST /api/v1/orgs': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/orgs', body: { name: 'Matrix Org' } }) },
  'GET /api/v1/orgs': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/orgs' }) },
  'GET /api/v1/orgs/{orgId}': { expect: ORG_A_MEMBERS, request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}` }) },
  'PATCH /api/v1/orgs/{orgId}': {
    expect: ORG_A_MANAGERS,
    request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}`, body: { name: 'Org A' } }),
  },
  'GET /api/v1/orgs/{orgId}/members': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/members` }),
  },
  'PATCH /api/v1/orgs/{orgId}/members/{userId}': {
    expect: ORG_A_MANAGERS,
    request: async (_c, fx) => ({
      url: `/api/v1/orgs/${fx.orgA}/members/${await fx.freshMemberOfA()}`,
      body: { role: 'interviewer' },
    }),
  },
  'DELETE /api/v1/orgs/{orgId}/members/{userId}': {
    expect: ORG_A_MANAGERS,
    request: async (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/members/${await fx.freshMemberOfA()}` }),
  },
  'POST /api/v1/orgs/{orgId}/leave': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/leave` }),
  },
  'POST /api/v1/orgs/{orgId}/switch': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/switch` }),
  },
  'POST /api/v1/orgs/{orgId}/invitations': {
    expect: ORG_A_INVITERS,
    request: (_c, fx) => ({
      url: `/api/v1/orgs/${fx.orgA}/invitations`,
      body: { email: uniqueEmail('invitee'), role: 'viewer' },
    }),
  },
  'GET /api/v1/orgs/{orgId}/invitations': {
    expect: ORG_A_INVITERS,
    request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/invitations` }),
  },
  'DELETE /api/v1/orgs/{orgId}/invitations/{invitationId}': {
    expect: ORG_A_INVITERS,
    request: async (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/invitations/${(await fx.freshInvitation()).id}` }),
  },
  'POST /api/v1/orgs/invitations/preview': {
    expect: PUBLIC,
    request: async (_c, fx) => ({
      url: '/api/v1/orgs/invitations/preview',
      body: { token: (await fx.freshInvitation()).token },
    }),
  },
  'POST /api/v1/orgs/invitations/accept': {
    expect: SIGNED_IN,
    // Addressed to the caller, so only authentication decides (members of A get a 409, which is "allow").
    request: async (c, fx) => ({
      url: '/api/v1/orgs/invitations/accept',
      body: { token: (await fx.freshInvitation(c.email)).token },
    }),
  },

  // Code execution
  'POST /api/v1/executions': {
    expect: SIGNED_IN,
    // An unknown problem version: allowed callers get a 422 without any code running.
    request: () => ({
      url: '/api/v1/executions',
      body: { language: 'python', mode: 'submit', source: 'print(1)', problemVersionId: randomUUID() },
    }),
  },
  'GET /api/v1/executions': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/executions' }) },
  'GET /api/v1/executions/{id}': {
    expect: SIGNED_IN,
    request: () => ({ url: `/api/v1/executions/${randomUUID()}` }),
  },
  'GET /api/v1/executions/{id}/events': {
    expect: SIGNED_IN,
    request: () => ({ url: `/api/v1/executions/${randomUUID()}/events` }),
  },
  'GET /api/v1/languages': { expect: PUBLIC, request: () => ({ url: '/api/v1/languages' }) },

  // Platform administration
  'GET /api/v1/admin/users': { expect: PLATFORM_ADMIN, request: () => ({ url: '/api/v1/admin/users?q=matrix' }) },
  'GET /api/v1/admin/users/{userId}': {
    expect: PLATFORM_ADMIN,
    request: async (_c, fx) => ({ url: `/api/v1/admin/users/${await fx.freshUser()}` }),
  },
  'POST /api/v1/admin/users/{userId}/suspend': {
    expect: PLATFORM_ADMIN,
    request: async (_c, fx) => ({ url: `/api/v1/admin/users/${await fx.freshUser()}/suspend` }),
  },
  'POST /api/v1/admin/users/{userId}/unsuspend': {
    expect: PLATFORM_ADMIN,
    request: async (_c, fx) => ({ url: `/api/v1/admin/users/${await fx.freshUser()}/unsuspend` }),
  },
  'PUT /api/v1/admin/users/{userId}/platform-role': {
    expect: PLATFORM_ADMIN,
    request: async (_c, fx) => ({
      url: `/api/v1/admin/users/${await fx.freshUser()}/platform-role`,
      body: { role: 'admin' },
    }),
  },
  'GET /api/v1/admin/audit': { expect: PLATFORM_ADMIN, request: () => ({ url: '/api/v1/admin/audit?action=org.' }) },
  'GET /api/v1/admin/audit/verify': { expect: PLATFORM_ADMIN, request: () => ({ url: '/api/v1/admin/audit/verify' }) },

  // Interviews: org members manage; the interview's own interviewers run it; guests only enter their room
  'POST /api/v1/interviews': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({
      url: '/api/v1/interviews',
      body: {
        orgId: fx.orgA,
        title: 'Matrix interview',
        candidate: { name: 'Cand Idate', email: 'cand@example.test' },
      },
    }),
  },
  'GET /api/v1/interviews': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({ url: `/api/v1/interviews?orgId=${fx.orgA}` }),
  },
  'GET /api/v1/interviews/{interviewId}': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}` }),
  },
  'PATCH /api/v1/interviews/{interviewId}': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}`, body: { title: 'Renamed in the matrix' } }),
  },
  'POST /api/v1/interviews/{interviewId}/transitions': {
    expect: allowOnly('interviewerA'),
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/transitions`, body: { action: 'start' } }),
  },
  'GET /api/v1/interviews/{interviewId}/links': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/links` }),
  },
  'POST /api/v1/interviews/{interviewId}/links': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/links`, body: { role: 'observer' } }),
  },
  'POST /api/v1/interviews/{interviewId}/links/{linkId}/revoke': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/links/${randomUUID()}/revoke` }),
  },
  'GET /api/v1/interviews/{interviewId}/room': {
    expect: allowOnly('guest', 'interviewerA'),
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/room` }),
  },
  // A room's history (rooms module): the organisation's members only, never the candidate or guests
  'GET /api/v1/interviews/{interviewId}/timeline': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/timeline` }),
  },
  'GET /api/v1/interviews/{interviewId}/state': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/state?at=2026-01-01T00:00:00.000Z` }),
  },
  'GET /api/v1/me/interviews': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/me/interviews' }) },
  'POST /api/v1/room-links/lookup': {
    expect: PUBLIC,
    request: async (_c, fx) => ({ url: '/api/v1/room-links/lookup', body: { token: await fx.freshRoomLink() } }),
  },
  'POST /api/v1/room-links/join': {
    expect: PUBLIC,
    request: async (_c, fx) => ({
      url: '/api/v1/room-links/join',
      body: { token: await fx.freshRoomLink('observer'), displayName: 'Matrix Joiner', consent: true },
    }),
  },

  // Question bank: members of an organisation read the public library and their own org's problems; never candidates or guests
  'GET /api/v1/problems': { expect: ORG_MEMBERS, request: () => ({ url: '/api/v1/problems?q=matrix' }) },
  'POST /api/v1/problems': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({
      url: '/api/v1/problems',
      body: { orgId: fx.orgA, package: matrixProblem(`m-${randomUUID()}`) },
    }),
  },
  'POST /api/v1/problems/import': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({
      url: '/api/v1/problems/import',
      body: { orgId: fx.orgA, package: matrixProblem(`m-${randomUUID()}`) },
    }),
  },
  'GET /api/v1/problems/{problemId}': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({ url: `/api/v1/problems/${(await fx.freshProblemOfA()).problemId}` }),
  },
  'GET /api/v1/problems/{problemId}/preview': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({ url: `/api/v1/problems/${(await fx.freshProblemOfA()).problemId}/preview` }),
  },
  'PUT /api/v1/problems/{problemId}/draft': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({
      url: `/api/v1/problems/${(await fx.freshProblemOfA()).problemId}/draft`,
      body: { package: matrixProblem(`m-${randomUUID()}`) },
    }),
  },
  'POST /api/v1/problems/{problemId}/publish': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({ url: `/api/v1/problems/${(await fx.freshProblemOfA()).problemId}/publish` }),
  },
  'GET /api/v1/problems/{problemId}/verifications/{verificationId}': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({
      url: `/api/v1/problems/${(await fx.freshProblemOfA()).problemId}/verifications/${randomUUID()}`,
    }),
  },
  'POST /api/v1/problems/{problemId}/archive': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({ url: `/api/v1/problems/${(await fx.freshProblemOfA()).problemId}/archive` }),
  },
  'POST /api/v1/problems/{problemId}/duplicate': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({ url: `/api/v1/problems/${fx.publicProblemId}/duplicate`, body: { orgId: fx.orgA } }),
  },
  'GET /api/v1/problems/{problemId}/export': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({ url: `/api/v1/problems/${(await fx.freshProblemOfA()).problemId}/export` }),
  },
  'GET /api/v1/problem-versions/{versionId}': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({ url: `/api/v1/problem-versions/${(await fx.freshProblemOfA()).versionId}` }),
  },
};

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
    fx = {
      orgA: orgIds.A,
      knownEmail: owner.email,
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
    expect(missing, `add these routes to MATRIX in policy-matrix.int.test.ts: ${missing.join(', ')}`).toEqual([]);
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
