import type { AdminUserQuery, AdminUserSort, AuditQuery, OrgRole } from '@interviewselect/contracts';
import { and, asc, count, desc, eq, gt, gte, like, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { auditEvents, type AuditEventRow } from '../audit/audit.tables.js';
import { sessions } from '../auth/auth.tables.js';
import { orgMembers, orgs } from '../orgs/orgs.tables.js';
import { users, type UserRow } from '../users/users.tables.js';

export type AdminRepo = ReturnType<typeof createAdminRepo>;

export interface AuditEventWithActor {
  event: AuditEventRow;
  actor: { id: string; email: string; name: string } | null;
}

const sqlLower = (column: AnyColumn): SQL => sql`lower(${column})`;

/** `%`, `_` and `\` typed by an admin are literal characters, not wildcards. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The allow-list behind `?sort=`: each accepted value maps to a fixed expression,
 * so nothing the caller sends ever reaches the ORDER BY as text.
 */
const USER_SORT_EXPRESSIONS: Record<AdminUserSort, AnyColumn | SQL> = {
  createdAt: users.createdAt,
  name: sqlLower(users.name),
  email: sqlLower(users.email),
};

/** ORDER BY for the user list; ties break by id in the same direction, so pages never overlap or skip. */
function userOrderBy(q: Pick<AdminUserQuery, 'sort' | 'order'>): SQL[] {
  const direction = q.order === 'asc' ? asc : desc;
  return [direction(USER_SORT_EXPRESSIONS[q.sort]), direction(users.id)];
}

/**
 * Read models of the platform-admin screens. They span users, sessions, orgs
 * and the audit log, so they live here rather than bloating those modules' repos.
 */
export function createAdminRepo(db: Db) {
  return {
    async listUsers(q: AdminUserQuery): Promise<{ rows: UserRow[]; total: number }> {
      const filters: (SQL | undefined)[] = [
        q.status ? eq(users.status, q.status) : undefined,
        q.platformRole ? eq(users.platformRole, q.platformRole) : undefined,
      ];
      if (q.q) {
        // lower() on both sides: case-insensitive on text and citext alike, on PGlite and PostgreSQL.
        const pattern = `%${likeLiteral(q.q.toLowerCase())}%`;
        filters.push(or(like(sqlLower(users.email), pattern), like(sqlLower(users.name), pattern)));
      }
      const where = and(...filters);
      const [rows, [totalRow]] = await Promise.all([
        db
          .select()
          .from(users)
          .where(where)
          .orderBy(...userOrderBy(q))
          .limit(q.limit)
          .offset(q.offset),
        db.select({ n: count() }).from(users).where(where),
      ]);
      return { rows, total: totalRow?.n ?? 0 };
    },

    async memberships(userId: string): Promise<{ orgId: string; orgName: string; orgSlug: string; role: OrgRole }[]> {
      return db
        .select({ orgId: orgs.id, orgName: orgs.name, orgSlug: orgs.slug, role: orgMembers.role })
        .from(orgMembers)
        .innerJoin(orgs, eq(orgs.id, orgMembers.orgId))
        .where(eq(orgMembers.userId, userId))
        .orderBy(orgs.name);
    },

    async countLiveSessions(userId: string, now: Date): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)));
      return row?.n ?? 0;
    },

    /** Newest first, by seq (the chain order), with the actor's current name and e-mail. */
    async listAudit(q: AuditQuery): Promise<{ rows: AuditEventWithActor[]; total: number }> {
      const where = and(
        q.action ? like(auditEvents.action, `${likeLiteral(q.action)}%`) : undefined,
        q.actorUserId ? eq(auditEvents.actorUserId, q.actorUserId) : undefined,
        q.orgId ? eq(auditEvents.orgId, q.orgId) : undefined,
        q.from ? gte(auditEvents.createdAt, new Date(q.from)) : undefined,
        q.to ? lte(auditEvents.createdAt, new Date(q.to)) : undefined,
      );
      const [rows, [totalRow]] = await Promise.all([
        db
          .select({ event: auditEvents, actorId: users.id, actorEmail: users.email, actorName: users.name })
          .from(auditEvents)
          .leftJoin(users, eq(users.id, auditEvents.actorUserId))
          .where(where)
          .orderBy(desc(auditEvents.seq))
          .limit(q.limit)
          .offset(q.offset),
        db.select({ n: count() }).from(auditEvents).where(where),
      ]);
      return {
        rows: rows.map((r) => ({
          event: r.event,
          actor:
            r.actorId !== null && r.actorEmail !== null && r.actorName !== null
              ? { id: r.actorId, email: r.actorEmail, name: r.actorName }
              : null,
        })),
        total: totalRow?.n ?? 0,
      };
    },
  };
}
