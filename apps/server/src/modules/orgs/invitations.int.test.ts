import { InvitationPreviewSchema, InvitationSchema, OrgSchema, ProblemSchema } from '@interviewselect/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, csrfHeaders } from '../../../test/create-test-app.js';
import {
  createOrgWithMembers,
  signedInUser,
  uniqueEmail,
  type SignedIn,
  testRedisDeps,
} from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { auditEvents } from '../audit/audit.tables.js';
import { emailOutbox } from '../mail/mail.tables.js';
import type { OrgRow } from './orgs.tables.js';
import { orgInvitations, orgMembers } from './orgs.tables.js';

describe('organisation invitations', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const redis = testRedisDeps();
  let org: OrgRow;
  let owner: SignedIn;
  let recruiter: SignedIn;
  let viewer: SignedIn;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database, { PUBLIC_URL: 'https://interviews.example.test' }, redis.deps);
    [owner, recruiter, viewer] = await Promise.all([
      signedInUser(app, database.db, { name: 'Olivia Owner' }),
      signedInUser(app, database.db, { name: 'Rita Recruiter' }),
      signedInUser(app, database.db, { name: 'Vic Viewer' }),
    ]);
    org = await createOrgWithMembers(
      database.db,
      { [owner.user.id]: 'owner', [recruiter.user.id]: 'recruiter', [viewer.user.id]: 'viewer' },
      'Acme Hiring',
    );
  });

  afterAll(async () => {
    await app.close();
    await database.close();
    redis.close();
  });

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, who?: SignedIn, payload?: object) =>
    app.inject({ method, url, headers: who ? who.headers : csrfHeaders(), ...(payload ? { payload } : {}) });

  /** Invites `email` through the API and returns the token from the e-mailed link. */
  async function invite(email: string, role = 'interviewer', by = recruiter) {
    const res = await call('POST', `/api/v1/orgs/${org.id}/invitations`, by, { email, role });
    expect(res.statusCode, res.body).toBe(201);
    const [mail] = await database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.to, email))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(1);
    const link = /https:\/\/interviews\.example\.test\/invitations\/accept\?token=([\w-]+)/.exec(mail?.text ?? '');
    if (!link?.[1]) throw new Error(`no invitation link in ${mail?.text}`);
    return { invitation: InvitationSchema.parse(res.json()), token: link[1], mail };
  }

  const invitationRow = async (id: string) =>
    (await database.db.select().from(orgInvitations).where(eq(orgInvitations.id, id)))[0];
  const isMember = async (userId: string) =>
    (
      await database.db
        .select()
        .from(orgMembers)
        .where(and(eq(orgMembers.orgId, org.id), eq(orgMembers.userId, userId)))
    ).length > 0;

  it('e-mails a working link; the invitee previews and accepts it once', async () => {
    const invitee = await signedInUser(app, database.db, { email: uniqueEmail('Invitee') });
    const { invitation, token, mail } = await invite(invitee.user.email.toUpperCase());
    expect(mail?.subject).toBe('Join Acme Hiring on InterviewSelect');
    expect(mail?.html).toContain('/invitations/accept?token=');
    expect(invitation).toMatchObject({
      role: 'interviewer',
      invitedBy: { id: recruiter.user.id, name: 'Rita Recruiter' },
    });

    const preview = await call('POST', '/api/v1/orgs/invitations/preview', undefined, { token });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      orgName: 'Acme Hiring',
      role: 'interviewer',
      inviterName: 'Rita Recruiter',
      expiresAt: invitation.expiresAt,
      status: 'pending',
      isValid: true,
    });
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)).toBe(7 * 24 * 3600_000);

    const accepted = await call('POST', '/api/v1/orgs/invitations/accept', invitee, { token });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(OrgSchema.parse(accepted.json())).toMatchObject({ id: org.id, role: 'interviewer' });
    expect(await isMember(invitee.user.id)).toBe(true);

    const again = await call('POST', '/api/v1/orgs/invitations/accept', invitee, { token });
    expect(again.statusCode).toBe(400);
    expect(ProblemSchema.parse(again.json()).code).toBe('auth.token_invalid');
    const previewAfter = InvitationPreviewSchema.parse(
      (await call('POST', '/api/v1/orgs/invitations/preview', undefined, { token })).json(),
    );
    expect(previewAfter).toMatchObject({ status: 'accepted', isValid: false });

    const actions = await database.db
      .select({ action: auditEvents.action, actor: auditEvents.actorUserId, target: auditEvents.targetId })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, invitation.id));
    expect(actions).toEqual([
      { action: 'org.invitation_created', actor: recruiter.user.id, target: invitation.id },
      { action: 'org.invitation_accepted', actor: invitee.user.id, target: invitation.id },
    ]);
  });

  it('refuses a viewer (403) and anonymous callers (401)', async () => {
    const body = { email: uniqueEmail(), role: 'viewer' };
    expect((await call('POST', `/api/v1/orgs/${org.id}/invitations`, viewer, body)).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/orgs/${org.id}/invitations`, viewer)).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/orgs/${org.id}/invitations`, undefined, body)).statusCode).toBe(401);
    expect(
      (await call('POST', '/api/v1/orgs/invitations/accept', undefined, { token: 'x'.repeat(43) })).statusCode,
    ).toBe(401);
  });

  it('does not let a recruiter invite an admin or owner', async () => {
    const res = await call('POST', `/api/v1/orgs/${org.id}/invitations`, recruiter, {
      email: uniqueEmail(),
      role: 'admin',
    });
    expect(res.statusCode).toBe(403);
  });

  it('rejects malformed e-mails and unknown roles with issues', async () => {
    const res = await call('POST', `/api/v1/orgs/${org.id}/invitations`, owner, {
      email: 'not-an-email',
      role: 'boss',
    });
    expect(res.statusCode).toBe(400);
    const body = ProblemSchema.parse(res.json());
    expect(body.code).toBe('request.validation_failed');
    expect(body.issues?.map((i) => i.path).sort()).toEqual(['body.email', 'body.role']);
  });

  it('refuses to invite an existing member (409)', async () => {
    const res = await call('POST', `/api/v1/orgs/${org.id}/invitations`, owner, {
      email: viewer.user.email,
      role: 'admin',
    });
    expect(res.statusCode).toBe(409);
    expect(ProblemSchema.parse(res.json()).code).toBe('org.already_member');
  });

  it('re-inviting replaces the pending invitation; list shows one; revoke withdraws it', async () => {
    const email = uniqueEmail();
    const first = await invite(email, 'viewer');
    const second = await invite(email, 'recruiter', owner);
    expect((await invitationRow(first.invitation.id))?.revokedAt).not.toBeNull();
    const listed = z
      .array(InvitationSchema)
      .parse((await call('GET', `/api/v1/orgs/${org.id}/invitations`, recruiter)).json())
      .filter((i) => i.email === email);
    expect(listed.map((i) => [i.id, i.role])).toEqual([[second.invitation.id, 'recruiter']]);

    expect(
      (await call('DELETE', `/api/v1/orgs/${org.id}/invitations/${second.invitation.id}`, viewer)).statusCode,
    ).toBe(403);
    expect(
      (await call('DELETE', `/api/v1/orgs/${org.id}/invitations/${second.invitation.id}`, recruiter)).statusCode,
    ).toBe(204);
    expect(
      (await call('DELETE', `/api/v1/orgs/${org.id}/invitations/${second.invitation.id}`, recruiter)).statusCode,
    ).toBe(404);
    const preview = InvitationPreviewSchema.parse(
      (await call('POST', '/api/v1/orgs/invitations/preview', undefined, { token: second.token })).json(),
    );
    expect(preview).toMatchObject({ status: 'revoked', isValid: false });
  });

  it('refuses revoked, expired and unknown tokens without changing anything', async () => {
    const invitee = await signedInUser(app, database.db);
    const revoked = await invite(invitee.user.email);
    await invite(invitee.user.email); // replaces (revokes) the first
    const expired = await invite(uniqueEmail());
    await database.db.execute(
      sql`update org_invitations set expires_at = now() - interval '1 minute' where id = ${expired.invitation.id}`,
    );
    const expiredRowBefore = await invitationRow(expired.invitation.id);

    for (const [token, detail] of [
      [revoked.token, /withdrawn/],
      [expired.token, /expired/],
      ['A'.repeat(43), /not valid/],
    ] as const) {
      const res = await call('POST', '/api/v1/orgs/invitations/accept', invitee, { token });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = ProblemSchema.parse(res.json());
      expect(body.code).toBe('auth.token_invalid');
      expect(body.detail).toMatch(detail);
    }
    expect(await isMember(invitee.user.id)).toBe(false);
    expect(await invitationRow(expired.invitation.id)).toEqual(expiredRowBefore);
    const preview = await call('POST', '/api/v1/orgs/invitations/preview', undefined, { token: 'A'.repeat(43) });
    expect(preview.statusCode).toBe(400);
  });

  it('refuses a signed-in user whose e-mail differs (403) and leaves the invitation pending', async () => {
    const someoneElse = await signedInUser(app, database.db);
    const { invitation, token } = await invite(uniqueEmail());
    const res = await call('POST', '/api/v1/orgs/invitations/accept', someoneElse, { token });
    expect(res.statusCode).toBe(403);
    expect(ProblemSchema.parse(res.json()).code).toBe('auth.forbidden');
    expect((await invitationRow(invitation.id))?.acceptedAt).toBeNull();
    expect(await isMember(someoneElse.user.id)).toBe(false);
  });

  it('answers 409 when the invitee is already a member, keeping the invitation unused', async () => {
    const member = await signedInUser(app, database.db);
    const { invitation, token } = await invite(member.user.email);
    await database.db.insert(orgMembers).values({ orgId: org.id, userId: member.user.id, role: 'viewer' });
    const res = await call('POST', '/api/v1/orgs/invitations/accept', member, { token });
    expect(res.statusCode).toBe(409);
    expect(ProblemSchema.parse(res.json()).code).toBe('org.already_member');
    expect((await invitationRow(invitation.id))?.acceptedAt).toBeNull();
  });
});
