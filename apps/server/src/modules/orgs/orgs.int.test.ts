import { OrgMemberSchema, OrgSchema, ProblemSchema, SessionStateSchema } from '@interviewselect/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, csrfHeaders } from '../../../test/create-test-app.js';
import {
  createOrgWithMembers,
  createUser,
  signedInUser,
  signIn,
  type SignedIn,
  testRedisDeps,
} from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { auditEvents } from '../audit/audit.tables.js';
import { orgMembers } from './orgs.tables.js';

describe('/api/v1/orgs', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const redis = testRedisDeps();
  let owner: SignedIn;
  let outsider: SignedIn;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database, {}, redis.deps);
    owner = await signedInUser(app, database.db, { name: 'Olivia Owner' });
    outsider = await signedInUser(app, database.db, { name: 'Oscar Outsider' });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
    redis.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who?: SignedIn, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { ...(who ? who.headers : csrfHeaders()), 'user-agent': 'orgs-test/1.0' },
      ...(payload ? { payload } : {}),
    });

  const roleOf = async (orgId: string, userId: string) => {
    const [row] = await database.db
      .select({ role: orgMembers.role })
      .from(orgMembers)
      .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
    return row?.role ?? null;
  };

  /**
   * An org created by `owner` through the API (which refreshes the owner's
   * possibly cached session) plus fresh signed-in members, one per role.
   */
  async function orgWith(...roles: ('admin' | 'interviewer' | 'recruiter' | 'viewer' | 'owner')[]) {
    const created = await call('POST', '/api/v1/orgs', owner, { name: 'Team' });
    const org = OrgSchema.parse(created.json());
    const people = await Promise.all(roles.map(() => signedInUser(app, database.db)));
    for (const [i, p] of people.entries()) {
      await database.db.insert(orgMembers).values({ orgId: org.id, userId: p.user.id, role: roles[i] ?? 'viewer' });
    }
    return { org, people };
  }

  describe('create and read', () => {
    it('creates an org with a slug from its name; the creator is owner; audited with ip and agent', async () => {
      const res = await call('POST', '/api/v1/orgs', owner, { name: '  Ünïcorn Labs, Inc. ' });
      expect(res.statusCode, res.body).toBe(201);
      const org = OrgSchema.parse(res.json());
      expect(org).toMatchObject({ name: 'Ünïcorn Labs, Inc.', slug: 'unicorn-labs-inc', role: 'owner' });
      expect(await roleOf(org.id, owner.user.id)).toBe('owner');
      const [event] = await database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'org.created'))
        .orderBy(desc(auditEvents.seq))
        .limit(1);
      expect(event).toMatchObject({
        actorUserId: owner.user.id,
        orgId: org.id,
        targetId: org.id,
        userAgent: 'orgs-test/1.0',
      });
      expect(event?.ip).toBeTruthy();

      const again = OrgSchema.parse(
        (await call('POST', '/api/v1/orgs', outsider, { name: 'Unicorn labs inc' })).json(),
      );
      expect(again.slug).toBe('unicorn-labs-inc-2');
      // A first organisation becomes the session's active one; a second one does not take over.
      const state = async (who: typeof owner) =>
        SessionStateSchema.parse((await call('GET', '/api/v1/auth/session', who)).json());
      expect((await state(outsider)).user?.activeOrgId).toBe(again.id);
      const second = OrgSchema.parse((await call('POST', '/api/v1/orgs', outsider, { name: 'Second Co' })).json());
      expect((await state(outsider)).user?.activeOrgId).toBe(again.id);
      expect(second.id).not.toBe(again.id);
    });

    it('refuses anonymous callers with 401', async () => {
      for (const res of [
        await call('POST', '/api/v1/orgs', undefined, { name: 'X' }),
        await call('GET', '/api/v1/orgs'),
      ]) {
        expect(res.statusCode).toBe(401);
        expect(ProblemSchema.parse(res.json()).code).toBe('auth.unauthenticated');
      }
    });

    it('rejects an over-long or empty name with field issues', async () => {
      const res = await call('POST', '/api/v1/orgs', owner, { name: 'x'.repeat(101) });
      expect(res.statusCode).toBe(400);
      const body = ProblemSchema.parse(res.json());
      expect(body.code).toBe('request.validation_failed');
      expect(body.issues).toEqual([{ path: 'body.name', message: 'An organisation name has at most 100 characters.' }]);
      const empty = ProblemSchema.parse((await call('POST', '/api/v1/orgs', owner, { name: '   ' })).json());
      expect(empty.issues?.map((i) => i.path)).toEqual(['body.name']);
    });

    it('lists my orgs; a member reads an org, a member of another org gets 403', async () => {
      const { org } = await orgWith();
      const mine = z.array(OrgSchema).parse((await call('GET', '/api/v1/orgs', owner)).json());
      expect(mine.map((o) => o.id)).toContain(org.id);
      expect((await call('GET', `/api/v1/orgs/${org.id}`, owner)).statusCode).toBe(200);
      const otherOrgMember = await signedInUser(app, database.db);
      await createOrgWithMembers(database.db, { [otherOrgMember.user.id]: 'owner' });
      const res = await call('GET', `/api/v1/orgs/${org.id}`, otherOrgMember);
      expect(res.statusCode).toBe(403);
      expect(ProblemSchema.parse(res.json()).code).toBe('auth.forbidden');
      expect((await call('GET', `/api/v1/orgs/${org.id}/members`, otherOrgMember)).statusCode).toBe(403);
    });

    it('renames for owner and admin only', async () => {
      const { org, people } = await orgWith('admin', 'viewer');
      const [admin, viewer] = people;
      const res = await call('PATCH', `/api/v1/orgs/${org.id}`, admin, { name: 'Renamed' });
      expect(res.statusCode, res.body).toBe(200);
      expect(OrgSchema.parse(res.json())).toMatchObject({ name: 'Renamed', role: 'admin' });
      expect((await call('PATCH', `/api/v1/orgs/${org.id}`, viewer, { name: 'Nope' })).statusCode).toBe(403);
    });

    it('lists members for any member', async () => {
      const { org, people } = await orgWith('viewer');
      const res = await call('GET', `/api/v1/orgs/${org.id}/members`, people[0]);
      const members = z.array(OrgMemberSchema).parse(res.json());
      expect(members.map((m) => [m.userId, m.role]).sort()).toEqual(
        [
          [owner.user.id, 'owner'],
          [people[0]?.user.id, 'viewer'],
        ].sort(),
      );
    });
  });

  describe('roles, removal and leaving', () => {
    it('lets an admin change a role, audited with from/to', async () => {
      const { org, people } = await orgWith('admin', 'viewer');
      const [admin, viewer] = people;
      const url = `/api/v1/orgs/${org.id}/members/${viewer?.user.id}`;
      expect((await call('PATCH', url, admin, { role: 'interviewer' })).statusCode).toBe(204);
      expect(await roleOf(org.id, viewer?.user.id ?? '')).toBe('interviewer');
      const [event] = await database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'org.member_role_changed'), eq(auditEvents.orgId, org.id)));
      expect(event).toMatchObject({
        actorUserId: admin?.user.id,
        targetId: viewer?.user.id,
        data: { from: 'viewer', to: 'interviewer' },
      });
    });

    it('rejects an unknown role with a validation issue', async () => {
      const { org, people } = await orgWith('viewer');
      const res = await call('PATCH', `/api/v1/orgs/${org.id}/members/${people[0]?.user.id}`, owner, {
        role: 'emperor',
      });
      expect(res.statusCode).toBe(400);
      expect(ProblemSchema.parse(res.json()).issues?.map((i) => i.path)).toEqual(['body.role']);
    });

    it('lets only an owner grant or take away owner', async () => {
      const { org, people } = await orgWith('admin', 'viewer');
      const [admin, viewer] = people;
      const toOwner = await call('PATCH', `/api/v1/orgs/${org.id}/members/${viewer?.user.id}`, admin, {
        role: 'owner',
      });
      expect(toOwner.statusCode).toBe(403);
      const self = await call('PATCH', `/api/v1/orgs/${org.id}/members/${admin?.user.id}`, admin, { role: 'owner' });
      expect(self.statusCode).toBe(403);
      const demote = await call('DELETE', `/api/v1/orgs/${org.id}/members/${owner.user.id}`, admin);
      expect(demote.statusCode).toBe(403);
      expect(await roleOf(org.id, owner.user.id)).toBe('owner');
      expect(
        (await call('PATCH', `/api/v1/orgs/${org.id}/members/${viewer?.user.id}`, owner, { role: 'owner' })).statusCode,
      ).toBe(204);
    });

    it('never lets the last owner be demoted, removed or leave (409)', async () => {
      const { org, people } = await orgWith('viewer');
      const attempts = [
        await call('PATCH', `/api/v1/orgs/${org.id}/members/${owner.user.id}`, owner, { role: 'admin' }),
        await call('DELETE', `/api/v1/orgs/${org.id}/members/${owner.user.id}`, owner),
        await call('POST', `/api/v1/orgs/${org.id}/leave`, owner),
      ];
      for (const res of attempts) {
        expect(res.statusCode).toBe(409);
        const body = ProblemSchema.parse(res.json());
        expect(body.code).toBe('org.last_owner');
        expect(body.detail).toMatch(/at least one owner/);
      }
      expect(await roleOf(org.id, owner.user.id)).toBe('owner');
      // With a second owner, the first may step down.
      await call('PATCH', `/api/v1/orgs/${org.id}/members/${people[0]?.user.id}`, owner, { role: 'owner' });
      expect((await call('POST', `/api/v1/orgs/${org.id}/leave`, owner)).statusCode).toBe(204);
      expect(await roleOf(org.id, owner.user.id)).toBeNull();
    });

    it('removes a member (admin) but not for an interviewer; members can leave', async () => {
      const { org, people } = await orgWith('admin', 'interviewer', 'viewer');
      const [admin, interviewer, viewer] = people;
      expect((await call('DELETE', `/api/v1/orgs/${org.id}/members/${viewer?.user.id}`, interviewer)).statusCode).toBe(
        403,
      );
      expect((await call('DELETE', `/api/v1/orgs/${org.id}/members/${viewer?.user.id}`, admin)).statusCode).toBe(204);
      expect(await roleOf(org.id, viewer?.user.id ?? '')).toBeNull();
      expect((await call('DELETE', `/api/v1/orgs/${org.id}/members/${viewer?.user.id}`, admin)).statusCode).toBe(404);
      expect((await call('POST', `/api/v1/orgs/${org.id}/leave`, interviewer)).statusCode).toBe(204);
      const actions = await database.db
        .select({ action: auditEvents.action, targetId: auditEvents.targetId })
        .from(auditEvents)
        .where(eq(auditEvents.orgId, org.id));
      expect(actions).toEqual([
        { action: 'org.created', targetId: org.id },
        { action: 'org.member_removed', targetId: viewer?.user.id },
        { action: 'org.member_left', targetId: interviewer?.user.id },
      ]);
    });
  });

  describe('signing in as a member', () => {
    it('starts the session in the member’s organisation', async () => {
      const user = await createUser(database.db);
      const org = await createOrgWithMembers(database.db, { [user.id]: 'recruiter' });
      const headers = await signIn(app, user.email);
      const state = SessionStateSchema.parse(
        (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers })).json(),
      );
      expect(state.user?.activeOrgId).toBe(org.id);
    });
  });

  describe('POST /api/v1/orgs/:orgId/switch', () => {
    it('sets the active org of this session for a member, 403 otherwise', async () => {
      const { org, people } = await orgWith('interviewer');
      const member = people[0];
      if (!member) throw new Error('no member');
      expect((await call('POST', `/api/v1/orgs/${org.id}/switch`, member)).statusCode).toBe(204);
      const state = SessionStateSchema.parse((await call('GET', '/api/v1/auth/session', member)).json());
      expect(state.user?.activeOrgId).toBe(org.id);
      expect((await call('POST', `/api/v1/orgs/${org.id}/switch`, outsider)).statusCode).toBe(403);
      expect((await call('POST', `/api/v1/orgs/${org.id}/switch`)).statusCode).toBe(401);
    });
  });
});
