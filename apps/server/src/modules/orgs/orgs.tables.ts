import { ORG_ROLES } from '@interviewselect/contracts';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';
import { citext, users } from '../users/users.tables.js';

export const orgs = pgTable('orgs', {
  id: idColumn(),
  name: text('name').notNull(),
  slug: citext('slug').notNull().unique(),
  /** Recordings older than this many days are deleted by the retention job. */
  recordingRetentionDays: integer('recording_retention_days').notNull().default(90),
  createdAt: createdAt(),
});

export const orgMembers = pgTable(
  'org_members',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ORG_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    index('org_members_user_idx').on(t.userId),
    check('org_members_role_check', sql`${t.role} in ('owner', 'admin', 'interviewer', 'recruiter', 'viewer')`),
  ],
);

/**
 * Invitations to join an organisation, e-mailed as a link. Only the SHA-256
 * of the link's 256-bit token is stored. At most one invitation per address
 * and org is pending (the partial unique index): re-inviting revokes the old one.
 */
export const orgInvitations = pgTable(
  'org_invitations',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    email: citext('email').notNull(),
    role: text('role', { enum: ORG_ROLES }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('org_invitations_pending_idx')
      .on(t.orgId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    check('org_invitations_role_check', sql`${t.role} in ('owner', 'admin', 'interviewer', 'recruiter', 'viewer')`),
  ],
);

export type OrgRow = typeof orgs.$inferSelect;
export type OrgMemberRow = typeof orgMembers.$inferSelect;
export type OrgInvitationRow = typeof orgInvitations.$inferSelect;
