import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import type { NewQuestion } from './interviews.repo.js';
import { candidates, interviewParticipants, interviewQuestions, interviews } from './interviews.tables.js';

/** An edit of an interview's fields, candidate, interviewers (the whole panel) or questions. */
export interface InterviewEdit {
  fields: Partial<typeof interviews.$inferInsert>;
  candidate?: { orgId: string; name: string; email: string; userId: string | null };
  interviewers?: { userId: string; name: string }[];
  questions?: NewQuestion[];
}

/**
 * Writes an edit inside the caller's transaction, which holds the
 * interview's row lock: the interviews repo's own update, or a re-booking of
 * the scheduling module (the edit and the new booking commit together).
 */
export async function writeInterviewEdit(tx: Db, id: string, change: InterviewEdit): Promise<void> {
  const fields = { ...change.fields };
  if (change.candidate) {
    const { orgId, ...person } = change.candidate;
    const [candidate] = await tx
      .insert(candidates)
      .values({ orgId, ...person })
      .onConflictDoUpdate({
        target: [candidates.orgId, candidates.email],
        set: { name: person.name, userId: sql`coalesce(${candidates.userId}, excluded.user_id)` },
      })
      .returning();
    if (!candidate) throw new Error('candidate upsert returned no row');
    fields.candidateId = candidate.id;
    await tx
      .update(interviewParticipants)
      .set({ displayName: candidate.name, userId: candidate.userId, guestSessionId: null })
      .where(and(eq(interviewParticipants.interviewId, id), eq(interviewParticipants.role, 'candidate')));
  }
  if (Object.keys(fields).length > 0) await tx.update(interviews).set(fields).where(eq(interviews.id, id));
  if (change.interviewers) {
    const current = await tx
      .select()
      .from(interviewParticipants)
      .where(and(eq(interviewParticipants.interviewId, id), eq(interviewParticipants.role, 'interviewer')));
    const wanted = new Set(change.interviewers.map((p) => p.userId));
    const gone = current.filter((p) => !p.userId || !wanted.has(p.userId)).map((p) => p.id);
    if (gone.length > 0) await tx.delete(interviewParticipants).where(inArray(interviewParticipants.id, gone));
    const have = new Set(current.map((p) => p.userId));
    let next = Math.max(0, ...current.map((p) => p.labelIndex)) + 1;
    const added = change.interviewers.filter((p) => !have.has(p.userId));
    if (added.length > 0) {
      await tx.insert(interviewParticipants).values(
        added.map((p) => ({
          interviewId: id,
          role: 'interviewer' as const,
          userId: p.userId,
          displayName: p.name,
          labelIndex: next++,
        })),
      );
    }
  }
  if (change.questions) {
    await tx.delete(interviewQuestions).where(eq(interviewQuestions.interviewId, id));
    if (change.questions.length > 0) {
      await tx
        .insert(interviewQuestions)
        .values(change.questions.map((q, i) => ({ interviewId: id, position: i + 1, ...q })));
    }
  }
}
