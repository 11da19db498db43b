import {
  AdminUserDetailSchema,
  AdminUserPageSchema,
  AuditPageSchema,
  OrgSchema,
  ProblemSchema,
  SessionStateSchema,
} from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfHeaders } from '../../../test/create-test-app.js';
import {
  createOrgWithMembers,
  createUser,
  signIn,
  signedInUser,
  TEST_PASSWORD,
  type SignedIn,
  testRedisDeps,
} from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';

describe('/api/v1/admin', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const redis = testRedisDeps();
  let admin: SignedIn;
  let user: SignedIn;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database, {}, redis.deps);
    admin = await signedInUser(app, database.db, { platformRole: 'admin', name: 'Ada Admin' });
    user = await signedInUser(app, database.db, { name: 'Ulysses User' });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
    redis.close();
  });

  const call = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    who?: { headers: Record<string, string> },
    payload?: object,
  ) =>
    app.inject({
      method,
      url,
      headers: who ? who.headers : csrfHeaders(),
      ...(payload ? { payload } : {}),
    });

  it('refuses non-admins (403) and anonymous callers (401) on every endpoint', async () => {
    const target = user.user.id;
    const endpoints: ['GET' | 'POST' | 'PUT', string, object?][] = [
      ['GET', '/api/v1/admin/users'],
      ['GET', `/api/v1/admin/users/${target}`],
      ['POST', `/api/v1/admin/users/${target}/suspend`],
      ['POST', `/api/v1/admin/users/${target}/unsuspend`],
      ['PUT', `/api/v1/admin/users/${target}/platform-role`, { role: 'admin' }],
      ['GET', '/api/v1/admin/audit'],
      ['GET', '/api/v1/admin/audit/verify'],
    ];
    for (const [method, url, body] of endpoints) {
      const asUser = await call(method, url, user, body);
      expect([url, asUser.statusCode, ProblemSchema.parse(asUser.json()).code]).toEqual([url, 403, 'auth.forbidden']);
      expect([url, (await call(method, url, undefined, body)).statusCode]).toEqual([url, 401]);
    }
    const detail = AdminUserDetailSchema.parse((await call('GET', `/api/v1/admin/users/${target}`, admin)).json());
    expect(detail).toMatchObject({ status: 'active', platformRole: 'user' });
  });

  it('searches users by e-mail or name, case-insensitively, with filters, paging and a total', async () => {
    const tag = `zebra${Date.now().toString(36)}`;
    await createUser(database.db, { email: `${tag}.one@example.test`, name: 'First', withPassword: false });
    await createUser(database.db, { email: `second@${tag}.example.test`, name: 'Second', withPassword: false });
    await createUser(database.db, {
      email: `third-${Date.now()}@example.test`,
      name: `Mr ${tag.toUpperCase()}`,
      withPassword: false,
    });
    const page = AdminUserPageSchema.parse(
      (await call('GET', `/api/v1/admin/users?q=${tag.toUpperCase()}&limit=2&offset=0`, admin)).json(),
    );
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    const rest = AdminUserPageSchema.parse(
      (await call('GET', `/api/v1/admin/users?q=${tag}&limit=2&offset=2`, admin)).json(),
    );
    expect(rest.items).toHaveLength(1);
    const admins = AdminUserPageSchema.parse(
      (await call('GET', '/api/v1/admin/users?platformRole=admin', admin)).json(),
    );
    expect(admins.items.map((u) => u.id)).toEqual([admin.user.id]);
    const wildcard = AdminUserPageSchema.parse((await call('GET', '/api/v1/admin/users?q=%25', admin)).json());
    expect(wildcard.total).toBe(0);
    const bad = await call('GET', '/api/v1/admin/users?status=banned&limit=1000', admin);
    expect(bad.statusCode).toBe(400);
    expect(
      ProblemSchema.parse(bad.json())
        .issues?.map((i) => i.path)
        .sort(),
    ).toEqual(['querystring.limit', 'querystring.status']);
  });

  it('sorts users by an allow-listed field and order, breaking ties by id so pages stay stable', async () => {
    const tag = `sortable${Date.now().toString(36)}`;
    // E-mail order (a, b, c, d, e) differs from name order; two users share a name to exercise the tie-break.
    const specs = [
      ['c', 'Bravo'],
      ['e', 'alpha'],
      ['a', 'Echo'],
      ['b', 'delta'],
      ['d', 'Echo'],
    ] as const;
    const made: Awaited<ReturnType<typeof createUser>>[] = [];
    for (const [prefix, name] of specs) {
      made.push(
        await createUser(database.db, {
          email: `${prefix}-${tag}@example.test`,
          name: `${tag} ${name}`,
          withPassword: false,
        }),
      );
    }
    const list = async (query: string) => {
      const res = await call('GET', `/api/v1/admin/users?q=${tag}&${query}`, admin);
      expect(res.statusCode, res.body).toBe(200);
      return AdminUserPageSchema.parse(res.json()).items.map((u) => u.id);
    };
    const idOf = (prefix: string) => made[specs.findIndex(([p]) => p === prefix)]?.id;
    const echoes = [idOf('a'), idOf('d')].sort();

    const byName = await list('sort=name&order=asc');
    expect(byName).toEqual([idOf('e'), idOf('c'), idOf('b'), ...echoes]);
    expect(await list('sort=name&order=desc')).toEqual([...byName].reverse());
    expect(await list('sort=email&order=asc')).toEqual(['a', 'b', 'c', 'd', 'e'].map(idOf));
    // The default is the old order: newest account first.
    const newestFirst = [...made]
      .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (x.id < y.id ? 1 : -1))
      .map((u) => u.id);
    expect(await list('')).toEqual(newestFirst);
    expect(await list('sort=createdAt&order=asc')).toEqual([...newestFirst].reverse());

    const paged: string[] = [];
    for (const offset of [0, 2, 4]) paged.push(...(await list(`sort=name&order=asc&limit=2&offset=${offset}`)));
    expect(paged).toEqual(byName);

    const bad = await call('GET', '/api/v1/admin/users?sort=password_hash&order=sideways', admin);
    expect(bad.statusCode).toBe(400);
    expect(
      ProblemSchema.parse(bad.json())
        .issues?.map((i) => i.path)
        .sort(),
    ).toEqual(['querystring.order', 'querystring.sort']);
  });

  it('shows a user with memberships and live session count', async () => {
    const org = await createOrgWithMembers(database.db, { [user.user.id]: 'recruiter' }, 'Detail Org');
    const res = await call('GET', `/api/v1/admin/users/${user.user.id}`, admin);
    const detail = AdminUserDetailSchema.parse(res.json());
    expect(detail).toMatchObject({ email: user.user.email, emailVerified: true, sessionCount: 1 });
    expect(detail.memberships).toEqual([
      { orgId: org.id, orgName: 'Detail Org', orgSlug: org.slug, role: 'recruiter' },
    ]);
    expect((await call('GET', '/api/v1/admin/users/00000000-0000-7000-8000-000000000000', admin)).statusCode).toBe(404);
  });

  it('suspending ends all sessions and blocks sign-in; unsuspending restores it; both audited', async () => {
    const victim = await signedInUser(app, database.db);
    const secondSession = await signIn(app, victim.user.email);
    const res = await call('POST', `/api/v1/admin/users/${victim.user.id}/suspend`, admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(AdminUserDetailSchema.parse(res.json())).toMatchObject({ status: 'suspended', sessionCount: 0 });
    for (const session of [victim, { headers: secondSession }]) {
      expect((await call('GET', '/api/v1/orgs', session)).statusCode).toBe(401);
      expect(SessionStateSchema.parse((await call('GET', '/api/v1/auth/session', session)).json()).user).toBeNull();
    }
    const signInRes = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: csrfHeaders(),
      payload: { email: victim.user.email, password: TEST_PASSWORD },
    });
    expect(ProblemSchema.parse(signInRes.json()).code).toBe('auth.suspended');

    expect((await call('POST', `/api/v1/admin/users/${victim.user.id}/unsuspend`, admin)).statusCode).toBe(200);
    await signIn(app, victim.user.email);

    const audit = AuditPageSchema.parse((await call('GET', `/api/v1/admin/audit?action=admin.user_`, admin)).json());
    expect(audit.items.filter((e) => e.targetId === victim.user.id).map((e) => [e.action, e.actor?.id])).toEqual([
      ['admin.user_unsuspended', admin.user.id],
      ['admin.user_suspended', admin.user.id],
    ]);
  });

  it('does not let an admin suspend or demote themselves (409)', async () => {
    const suspend = await call('POST', `/api/v1/admin/users/${admin.user.id}/suspend`, admin);
    expect(suspend.statusCode).toBe(409);
    const demote = await call('PUT', `/api/v1/admin/users/${admin.user.id}/platform-role`, admin, { role: 'user' });
    expect(demote.statusCode).toBe(409);
    expect((await call('GET', '/api/v1/admin/users', admin)).statusCode).toBe(200);
  });

  it('grants and takes away the platform admin role; unknown roles are a 400', async () => {
    const other = await signedInUser(app, database.db);
    const url = `/api/v1/admin/users/${other.user.id}/platform-role`;
    expect(AdminUserDetailSchema.parse((await call('PUT', url, admin, { role: 'admin' })).json()).platformRole).toBe(
      'admin',
    );
    expect((await call('GET', '/api/v1/admin/users', other)).statusCode).toBe(200);
    expect((await call('PUT', url, admin, { role: 'user' })).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/admin/users', other)).statusCode).toBe(403);
    const bad = await call('PUT', url, admin, { role: 'superuser' });
    expect(ProblemSchema.parse(bad.json()).issues?.map((i) => i.path)).toEqual(['body.role']);
    const audit = AuditPageSchema.parse(
      (await call('GET', `/api/v1/admin/audit?action=admin.platform_role`, admin)).json(),
    );
    expect(audit.items.filter((e) => e.targetId === other.user.id).map((e) => e.data)).toEqual([
      { email: other.user.email, from: 'admin', to: 'user' },
      { email: other.user.email, from: 'user', to: 'admin' },
    ]);
  });

  it('browses the audit log newest first with filters and paging, and verifies the chain', async () => {
    const res = await call('POST', '/api/v1/orgs', user, { name: 'Audited Org' });
    const orgId = OrgSchema.parse(res.json()).id;
    const all = AuditPageSchema.parse((await call('GET', '/api/v1/admin/audit?limit=100', admin)).json());
    expect(all.total).toBeGreaterThan(3);
    const seqs = all.items.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    const byOrg = AuditPageSchema.parse((await call('GET', `/api/v1/admin/audit?orgId=${orgId}`, admin)).json());
    expect(byOrg.items.map((e) => [e.action, e.actor?.id])).toEqual([['org.created', user.user.id]]);
    const byActor = AuditPageSchema.parse(
      (await call('GET', `/api/v1/admin/audit?actorUserId=${user.user.id}&action=org.`, admin)).json(),
    );
    expect(byActor.total).toBe(1);
    const future = new Date(Date.now() + 3600_000).toISOString();
    const none = AuditPageSchema.parse((await call('GET', `/api/v1/admin/audit?from=${future}`, admin)).json());
    expect(none).toMatchObject({ items: [], total: 0 });
    const paged = AuditPageSchema.parse((await call('GET', '/api/v1/admin/audit?limit=1&offset=1', admin)).json());
    expect(paged.items.map((e) => e.seq)).toEqual([all.items[1]?.seq]);
    const badRange = await call('GET', '/api/v1/admin/audit?from=yesterday', admin);
    expect(badRange.statusCode).toBe(400);

    const verify = await call('GET', '/api/v1/admin/audit/verify', admin);
    expect(verify.json()).toEqual({ ok: true, count: all.total });
  });
});
