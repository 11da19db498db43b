import { INTERVIEW_STATUSES, ROOM_ROLES } from '@interviewselect/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';
import { orgs } from '../orgs/orgs.tables.js';
import { problemVersions } from '../questions/questions.tables.js';
import { citext, users } from '../users/users.tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** An org's applicant record; linked to a user account when the candidate has one (matched by verified e-mail). */
export const candidates = pgTable(
  'candidates',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: citext('email').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** IANA zone the candidate last picked a slot in (self-scheduling); their e-mails use it, else UTC. */
    timeZone: text('time_zone'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('candidates_org_email_idx').on(t.orgId, t.email), index('candidates_user_idx').on(t.userId)],
);

/** One interview: draft → scheduled → live ⇄ paused → ended, or cancelled (interview_transitions keeps who and when). */
export const interviews = pgTable(
  'interviews',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    status: text('status', { enum: INTERVIEW_STATUSES }).notNull().default('draft'),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'restrict' }),
    plannedStart: ts('planned_start'),
    durationMinutes: integer('duration_minutes').notNull(),
    defaultLanguage: text('default_language').notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    recordingAllowed: boolean('recording_allowed').notNull().default(false),
    integritySignals: boolean('integrity_signals').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    startedAt: ts('started_at'),
    endedAt: ts('ended_at'),
  },
  (t) => [
    index('interviews_org_start_idx').on(t.orgId, t.plannedStart),
    index('interviews_org_status_idx').on(t.orgId, t.status),
    index('interviews_candidate_idx').on(t.candidateId),
    check(
      'interviews_status_check',
      sql`${t.status} in ('draft', 'scheduled', 'live', 'paused', 'ended', 'cancelled')`,
    ),
    check('interviews_duration_check', sql`${t.durationMinutes} between 5 and 480`),
  ],
);

/**
 * Everyone with a place in a room: the interviewers (org members), the
 * candidate (a guest or an account) and observers. `labelIndex` numbers
 * interviewers for anonymous mode (“Interviewer 1”).
 */
export const interviewParticipants = pgTable(
  'interview_participants',
  {
    id: idColumn(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROOM_ROLES }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The guest session (guest_sessions.id) of someone who joined through a link without an account. */
    guestSessionId: uuid('guest_session_id'),
    displayName: text('display_name').notNull(),
    labelIndex: integer('label_index').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('interview_participants_interview_idx').on(t.interviewId),
    uniqueIndex('interview_participants_user_idx')
      .on(t.interviewId, t.userId)
      .where(sql`${t.userId} is not null`),
    index('interview_participants_user_only_idx').on(t.userId),
    check('interview_participants_role_check', sql`${t.role} in ('candidate', 'interviewer', 'observer')`),
  ],
);

/** Free-form questions (the question bank replaces them with problem versions). */
export const interviewQuestions = pgTable(
  'interview_questions',
  {
    id: idColumn(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    prompt: text('prompt').notNull(),
    interviewerNotes: text('interviewer_notes').notNull().default(''),
    /** The question bank version asked (null for free-form questions); kept when the problem gets newer versions. */
    problemVersionId: uuid('problem_version_id').references(() => problemVersions.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('interview_questions_position_idx').on(t.interviewId, t.position),
    index('interview_questions_problem_version_idx')
      .on(t.problemVersionId)
      .where(sql`${t.problemVersionId} is not null`),
  ],
);

/** Every lifecycle change, with who and when (append-only). */
export const interviewTransitions = pgTable(
  'interview_transitions',
  {
    id: idColumn(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: INTERVIEW_STATUSES }),
    toStatus: text('to_status', { enum: INTERVIEW_STATUSES }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    reason: text('reason'),
    at: ts('at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('interview_transitions_interview_idx').on(t.interviewId, t.at)],
);

/**
 * Invite links, one active per role (the partial unique index): a random
 * 256-bit token of which only the SHA-256 is stored; expiry, optional single
 * use, revocable; regenerating revokes the previous link of that role.
 */
export const interviewLinks = pgTable(
  'interview_links',
  {
    id: idColumn(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROOM_ROLES }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: ts('expires_at').notNull(),
    singleUse: boolean('single_use').notNull().default(false),
    uses: integer('uses').notNull().default(0),
    revokedAt: ts('revoked_at'),
    emailedTo: citext('emailed_to'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('interview_links_active_idx')
      .on(t.interviewId, t.role)
      .where(sql`${t.revokedAt} is null`),
    check('interview_links_role_check', sql`${t.role} in ('candidate', 'interviewer', 'observer')`),
  ],
);
