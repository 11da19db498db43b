import type { InterviewListQuerySchema, InterviewStatus, RoomRole } from '@interviewselect/contracts';
import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, isNull, lte, max, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { writeInterviewEdit, type InterviewEdit } from './interview-edit.repo.js';
import { orgMembers, orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';
import {
  candidates,
  interviewLinks,
  interviewParticipants,
  interviewQuestions,
  interviews,
  interviewTransitions,
} from './interviews.tables.js';

export type InterviewsRepo = ReturnType<typeof createInterviewsRepo>;
export type InterviewRow = typeof interviews.$inferSelect;
export type ParticipantRow = typeof interviewParticipants.$inferSelect;
export type QuestionRow = typeof interviewQuestions.$inferSelect;
export type TransitionRow = typeof interviewTransitions.$inferSelect;
export type LinkRow = typeof interviewLinks.$inferSelect;
export type CandidateRow = typeof candidates.$inferSelect;

/** Everything the detail view needs, loaded in one go. */
export interface InterviewAggregate {
  interview: InterviewRow;
  orgName: string;
  candidate: CandidateRow;
  participants: ParticipantRow[];
  questions: QuestionRow[];
  transitions: TransitionRow[];
  createdByName: string | null;
}

export interface NewQuestion {
  title: string;
  prompt: string;
  interviewerNotes: string;
  /** The question-bank version asked, or null (free-form). */
  problemVersionId: string | null;
}

type ListQuery = z.output<typeof InterviewListQuerySchema>;

/** Escapes LIKE wildcards in a user's search text. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createInterviewsRepo(db: Db) {
  async function loadAggregate(id: string): Promise<InterviewAggregate | null> {
    const [head] = await db
      .select({ interview: interviews, orgName: orgs.name, candidate: candidates, createdByName: users.name })
      .from(interviews)
      .innerJoin(orgs, eq(orgs.id, interviews.orgId))
      .innerJoin(candidates, eq(candidates.id, interviews.candidateId))
      .leftJoin(users, eq(users.id, interviews.createdBy))
      .where(eq(interviews.id, id))
      .limit(1);
    if (!head) return null;
    const [participants, questions, transitions] = await Promise.all([
      db
        .select()
        .from(interviewParticipants)
        .where(eq(interviewParticipants.interviewId, id))
        .orderBy(asc(interviewParticipants.role), asc(interviewParticipants.labelIndex)),
      db
        .select()
        .from(interviewQuestions)
        .where(eq(interviewQuestions.interviewId, id))
        .orderBy(asc(interviewQuestions.position)),
      db
        .select()
        .from(interviewTransitions)
        .where(eq(interviewTransitions.interviewId, id))
        .orderBy(asc(interviewTransitions.at), asc(interviewTransitions.id)),
    ]);
    return { ...head, participants, questions, transitions };
  }

  return {
    loadAggregate,

    async findInterview(id: string): Promise<InterviewRow | null> {
      const [row] = await db.select().from(interviews).where(eq(interviews.id, id)).limit(1);
      return row ?? null;
    },

    /** Members of the org with the given user ids (to validate co-interviewers). */
    async orgMembersAmong(orgId: string, userIds: string[]): Promise<{ userId: string; name: string; role: string }[]> {
      if (userIds.length === 0) return [];
      return db
        .select({ userId: orgMembers.userId, name: users.name, role: orgMembers.role })
        .from(orgMembers)
        .innerJoin(users, eq(users.id, orgMembers.userId))
        .where(and(eq(orgMembers.orgId, orgId), inArray(orgMembers.userId, userIds)));
    },

    /** The verified account with this e-mail, if any (a candidate's history links to it). */
    async verifiedUserByEmail(email: string): Promise<string | null> {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, email), isNotNull(users.emailVerifiedAt)))
        .limit(1);
      return row?.id ?? null;
    },

    /**
     * Creates the interview with its candidate record (upserted by org + e-mail),
     * participants, questions and first transition, in one transaction.
     */
    async createInterview(input: {
      interview: Omit<typeof interviews.$inferInsert, 'candidateId'>;
      candidate: { name: string; email: string; userId: string | null };
      interviewers: { userId: string; name: string }[];
      questions: NewQuestion[];
      actor: { userId: string; name: string };
      at: Date;
    }): Promise<string> {
      return db.transaction(async (tx) => {
        const [candidate] = await tx
          .insert(candidates)
          .values({ orgId: input.interview.orgId, ...input.candidate })
          .onConflictDoUpdate({
            target: [candidates.orgId, candidates.email],
            set: { name: input.candidate.name, userId: sql`coalesce(${candidates.userId}, excluded.user_id)` },
          })
          .returning();
        if (!candidate) throw new Error('candidate upsert returned no row');
        const [row] = await tx
          .insert(interviews)
          .values({ ...input.interview, candidateId: candidate.id })
          .returning();
        if (!row) throw new Error('interview insert returned no row');
        await tx.insert(interviewParticipants).values([
          ...input.interviewers.map((p, i) => ({
            interviewId: row.id,
            role: 'interviewer' as const,
            userId: p.userId,
            displayName: p.name,
            labelIndex: i + 1,
          })),
          {
            interviewId: row.id,
            role: 'candidate' as const,
            userId: candidate.userId,
            displayName: candidate.name,
            labelIndex: 1,
          },
        ]);
        if (input.questions.length > 0) {
          await tx
            .insert(interviewQuestions)
            .values(input.questions.map((q, i) => ({ interviewId: row.id, position: i + 1, ...q })));
        }
        await tx.insert(interviewTransitions).values({
          interviewId: row.id,
          fromStatus: null,
          toStatus: row.status,
          actorUserId: input.actor.userId,
          actorName: input.actor.name,
          at: input.at,
        });
        return row.id;
      });
    },

    /** Applies an edit of a draft/scheduled interview; false when it is no longer editable. */
    /** Writes an edit inside a transaction that holds the interview's row lock (a re-booking's). */
    writeEdit: (tx: Db, id: string, change: InterviewEdit) => writeInterviewEdit(tx, id, change),

    /**
     * Writes an edit of a draft or scheduled interview (`statuses` narrows
     * which); false when it is in neither any more (a concurrent change won).
     */
    async updateInterview(
      id: string,
      change: InterviewEdit,
      statuses: readonly InterviewStatus[] = ['draft', 'scheduled'],
    ): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [locked] = await tx
          .select({ id: interviews.id })
          .from(interviews)
          .where(and(eq(interviews.id, id), inArray(interviews.status, [...statuses])))
          .for('update');
        if (!locked) return false;
        await writeInterviewEdit(tx, id, change);
        return true;
      });
    },

    /**
     * Moves the interview from one of `from` to `to` atomically and records the
     * transition; null when its status was not in `from` (a concurrent change won).
     */
    async transition(input: {
      id: string;
      from: readonly InterviewStatus[];
      to: InterviewStatus;
      actor: { userId: string; name: string };
      reason: string | null;
      at: Date;
    }): Promise<InterviewStatus | null> {
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select({ status: interviews.status, startedAt: interviews.startedAt })
          .from(interviews)
          .where(and(eq(interviews.id, input.id), inArray(interviews.status, [...input.from])))
          .for('update');
        if (!before) return null;
        const fields: Partial<typeof interviews.$inferInsert> = { status: input.to };
        if (input.to === 'live' && !before.startedAt) fields.startedAt = input.at;
        if (input.to === 'ended' || input.to === 'cancelled') fields.endedAt = input.at;
        await tx.update(interviews).set(fields).where(eq(interviews.id, input.id));
        await tx.insert(interviewTransitions).values({
          interviewId: input.id,
          fromStatus: before.status,
          toStatus: input.to,
          actorUserId: input.actor.userId,
          actorName: input.actor.name,
          reason: input.reason,
          at: input.at,
        });
        return before.status;
      });
    },

    async list(q: ListQuery) {
      const where: SQL[] = [eq(interviews.orgId, q.orgId)];
      if (q.status) where.push(eq(interviews.status, q.status));
      if (q.from) where.push(gte(interviews.plannedStart, new Date(q.from)));
      if (q.to) where.push(lte(interviews.plannedStart, new Date(q.to)));
      if (q.interviewerId) {
        where.push(
          inArray(
            interviews.id,
            db
              .select({ id: interviewParticipants.interviewId })
              .from(interviewParticipants)
              .where(
                and(eq(interviewParticipants.userId, q.interviewerId), eq(interviewParticipants.role, 'interviewer')),
              ),
          ),
        );
      }
      if (q.candidate) {
        const pattern = likePattern(q.candidate);
        const match = or(ilike(candidates.name, pattern), ilike(candidates.email, pattern));
        if (match) where.push(match);
      }
      const sortColumn = {
        plannedStart: interviews.plannedStart,
        createdAt: interviews.createdAt,
        title: interviews.title,
        status: interviews.status,
      }[q.sort];
      const direction = q.order === 'asc' ? asc : desc;
      const rows = await db
        .select({
          interview: interviews,
          candidateName: candidates.name,
          total: sql<number>`count(*) over ()`.mapWith(Number),
        })
        .from(interviews)
        .innerJoin(candidates, eq(candidates.id, interviews.candidateId))
        .where(and(...where))
        .orderBy(
          q.sort === 'plannedStart' ? sql`${sortColumn} ${sql.raw(q.order)} nulls last` : direction(sortColumn),
          desc(interviews.id),
        )
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const ids = rows.map((r) => r.interview.id);
      const people =
        ids.length === 0
          ? []
          : await db
              .select({ interviewId: interviewParticipants.interviewId, name: interviewParticipants.displayName })
              .from(interviewParticipants)
              .where(
                and(inArray(interviewParticipants.interviewId, ids), eq(interviewParticipants.role, 'interviewer')),
              )
              .orderBy(asc(interviewParticipants.labelIndex));
      return { rows, people, total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
    },

    async participantForUser(interviewId: string, userId: string): Promise<ParticipantRow | null> {
      const [row] = await db
        .select()
        .from(interviewParticipants)
        .where(and(eq(interviewParticipants.interviewId, interviewId), eq(interviewParticipants.userId, userId)))
        .limit(1);
      return row ?? null;
    },

    async participantForGuest(interviewId: string, guestSessionId: string): Promise<ParticipantRow | null> {
      const [row] = await db
        .select()
        .from(interviewParticipants)
        .where(
          and(
            eq(interviewParticipants.interviewId, interviewId),
            eq(interviewParticipants.guestSessionId, guestSessionId),
          ),
        )
        .limit(1);
      return row ?? null;
    },

    async participants(interviewId: string): Promise<ParticipantRow[]> {
      return db
        .select()
        .from(interviewParticipants)
        .where(eq(interviewParticipants.interviewId, interviewId))
        .orderBy(asc(interviewParticipants.role), asc(interviewParticipants.labelIndex));
    },

    /**
     * Gives someone who opened a link their place: the candidate link binds the
     * interview's one candidate participant; interviewer/observer links add a row.
     */
    async bindParticipant(input: {
      interviewId: string;
      role: RoomRole;
      userId: string | null;
      guestSessionId: string | null;
      displayName: string;
    }): Promise<ParticipantRow> {
      return db.transaction(async (tx) => {
        if (input.role === 'candidate') {
          const [row] = await tx
            .update(interviewParticipants)
            .set({ userId: input.userId, guestSessionId: input.guestSessionId, displayName: input.displayName })
            .where(
              and(
                eq(interviewParticipants.interviewId, input.interviewId),
                eq(interviewParticipants.role, 'candidate'),
              ),
            )
            .returning();
          if (row) return row;
        }
        const [top] = await tx
          .select({ n: max(interviewParticipants.labelIndex) })
          .from(interviewParticipants)
          .where(
            and(eq(interviewParticipants.interviewId, input.interviewId), eq(interviewParticipants.role, input.role)),
          );
        const [row] = await tx
          .insert(interviewParticipants)
          .values({ ...input, labelIndex: (top?.n ?? 0) + 1 })
          .returning();
        if (!row) throw new Error('participant insert returned no row');
        return row;
      });
    },

    // Links

    async listLinks(interviewId: string): Promise<LinkRow[]> {
      return db
        .select()
        .from(interviewLinks)
        .where(eq(interviewLinks.interviewId, interviewId))
        .orderBy(desc(interviewLinks.createdAt));
    },

    /** Revokes the active link of the role (if any) and creates the new one, atomically. */
    async replaceLink(values: typeof interviewLinks.$inferInsert, at: Date): Promise<LinkRow> {
      return db.transaction(async (tx) => {
        await tx
          .update(interviewLinks)
          .set({ revokedAt: at })
          .where(
            and(
              eq(interviewLinks.interviewId, values.interviewId),
              eq(interviewLinks.role, values.role),
              isNull(interviewLinks.revokedAt),
            ),
          );
        const [row] = await tx.insert(interviewLinks).values(values).returning();
        if (!row) throw new Error('link insert returned no row');
        return row;
      });
    },

    async revokeLink(interviewId: string, linkId: string, at: Date): Promise<LinkRow | null> {
      const [row] = await db
        .update(interviewLinks)
        .set({ revokedAt: sql`coalesce(${interviewLinks.revokedAt}, ${at})` })
        .where(and(eq(interviewLinks.id, linkId), eq(interviewLinks.interviewId, interviewId)))
        .returning();
      return row ?? null;
    },

    async findLinkByHash(tokenHash: string): Promise<LinkRow | null> {
      const [row] = await db.select().from(interviewLinks).where(eq(interviewLinks.tokenHash, tokenHash)).limit(1);
      return row ?? null;
    },

    /** Counts one use of a link if it still works (single-use links work once); false when it does not. */
    async consumeLink(linkId: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(interviewLinks)
        .set({ uses: sql`${interviewLinks.uses} + 1` })
        .where(
          and(
            eq(interviewLinks.id, linkId),
            isNull(interviewLinks.revokedAt),
            sql`${interviewLinks.expiresAt} > ${at}`,
            or(eq(interviewLinks.singleUse, false), eq(interviewLinks.uses, 0)),
          ),
        )
        .returning({ id: interviewLinks.id });
      return rows.length === 1;
    },

    async orgName(orgId: string): Promise<string> {
      const [row] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId)).limit(1);
      return row?.name ?? '';
    },

    /** A user's own interviews: where they have a place, or where they are the candidate on record. */
    async interviewsOfUser(userId: string) {
      return db
        .selectDistinctOn([interviews.id], {
          interview: interviews,
          orgName: orgs.name,
          role: sql<RoomRole>`coalesce(${interviewParticipants.role}, 'candidate')`,
        })
        .from(interviews)
        .innerJoin(orgs, eq(orgs.id, interviews.orgId))
        .innerJoin(candidates, eq(candidates.id, interviews.candidateId))
        .leftJoin(
          interviewParticipants,
          and(eq(interviewParticipants.interviewId, interviews.id), eq(interviewParticipants.userId, userId)),
        )
        .where(or(eq(interviewParticipants.userId, userId), eq(candidates.userId, userId)))
        .orderBy(interviews.id);
    },
  };
}
