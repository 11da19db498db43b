import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';

/**
 * Append-only audit log. Each row's `hash` is sha256(prev_hash + canonical
 * row content), so deleting or editing a row breaks the chain detectably.
 * `seq` orders the chain; it is assigned under an advisory lock.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: idColumn(),
    seq: bigint('seq', { mode: 'number' }).notNull().unique(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    orgId: uuid('org_id').references(() => orgs.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    userAgent: text('user_agent'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('audit_events_org_idx').on(t.orgId, t.seq), index('audit_events_actor_idx').on(t.actorUserId)],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
