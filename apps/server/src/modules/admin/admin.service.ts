import type {
  AdminUserDetail,
  AdminUserPage,
  AdminUserQuery,
  AdminUserSummary,
  AuditPage,
  AuditQuery,
  AuditVerifyResult,
  PlatformRole,
} from '@interviewselect/contracts';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { SessionsRepo } from '../auth/sessions.repo.js';
import type { RequestMeta } from '../auth/sessions.service.js';
import type { UsersRepo } from '../users/users.repo.js';
import type { UserRow } from '../users/users.tables.js';
import type { AdminRepo } from './admin.repo.js';

export type AdminService = ReturnType<typeof createAdminService>;

function toSummary(u: UserRow): AdminUserSummary {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    platformRole: u.platformRole,
    status: u.status,
    emailVerified: u.emailVerifiedAt !== null,
    createdAt: u.createdAt.toISOString(),
  };
}

/**
 * Platform administration: find users, suspend them, grant or take away the
 * platform admin role, browse and verify the audit log. Impersonation is
 * deliberately absent: admins act as themselves, and the audit log says so.
 */
export function createAdminService(deps: {
  repo: AdminRepo;
  users: UsersRepo;
  sessions: Pick<SessionsRepo, 'deleteAllForUser' | 'listForUser'>;
  /** Drops cached sessions (Redis) so a suspension or role change applies at the next request. */
  evictSessions: (tokenHashes: string[]) => Promise<void>;
  audit: AuditService;
  now: () => Date;
}) {
  const { repo, users, audit } = deps;

  async function findUser(userId: string): Promise<UserRow> {
    const user = await users.findById(userId);
    if (!user) throw new AppError('resource.not_found', 'No such user.');
    return user;
  }

  async function endAllSessions(userId: string): Promise<number> {
    const removed = await deps.sessions.deleteAllForUser(userId);
    await deps.evictSessions(removed);
    return removed.length;
  }

  async function detail(user: UserRow): Promise<AdminUserDetail> {
    const [memberships, sessionCount] = await Promise.all([
      repo.memberships(user.id),
      repo.countLiveSessions(user.id, deps.now()),
    ]);
    return {
      ...toSummary(user),
      emailVerifiedAt: user.emailVerifiedAt?.toISOString() ?? null,
      updatedAt: user.updatedAt.toISOString(),
      memberships,
      sessionCount,
    };
  }

  return {
    async listUsers(query: AdminUserQuery): Promise<AdminUserPage> {
      const { rows, total } = await repo.listUsers(query);
      return { items: rows.map(toSummary), total, limit: query.limit, offset: query.offset };
    },

    async getUser(userId: string): Promise<AdminUserDetail> {
      return detail(await findUser(userId));
    },

    /** Suspends the account and ends all its sessions at once (not only at their next request). */
    async setSuspended(actorId: string, userId: string, suspended: boolean, meta: RequestMeta) {
      if (suspended && actorId === userId) {
        throw new AppError('resource.conflict', 'You cannot suspend your own account. Ask another administrator.');
      }
      const before = await findUser(userId);
      const status = suspended ? 'suspended' : 'active';
      const user = before.status === status ? before : await users.update(userId, { status });
      const ended = suspended ? await endAllSessions(userId) : 0;
      await audit.record({
        action: suspended ? 'admin.user_suspended' : 'admin.user_unsuspended',
        actorUserId: actorId,
        targetType: 'user',
        targetId: userId,
        data: { email: user.email, previousStatus: before.status, ...(suspended ? { sessionsEnded: ended } : {}) },
        ...meta,
      });
      return detail(user);
    },

    async setPlatformRole(actorId: string, userId: string, role: PlatformRole, meta: RequestMeta) {
      // Keeps at least the acting admin in place, so the platform cannot be locked out by one click.
      if (actorId === userId && role !== 'admin') {
        throw new AppError('resource.conflict', 'You cannot remove your own admin role. Ask another administrator.');
      }
      const before = await findUser(userId);
      const user = before.platformRole === role ? before : await users.update(userId, { platformRole: role });
      const live = await deps.sessions.listForUser(userId, deps.now());
      await deps.evictSessions(live.map((s) => s.tokenHash));
      await audit.record({
        action: 'admin.platform_role_changed',
        actorUserId: actorId,
        targetType: 'user',
        targetId: userId,
        data: { email: user.email, from: before.platformRole, to: role },
        ...meta,
      });
      return detail(user);
    },

    async listAudit(query: AuditQuery): Promise<AuditPage> {
      const { rows, total } = await repo.listAudit(query);
      return {
        items: rows.map(({ event, actor }) => ({
          id: event.id,
          seq: event.seq,
          action: event.action,
          actor,
          orgId: event.orgId,
          targetType: event.targetType,
          targetId: event.targetId,
          data: event.data,
          ip: event.ip,
          userAgent: event.userAgent,
          createdAt: event.createdAt.toISOString(),
        })),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },

    verifyAudit(): Promise<AuditVerifyResult> {
      return audit.verifyChain();
    },
  };
}
