import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid, jsonb, bigint } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';
import { interviews } from '../interviews/interviews.tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Server-side sessions. The cookie carries a random 256-bit token; only its
 * SHA-256 is stored, so a database leak does not leak live sessions.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: idColumn(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The org the user is working in; switching orgs updates it. */
    activeOrgId: uuid('active_org_id').references(() => orgs.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    /** Absolute expiry: the session ends then however active it is. */
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const USER_TOKEN_KINDS = ['verify_email', 'reset_password', 'change_email'] as const;

/** Single-use, expiring tokens sent by e-mail; stored hashed. */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: USER_TOKEN_KINDS }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    data: jsonb('data').$type<Record<string, string>>().notNull().default({}),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('user_tokens_user_idx').on(t.userId, t.kind),
    check('user_tokens_kind_check', sql`${t.kind} in ('verify_email', 'reset_password', 'change_email')`),
  ],
);

/** TOTP second factor; `lastUsedStep` refuses a replay of a code already accepted. */
export const userTotp = pgTable('user_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  enabledAt: ts('enabled_at'),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: createdAt(),
});

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/** Sign-in throttling when no Redis is configured: failures per key (account or IP) with backoff. */
export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: ts('locked_until'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Links an external identity (OIDC issuer + subject) to a user. */
export const oauthAccounts = pgTable(
  'oauth_accounts',
  {
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text('email'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] }), index('oauth_accounts_user_idx').on(t.userId)],
);

export const GUEST_ROLES = ['candidate', 'interviewer', 'observer'] as const;

/**
 * Room guests: someone who joined through an interview's invite link without
 * an account. A guest principal is bound to exactly one interview and one role;
 * the cookie carries a random token, only its hash is stored.
 */
export const guestSessions = pgTable(
  'guest_sessions',
  {
    id: idColumn(),
    tokenHash: text('token_hash').notNull().unique(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    role: text('role', { enum: GUEST_ROLES }).notNull(),
    displayName: text('display_name').notNull(),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [
    index('guest_sessions_interview_idx').on(t.interviewId),
    check('guest_sessions_role_check', sql`${t.role} in ('candidate', 'interviewer', 'observer')`),
  ],
);
