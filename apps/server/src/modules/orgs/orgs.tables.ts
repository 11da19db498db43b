import { ORG_ROLES } from '@interviewselect/contracts';
import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';
import { citext, users } from '../users/users.tables.js';

export const orgs = pgTable('orgs', {
  id: idColumn(),
  name: text('name').notNull(),
  slug: citext('slug').notNull().unique(),
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

export type OrgRow = typeof orgs.$inferSelect;
export type OrgMemberRow = typeof orgMembers.$inferSelect;
