import { RECOMMENDATIONS, SCORECARD_STATUSES, TEMPLATE_STATUSES, type Competency } from '@interviewselect/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';
import { interviewQuestions, interviews } from '../interviews/interviews.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import { problemVersions } from '../questions/questions.tables.js';
import { users } from '../users/users.tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A scorecard template of one organisation: identity, status and which
 * version is current. Content lives in versions. `builtin_key` marks the
 * shipped default seeded on first use (unique per org, so seeding is idempotent).
 */
export const scorecardTemplates = pgTable(
  'scorecard_templates',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    status: text('status', { enum: TEMPLATE_STATUSES }).notNull().default('active'),
    isDefault: boolean('is_default').notNull().default(false),
    builtinKey: text('builtin_key'),
    currentVersionId: uuid('current_version_id').references((): AnyPgColumn => scorecardTemplateVersions.id, {
      onDelete: 'set null',
    }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('scorecard_templates_org_idx').on(t.orgId, t.status),
    uniqueIndex('scorecard_templates_default_idx')
      .on(t.orgId)
      .where(sql`${t.isDefault}`),
    uniqueIndex('scorecard_templates_builtin_idx')
      .on(t.orgId, t.builtinKey)
      .where(sql`${t.builtinKey} is not null`),
    check('scorecard_templates_status_check', sql`${t.status} in ('active', 'archived')`),
    check('scorecard_templates_default_active_check', sql`not ${t.isDefault} or ${t.status} = 'active'`),
  ],
);

/**
 * One version of a template, whole and IMMUTABLE (a trigger in the migration
 * refuses content changes): scorecards point at the version they were filled
 * with, so an old scorecard reads exactly as its author saw it.
 */
export const scorecardTemplateVersions = pgTable(
  'scorecard_template_versions',
  {
    id: idColumn(),
    templateId: uuid('template_id')
      .notNull()
      .references((): AnyPgColumn => scorecardTemplates.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    competencies: jsonb('competencies').$type<Competency[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('scorecard_template_versions_template_version_idx').on(t.templateId, t.version)],
);

/**
 * One interviewer's scorecard for one interview: a draft (revision bumped by
 * every save, for optimistic concurrency) until submitted, then locked (a
 * trigger refuses content changes). Ratings and question scores live in
 * their own tables so dashboards aggregate them with SQL.
 */
export const scorecards = pgTable(
  'scorecards',
  {
    id: idColumn(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    templateVersionId: uuid('template_version_id')
      .notNull()
      .references(() => scorecardTemplateVersions.id, { onDelete: 'restrict' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The author's name when they wrote it (kept if the account goes). */
    authorName: text('author_name').notNull(),
    status: text('status', { enum: SCORECARD_STATUSES }).notNull().default('draft'),
    revision: integer('revision').notNull().default(0),
    recommendation: text('recommendation', { enum: RECOMMENDATIONS }),
    strengths: text('strengths').notNull().default(''),
    weaknesses: text('weaknesses').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    submittedAt: ts('submitted_at'),
  },
  (t) => [
    uniqueIndex('scorecards_interview_author_idx')
      .on(t.interviewId, t.authorUserId)
      .where(sql`${t.authorUserId} is not null`),
    index('scorecards_author_idx').on(t.authorUserId),
    index('scorecards_template_version_idx').on(t.templateVersionId),
    check('scorecards_status_check', sql`${t.status} in ('draft', 'submitted')`),
    check(
      'scorecards_recommendation_check',
      sql`${t.recommendation} is null or ${t.recommendation} in ('strong_no_hire', 'no_hire', 'hire', 'strong_hire')`,
    ),
    check(
      'scorecards_submitted_check',
      sql`(${t.status} = 'submitted') = (${t.submittedAt} is not null) and (${t.status} = 'draft' or ${t.recommendation} is not null)`,
    ),
  ],
);

/** One competency rating of a scorecard (score null while drafting). */
export const scorecardRatings = pgTable(
  'scorecard_ratings',
  {
    scorecardId: uuid('scorecard_id')
      .notNull()
      .references(() => scorecards.id, { onDelete: 'cascade' }),
    competencyKey: text('competency_key').notNull(),
    score: integer('score'),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.scorecardId, t.competencyKey] }),
    index('scorecard_ratings_competency_idx').on(t.competencyKey),
  ],
);

/**
 * The scorecard's take on one question asked (interview_questions): score,
 * the candidate's response, hints given. `problem_version_id` is copied from
 * the question so dashboards can group by problem without joining interviews.
 */
export const scorecardQuestionScores = pgTable(
  'scorecard_question_scores',
  {
    scorecardId: uuid('scorecard_id')
      .notNull()
      .references(() => scorecards.id, { onDelete: 'cascade' }),
    interviewQuestionId: uuid('interview_question_id')
      .notNull()
      .references(() => interviewQuestions.id, { onDelete: 'cascade' }),
    problemVersionId: uuid('problem_version_id').references(() => problemVersions.id, { onDelete: 'set null' }),
    score: integer('score'),
    response: text('response').notNull().default(''),
    hints: text('hints').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.scorecardId, t.interviewQuestionId] }),
    index('scorecard_question_scores_problem_version_idx')
      .on(t.problemVersionId)
      .where(sql`${t.problemVersionId} is not null`),
    check('scorecard_question_scores_score_check', sql`${t.score} is null or ${t.score} between 1 and 4`),
  ],
);
