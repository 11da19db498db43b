import type { OrgRole } from '@interviewselect/contracts';
import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { users } from '../users/users.tables.js';
import {
  orgInvitations,
  orgMembers,
  orgs,
  type OrgInvitationRow,
  type OrgMemberRow,
  type OrgRow,
} from './orgs.tables.js';

export type OrgsRepo = ReturnType<typeof createOrgsRepo>;

export interface MemberWithUser {
  userId: string;
  name: string;
  email: string;
  role: OrgRole;
  joinedAt: Date;
}

export interface InvitationWithNames extends OrgInvitationRow {
  orgName: string;
  inviterName: string | null;
}

/** What a guarded membership change saw: the member's current role and how many owners the org has. */
export interface MembershipSnapshot {
  role: OrgRole;
  ownerCount: number;
}

export type MembershipChangeResult<R> = { ok: true; previousRole: OrgRole } | { ok: false; reason: R | 'not_found' };

/** Thrown inside a transaction to roll it back; never escapes the repo. */
class Rollback extends Error {}

const pending = and(isNull(orgInvitations.acceptedAt), isNull(orgInvitations.revokedAt));

export function createOrgsRepo(db: Db) {
  const invitationWithNames = () =>
    db
      .select({ invitation: orgInvitations, orgName: orgs.name, inviterName: users.name })
      .from(orgInvitations)
      .innerJoin(orgs, eq(orgs.id, orgInvitations.orgId))
      .leftJoin(users, eq(users.id, orgInvitations.invitedBy));

  return {
    async insert(values: typeof orgs.$inferInsert): Promise<OrgRow> {
      const [row] = await db.insert(orgs).values(values).returning();
      if (!row) throw new Error('org insert returned no row');
      return row;
    },
    async addMember(values: typeof orgMembers.$inferInsert): Promise<OrgMemberRow> {
      const [row] = await db.insert(orgMembers).values(values).returning();
      if (!row) throw new Error('org member insert returned no row');
      return row;
    },

    /** Creates the org and its first owner together; null when the slug is taken (the caller picks another). */
    async createWithOwner(values: { name: string; slug: string }, ownerId: string): Promise<OrgRow | null> {
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(orgs).values(values).onConflictDoNothing({ target: orgs.slug }).returning();
        if (!row) return null;
        await tx.insert(orgMembers).values({ orgId: row.id, userId: ownerId, role: 'owner' });
        return row;
      });
    },
    async findById(id: string): Promise<OrgRow | null> {
      const [row] = await db.select().from(orgs).where(eq(orgs.id, id)).limit(1);
      return row ?? null;
    },
    async rename(id: string, name: string): Promise<OrgRow | null> {
      const [row] = await db.update(orgs).set({ name }).where(eq(orgs.id, id)).returning();
      return row ?? null;
    },
    async listForUser(userId: string): Promise<{ org: OrgRow; role: OrgRole }[]> {
      return db
        .select({ org: orgs, role: orgMembers.role })
        .from(orgMembers)
        .innerJoin(orgs, eq(orgs.id, orgMembers.orgId))
        .where(eq(orgMembers.userId, userId))
        .orderBy(asc(orgs.name));
    },
    async listMembers(orgId: string): Promise<MemberWithUser[]> {
      return db
        .select({
          userId: users.id,
          name: users.name,
          email: users.email,
          role: orgMembers.role,
          joinedAt: orgMembers.createdAt,
        })
        .from(orgMembers)
        .innerJoin(users, eq(users.id, orgMembers.userId))
        .where(eq(orgMembers.orgId, orgId))
        .orderBy(asc(users.name));
    },
    async isMemberByEmail(orgId: string, email: string): Promise<boolean> {
      const [row] = await db
        .select({ n: count() })
        .from(orgMembers)
        .innerJoin(users, eq(users.id, orgMembers.userId))
        .where(and(eq(orgMembers.orgId, orgId), eq(users.email, email)));
      return (row?.n ?? 0) > 0;
    },

    /**
     * Changes a member's role (or removes them when `role` is null) after
     * `refuse` has seen the current state and returned no reason. The org row
     * is locked first, so two concurrent demotions cannot both see "two owners"
     * and leave the org with none.
     */
    async changeMembership<R extends string>(
      orgId: string,
      userId: string,
      role: OrgRole | null,
      refuse: (snapshot: MembershipSnapshot) => R | null,
    ): Promise<MembershipChangeResult<R>> {
      return db.transaction(async (tx) => {
        await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, orgId)).for('update');
        const [member] = await tx
          .select({ role: orgMembers.role })
          .from(orgMembers)
          .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
        if (!member) return { ok: false, reason: 'not_found' as const };
        const [owners] = await tx
          .select({ n: count() })
          .from(orgMembers)
          .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.role, 'owner')));
        const reason = refuse({ role: member.role, ownerCount: owners?.n ?? 0 });
        if (reason !== null) return { ok: false, reason };
        const where = and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId));
        if (role === null) await tx.delete(orgMembers).where(where);
        else await tx.update(orgMembers).set({ role }).where(where);
        return { ok: true, previousRole: member.role };
      });
    },

    /** Revokes any pending invitation of the same address to the org, then stores the new one. */
    async replaceInvitation(values: typeof orgInvitations.$inferInsert, now: Date): Promise<OrgInvitationRow> {
      return db.transaction(async (tx) => {
        await tx
          .update(orgInvitations)
          .set({ revokedAt: now })
          .where(and(eq(orgInvitations.orgId, values.orgId), eq(orgInvitations.email, values.email), pending));
        const [row] = await tx.insert(orgInvitations).values(values).returning();
        if (!row) throw new Error('invitation insert returned no row');
        return row;
      });
    },
    async listPendingInvitations(orgId: string, now: Date): Promise<InvitationWithNames[]> {
      const rows = await invitationWithNames()
        .where(and(eq(orgInvitations.orgId, orgId), pending, gt(orgInvitations.expiresAt, now)))
        .orderBy(asc(orgInvitations.createdAt));
      return rows.map((r) => ({ ...r.invitation, orgName: r.orgName, inviterName: r.inviterName }));
    },
    async findInvitationByTokenHash(tokenHash: string): Promise<InvitationWithNames | null> {
      const [r] = await invitationWithNames().where(eq(orgInvitations.tokenHash, tokenHash)).limit(1);
      return r ? { ...r.invitation, orgName: r.orgName, inviterName: r.inviterName } : null;
    },
    /** Revokes a still-pending invitation; null when there is none with that id in the org. */
    async revokeInvitation(orgId: string, id: string, now: Date): Promise<OrgInvitationRow | null> {
      const [row] = await db
        .update(orgInvitations)
        .set({ revokedAt: now })
        .where(and(eq(orgInvitations.orgId, orgId), eq(orgInvitations.id, id), pending))
        .returning();
      return row ?? null;
    },

    /**
     * Uses the invitation and adds the member in one transaction. The
     * conditional update is what makes the token single-use under races.
     */
    async acceptInvitation(
      invitation: OrgInvitationRow,
      userId: string,
      now: Date,
    ): Promise<'accepted' | 'invalid' | 'already_member'> {
      try {
        return await db.transaction(async (tx) => {
          const used = await tx
            .update(orgInvitations)
            .set({ acceptedAt: now })
            .where(and(eq(orgInvitations.id, invitation.id), pending, gt(orgInvitations.expiresAt, now)))
            .returning({ id: orgInvitations.id });
          if (used.length === 0) return 'invalid' as const;
          const added = await tx
            .insert(orgMembers)
            .values({ orgId: invitation.orgId, userId, role: invitation.role })
            .onConflictDoNothing()
            .returning({ userId: orgMembers.userId });
          if (added.length === 0) throw new Rollback();
          return 'accepted' as const;
        });
      } catch (error) {
        if (error instanceof Rollback) return 'already_member';
        throw error;
      }
    },
  };
}
