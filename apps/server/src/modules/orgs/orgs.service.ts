import type { Org, OrgMember, OrgRole } from '@interviewselect/contracts';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../auth/sessions.service.js';
import type { OrgsRepo } from './orgs.repo.js';
import type { OrgRow } from './orgs.tables.js';

export type OrgsService = ReturnType<typeof createOrgsService>;

/** Who is acting, as the service needs it (taken from the principal by the route). */
export interface Actor {
  userId: string;
  sessionId: string;
  orgRoles: ReadonlyMap<string, OrgRole>;
  activeOrgId: string | null;
}

/**
 * What orgs needs from sessions: the active org lives on the session row, and
 * sessions may be cached (Redis), so a membership change must drop the
 * affected user's cached sessions to apply at their next request.
 */
export interface SessionAccess {
  setActiveOrg(sessionId: string, orgId: string | null): Promise<void>;
  refreshUser(userId: string): Promise<void>;
}

const SLUG_MAX = 48;
const SLUG_ATTEMPTS = 20;

/** "Ünïcorn Labs, Inc." → "unicorn-labs-inc"; names with no Latin letters or digits fall back to "org". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
  return slug || 'org';
}

export function toOrg(row: OrgRow, role: OrgRole): Org {
  return { id: row.id, name: row.name, slug: row.slug, createdAt: row.createdAt.toISOString(), role };
}

const LAST_OWNER_DETAIL =
  'An organisation must keep at least one owner. Make another member an owner first, then try again.';
const OWNER_ONLY_DETAIL = 'Only an owner can make someone an owner or change or remove an owner.';

/** Organisations and their members: create, rename, roles, removal, leaving, switching the active org. */
export function createOrgsService(deps: { repo: OrgsRepo; sessions: SessionAccess; audit: AuditService }) {
  const { repo, audit, sessions } = deps;

  function roleIn(actor: Actor, orgId: string): OrgRole {
    const role = actor.orgRoles.get(orgId);
    // Routes authorise first, so a missing role here is a programming error, not a client one.
    if (!role) throw new Error(`actor ${actor.userId} is not a member of ${orgId}`);
    return role;
  }

  async function findOrg(orgId: string): Promise<OrgRow> {
    const org = await repo.findById(orgId);
    if (!org) throw new AppError('resource.not_found', 'No such organisation.');
    return org;
  }

  /** Applies a guarded role change or removal and maps the refusal to a problem. */
  async function changeMembership(actor: Actor, orgId: string, userId: string, role: OrgRole | null) {
    const actorIsOwner = roleIn(actor, orgId) === 'owner';
    const result = await repo.changeMembership(orgId, userId, role, (current) => {
      const touchesOwner = current.role === 'owner' || role === 'owner';
      if (touchesOwner && !actorIsOwner) return 'owner_only';
      if (current.role === 'owner' && role !== 'owner' && current.ownerCount <= 1) return 'last_owner';
      return null;
    });
    if (result.ok) return result;
    if (result.reason === 'not_found') throw new AppError('resource.not_found', 'No such member in this organisation.');
    if (result.reason === 'owner_only') throw new AppError('auth.forbidden', OWNER_ONLY_DETAIL);
    throw new AppError('org.last_owner', LAST_OWNER_DETAIL);
  }

  return {
    async create(actor: Actor, name: string, meta: RequestMeta): Promise<Org> {
      const base = slugify(name);
      for (let i = 1; i <= SLUG_ATTEMPTS; i++) {
        // Suffixes -2, -3… on collision; a random tail after that so a busy name cannot block creation.
        const suffix = i === 1 ? '' : i < SLUG_ATTEMPTS ? `-${i}` : `-${crypto.randomUUID().slice(0, 8)}`;
        const org = await repo.createWithOwner({ name, slug: `${base}${suffix}` }, actor.userId);
        if (!org) continue;
        // Someone's first organisation becomes the one they work in.
        if (!actor.activeOrgId) await sessions.setActiveOrg(actor.sessionId, org.id);
        await sessions.refreshUser(actor.userId);
        await audit.record({
          action: 'org.created',
          actorUserId: actor.userId,
          orgId: org.id,
          targetType: 'org',
          targetId: org.id,
          data: { name, slug: org.slug },
          ...meta,
        });
        return toOrg(org, 'owner');
      }
      throw new AppError('resource.conflict', 'Could not find a free address for this name. Try another name.');
    },

    async listMine(userId: string): Promise<Org[]> {
      const rows = await repo.listForUser(userId);
      return rows.map((r) => toOrg(r.org, r.role));
    },

    async get(actor: Actor, orgId: string): Promise<Org> {
      return toOrg(await findOrg(orgId), roleIn(actor, orgId));
    },

    async rename(actor: Actor, orgId: string, name: string, meta: RequestMeta): Promise<Org> {
      const before = await findOrg(orgId);
      const org = await repo.rename(orgId, name);
      if (!org) throw new AppError('resource.not_found', 'No such organisation.');
      await audit.record({
        action: 'org.renamed',
        actorUserId: actor.userId,
        orgId,
        targetType: 'org',
        targetId: orgId,
        data: { from: before.name, to: name },
        ...meta,
      });
      return toOrg(org, roleIn(actor, orgId));
    },

    async listMembers(orgId: string): Promise<OrgMember[]> {
      const rows = await repo.listMembers(orgId);
      return rows.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }));
    },

    async changeRole(actor: Actor, orgId: string, userId: string, role: OrgRole, meta: RequestMeta) {
      const { previousRole } = await changeMembership(actor, orgId, userId, role);
      await sessions.refreshUser(userId);
      await audit.record({
        action: 'org.member_role_changed',
        actorUserId: actor.userId,
        orgId,
        targetType: 'user',
        targetId: userId,
        data: { from: previousRole, to: role },
        ...meta,
      });
    },

    async removeMember(actor: Actor, orgId: string, userId: string, meta: RequestMeta): Promise<void> {
      const { previousRole } = await changeMembership(actor, orgId, userId, null);
      await sessions.refreshUser(userId);
      await audit.record({
        action: 'org.member_removed',
        actorUserId: actor.userId,
        orgId,
        targetType: 'user',
        targetId: userId,
        data: { role: previousRole },
        ...meta,
      });
    },

    async leave(actor: Actor, orgId: string, meta: RequestMeta): Promise<void> {
      const { previousRole } = await changeMembership(actor, orgId, actor.userId, null);
      // The session must not keep pointing at an org its user is no longer in.
      if (actor.activeOrgId === orgId) await sessions.setActiveOrg(actor.sessionId, null);
      await sessions.refreshUser(actor.userId);
      await audit.record({
        action: 'org.member_left',
        actorUserId: actor.userId,
        orgId,
        targetType: 'user',
        targetId: actor.userId,
        data: { role: previousRole },
        ...meta,
      });
    },

    /** Makes orgId the session's active org; routes have checked membership. */
    async switchActive(actor: Actor, orgId: string): Promise<void> {
      await findOrg(orgId);
      await sessions.setActiveOrg(actor.sessionId, orgId);
      await sessions.refreshUser(actor.userId);
    },
  };
}
