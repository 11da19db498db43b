import { PLATFORM_ROLES } from '@interviewselect/contracts';
import { sql } from 'drizzle-orm';
import { check, customType, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';

/** PostgreSQL `citext`: e-mail addresses compare case-insensitively. */
export const citext = customType<{ data: string }>({
  dataType: () => 'citext',
});

export const USER_STATUSES = ['active', 'suspended'] as const;

export const users = pgTable(
  'users',
  {
    id: idColumn(),
    email: citext('email').notNull().unique(),
    name: text('name').notNull(),
    /** argon2id hash; null for accounts that only sign in through OIDC. */
    passwordHash: text('password_hash'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true, mode: 'date' }),
    platformRole: text('platform_role', { enum: PLATFORM_ROLES }).notNull().default('user'),
    status: text('status', { enum: USER_STATUSES }).notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('users_platform_role_check', sql`${t.platformRole} in ('user', 'admin')`),
    check('users_status_check', sql`${t.status} in ('active', 'suspended')`),
  ],
);

export type UserRow = typeof users.$inferSelect;
