import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';
import { interviews } from '../interviews/interviews.tables.js';
import { users } from '../users/users.tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Read-only links to an interview's report for people outside the
 * organisation (hiring managers): a random token stored hashed, an expiry,
 * revocable; every opening is audited (`report.share_opened`). The report is
 * frozen when the link is made: the recipient sees exactly what the sharer saw.
 */
export const reportShares = pgTable(
  'report_shares',
  {
    id: idColumn(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token (hex); the token itself is shown once, at creation. */
    tokenHash: text('token_hash').notNull().unique(),
    /** Who it is for, as the sharer typed it (shown in the list and the audit log). */
    label: text('label').notNull(),
    includeReplay: boolean('include_replay').notNull().default(false),
    /** The InterviewReport as the sharer saw it when sharing. */
    report: jsonb('report').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastOpenedAt: ts('last_opened_at'),
    openCount: integer('open_count').notNull().default(0),
  },
  (t) => [index('report_shares_interview_idx').on(t.interviewId, t.createdAt)],
);

/**
 * What the organisation released to the candidate after the interview (their
 * history shows it), frozen when released.
 */
export const interviewReleases = pgTable('interview_releases', {
  interviewId: uuid('interview_id')
    .primaryKey()
    .references(() => interviews.id, { onDelete: 'cascade' }),
  feedback: text('feedback').notNull().default(''),
  includeCode: boolean('include_code').notNull().default(false),
  includeSolution: boolean('include_solution').notNull().default(false),
  /** Frozen at release: the candidate's final code per language (when included). */
  code: jsonb('code'),
  /** Frozen at release: reference solutions of the bank questions asked (when included). */
  solutions: jsonb('solutions'),
  releasedBy: uuid('released_by').references(() => users.id, { onDelete: 'set null' }),
  releasedAt: ts('released_at').notNull(),
});

/** The report's narrative summary: AI-written (then maybe edited by a person) or written by a person. */
export const reportNarratives = pgTable(
  'report_narratives',
  {
    interviewId: uuid('interview_id')
      .primaryKey()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    /** `ai`: as generated; `ai_edited`: generated, then edited; `human`: written by a person. */
    source: text('source', { enum: ['ai', 'ai_edited', 'human'] }).notNull(),
    model: text('model'),
    generatedAt: ts('generated_at'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [check('report_narratives_source_check', sql`${t.source} in ('ai', 'ai_edited', 'human')`)],
);
