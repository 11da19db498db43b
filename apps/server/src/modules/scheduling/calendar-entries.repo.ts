import { and, asc, eq, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { candidates, interviewParticipants, interviews } from '../interviews/interviews.tables.js';
import { orgMembers } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';

export type CalendarEntriesRepo = ReturnType<typeof createCalendarEntriesRepo>;

/** The places people other than the candidate hold in an interview (the calendar's panel and the viewer's role). */
const STAFF_ROLES = ['interviewer', 'observer'] as const;

/** SQL of the calendar views: interviews with a time overlapping a range, and who sits on them. */
export function createCalendarEntriesRepo(db: Db) {
  return {
    /**
     * Interviews of the org with a time (never drafts) that overlap [from, to).
     * `people` limits them to those where one of these users sits in `roles`.
     */
    async interviewsBetween(q: {
      orgId: string;
      from: Date;
      to: Date;
      people?: { userIds: string[]; roles: readonly ('interviewer' | 'observer')[] };
    }) {
      const ends = sql`${interviews.plannedStart} + make_interval(mins => ${interviews.durationMinutes})`;
      const where = [
        eq(interviews.orgId, q.orgId),
        ne(interviews.status, 'draft'),
        isNotNull(interviews.plannedStart),
        lt(interviews.plannedStart, q.to),
        sql`${ends} > ${q.from.toISOString()}::timestamptz`,
      ];
      if (q.people) {
        where.push(
          inArray(
            interviews.id,
            db
              .select({ id: interviewParticipants.interviewId })
              .from(interviewParticipants)
              .where(
                and(
                  inArray(interviewParticipants.userId, q.people.userIds),
                  inArray(interviewParticipants.role, [...q.people.roles]),
                ),
              ),
          ),
        );
      }
      return db
        .select({
          id: interviews.id,
          title: interviews.title,
          status: interviews.status,
          plannedStart: interviews.plannedStart,
          durationMinutes: interviews.durationMinutes,
          anonymous: interviews.anonymous,
          candidateName: candidates.name,
        })
        .from(interviews)
        .innerJoin(candidates, eq(candidates.id, interviews.candidateId))
        .where(and(...where))
        .orderBy(asc(interviews.plannedStart), asc(interviews.id))
        .limit(1000);
    },

    /** Interviewers and observers with an account, of these interviews, in panel order. */
    async staffOf(interviewIds: string[]) {
      if (interviewIds.length === 0) return [];
      return db
        .select({
          interviewId: interviewParticipants.interviewId,
          userId: interviewParticipants.userId,
          role: interviewParticipants.role,
          name: interviewParticipants.displayName,
        })
        .from(interviewParticipants)
        .where(
          and(
            inArray(interviewParticipants.interviewId, interviewIds),
            inArray(interviewParticipants.role, [...STAFF_ROLES]),
            isNotNull(interviewParticipants.userId),
          ),
        )
        .orderBy(asc(interviewParticipants.labelIndex));
    },

    /** The org's members who may interview (every role but viewer), by name: the interviewer filter. */
    async interviewersOf(orgId: string) {
      return db
        .select({ userId: orgMembers.userId, name: users.name })
        .from(orgMembers)
        .innerJoin(users, eq(users.id, orgMembers.userId))
        .where(and(eq(orgMembers.orgId, orgId), ne(orgMembers.role, 'viewer')))
        .orderBy(asc(users.name), asc(users.id));
    },
  };
}
