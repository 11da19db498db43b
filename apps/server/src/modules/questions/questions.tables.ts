import type { Comparator, ProblemPackage } from '@interviewselect/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Full-text search document; written with to_tsvector() by the repo. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

type PerLanguage = ProblemPackage['starterCode'];

/**
 * A problem: owned by one organisation, or by the public library (org_id
 * null, seeded from apps/server/library). Its content lives in versions; the
 * columns from `title` to `search_document` copy the LISTED version (the
 * current published one, else the draft) so the bank is searched in one
 * table. Usage counters are refreshed from executions and interviews.
 */
export const problems = pgTable(
  'problems',
  {
    id: idColumn(),
    orgId: uuid('org_id').references(() => orgs.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    status: text('status', { enum: ['draft', 'published', 'archived'] })
      .notNull()
      .default('draft'),
    currentVersionId: uuid('current_version_id').references((): AnyPgColumn => problemVersions.id, {
      onDelete: 'set null',
    }),
    /** The working draft (unpublished version), if any. */
    draftVersionId: uuid('draft_version_id').references((): AnyPgColumn => problemVersions.id, {
      onDelete: 'set null',
    }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    difficulty: text('difficulty', { enum: ['easy', 'medium', 'hard'] }).notNull(),
    category: text('category').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Languages with starter code. */
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** lower(title + tags): what fuzzy (trigram) matching runs on. */
    searchTitle: text('search_title').notNull(),
    searchDocument: tsvector('search_document').notNull(),
    timesUsed: integer('times_used').notNull().default(0),
    submitCount: integer('submit_count').notNull().default(0),
    acceptedCount: integer('accepted_count').notNull().default(0),
    /** Null until the room records when a question starts and is solved. */
    avgSolveMinutes: real('avg_solve_minutes'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('problems_public_slug_idx')
      .on(t.slug)
      .where(sql`${t.orgId} is null`),
    uniqueIndex('problems_org_slug_idx')
      .on(t.orgId, t.slug)
      .where(sql`${t.orgId} is not null`),
    // Migration 0010 sets fastupdate = off on these three GIN indexes (no pending list: PGlite has no autovacuum).
    index('problems_search_title_trgm_idx').using('gin', sql`${t.searchTitle} gin_trgm_ops`),
    index('problems_search_document_idx').using('gin', t.searchDocument),
    index('problems_tags_idx').using('gin', t.tags),
    index('problems_org_status_idx').on(t.orgId, t.status),
    check('problems_status_check', sql`${t.status} in ('draft', 'published', 'archived')`),
  ],
);

/**
 * One version of a problem, whole. A version with published_at set is
 * IMMUTABLE: a trigger (migration 0008) refuses to update it or its test cases;
 * interviews and executions point at versions, so their reports never change.
 */
export const problemVersions = pgTable(
  'problem_versions',
  {
    id: idColumn(),
    problemId: uuid('problem_id')
      .notNull()
      .references((): AnyPgColumn => problems.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** sha256 of the canonical package JSON: the library seed skips unchanged files. */
    contentHash: text('content_hash').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    difficulty: text('difficulty', { enum: ['easy', 'medium', 'hard'] }).notNull(),
    category: text('category', {
      enum: ['coding', 'sql', 'system_design', 'behavioural', 'frontend'],
    }).notNull(),
    tags: text('tags').array().notNull(),
    statement: text('statement').notNull(),
    constraints: text('constraints').notNull(),
    examples: jsonb('examples').$type<ProblemPackage['examples']>().notNull(),
    timeLimitMs: integer('time_limit_ms').notNull(),
    memoryLimitMb: integer('memory_limit_mb').notNull(),
    estimatedMinutes: integer('estimated_minutes').notNull(),
    comparator: jsonb('comparator').$type<Comparator>().notNull(),
    starterCode: jsonb('starter_code').$type<PerLanguage>().notNull(),
    referenceSolutions: jsonb('reference_solutions').$type<PerLanguage>().notNull(),
    interviewerGuide: jsonb('interviewer_guide').$type<ProblemPackage['interviewerGuide']>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    publishedAt: ts('published_at'),
  },
  (t) => [uniqueIndex('problem_versions_problem_version_idx').on(t.problemId, t.version)],
);

/** Test cases of a version; inputs and outputs up to a few MB are TOAST-compressed text. */
export const testCases = pgTable(
  'test_cases',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => problemVersions.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    name: text('name').notNull(),
    input: text('input').notNull(),
    expectedOutput: text('expected_output').notNull(),
    hidden: boolean('hidden').notNull(),
    weight: integer('weight').notNull(),
    comparator: jsonb('comparator').$type<Comparator>(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.ordinal] })],
);

/** One attempt to publish a version: every reference solution against every test. */
export const problemVerifications = pgTable(
  'problem_verifications',
  {
    id: idColumn(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => problemVersions.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['running', 'passed', 'failed'] })
      .notNull()
      .default('running'),
    results: jsonb('results').$type<unknown[]>().notNull().default([]),
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('problem_verifications_problem_idx').on(t.problemId, t.createdAt),
    check('problem_verifications_status_check', sql`${t.status} in ('running', 'passed', 'failed')`),
  ],
);

/** The executions a verification started (one per reference language); they never count as usage. */
export const verificationRuns = pgTable(
  'verification_runs',
  {
    verificationId: uuid('verification_id')
      .notNull()
      .references(() => problemVerifications.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    executionId: uuid('execution_id').notNull().unique(),
  },
  (t) => [primaryKey({ columns: [t.verificationId, t.language] })],
);

export type ProblemRow = typeof problems.$inferSelect;
export type ProblemVersionRow = typeof problemVersions.$inferSelect;
export type TestCaseRow = typeof testCases.$inferSelect;
export type VerificationRow = typeof problemVerifications.$inferSelect;
