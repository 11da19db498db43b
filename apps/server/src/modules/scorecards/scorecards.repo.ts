import type { Recommendation } from '@interviewselect/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { interviewParticipants, interviewQuestions, interviews } from '../interviews/interviews.tables.js';
import { scorecardQuestionScores, scorecardRatings, scorecards } from './scorecards.tables.js';

export type ScorecardsRepo = ReturnType<typeof createScorecardsRepo>;
export type ScorecardRow = typeof scorecards.$inferSelect;
export type RatingRow = typeof scorecardRatings.$inferSelect;
export type QuestionScoreRow = typeof scorecardQuestionScores.$inferSelect;

/** A scorecard with its normalised rows. */
export interface ScorecardAggregate {
  scorecard: ScorecardRow;
  ratings: RatingRow[];
  questionScores: QuestionScoreRow[];
}

/** What scorecards need to know about an interview (read from the interviews module's tables). */
export interface InterviewContext {
  id: string;
  orgId: string;
  status: (typeof interviews.$inferSelect)['status'];
  /** Everyone with an account and a place in it. */
  participants: { userId: string; role: 'candidate' | 'interviewer' | 'observer'; name: string }[];
  questions: { id: string; position: number; title: string; problemVersionId: string | null }[];
}

export interface DraftContent {
  strengths: string;
  weaknesses: string;
  notes: string;
  recommendation: Recommendation | null;
  ratings: { competencyKey: string; score: number | null; notes: string }[];
  questions: {
    interviewQuestionId: string;
    problemVersionId: string | null;
    score: number | null;
    response: string;
    hints: string;
    notes: string;
  }[];
}

export function createScorecardsRepo(db: Db) {
  async function loadMany(ids: string[]): Promise<ScorecardAggregate[]> {
    if (ids.length === 0) return [];
    const [rows, ratings, questionScores] = await Promise.all([
      db.select().from(scorecards).where(inArray(scorecards.id, ids)).orderBy(asc(scorecards.createdAt)),
      db.select().from(scorecardRatings).where(inArray(scorecardRatings.scorecardId, ids)),
      db.select().from(scorecardQuestionScores).where(inArray(scorecardQuestionScores.scorecardId, ids)),
    ]);
    return rows.map((scorecard) => ({
      scorecard,
      ratings: ratings.filter((r) => r.scorecardId === scorecard.id),
      questionScores: questionScores.filter((q) => q.scorecardId === scorecard.id),
    }));
  }

  return {
    loadMany,

    async load(id: string): Promise<ScorecardAggregate | null> {
      return (await loadMany([id]))[0] ?? null;
    },

    async interviewContext(interviewId: string): Promise<InterviewContext | null> {
      const [row] = await db
        .select({ id: interviews.id, orgId: interviews.orgId, status: interviews.status })
        .from(interviews)
        .where(eq(interviews.id, interviewId))
        .limit(1);
      if (!row) return null;
      const [participants, questions] = await Promise.all([
        db
          .select({
            userId: interviewParticipants.userId,
            role: interviewParticipants.role,
            name: interviewParticipants.displayName,
          })
          .from(interviewParticipants)
          .where(eq(interviewParticipants.interviewId, interviewId))
          .orderBy(asc(interviewParticipants.role), asc(interviewParticipants.labelIndex)),
        db
          .select({
            id: interviewQuestions.id,
            position: interviewQuestions.position,
            title: interviewQuestions.title,
            problemVersionId: interviewQuestions.problemVersionId,
          })
          .from(interviewQuestions)
          .where(eq(interviewQuestions.interviewId, interviewId))
          .orderBy(asc(interviewQuestions.position)),
      ]);
      return {
        ...row,
        participants: participants.filter((p): p is InterviewContext['participants'][number] => p.userId !== null),
        questions,
      };
    },

    /** Scorecards of an interview (ids, authors, status), oldest first. */
    async listForInterview(interviewId: string): Promise<ScorecardRow[]> {
      return db
        .select()
        .from(scorecards)
        .where(eq(scorecards.interviewId, interviewId))
        .orderBy(asc(scorecards.createdAt));
    },

    /** Inserts the author's scorecard unless they have one already (then null: read theirs). */
    async create(input: {
      interviewId: string;
      templateVersionId: string;
      authorUserId: string;
      authorName: string;
    }): Promise<ScorecardRow | null> {
      const [row] = await db.insert(scorecards).values(input).onConflictDoNothing().returning();
      return row ?? null;
    },

    /**
     * Replaces a draft's content when it is still at `revision` (optimistic
     * concurrency) and bumps the revision; null when it is not (saved
     * elsewhere, or submitted) — the caller tells which.
     */
    async saveDraft(id: string, revision: number, content: DraftContent, at: Date): Promise<number | null> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(scorecards)
          .set({
            strengths: content.strengths,
            weaknesses: content.weaknesses,
            notes: content.notes,
            recommendation: content.recommendation,
            revision: revision + 1,
            updatedAt: at,
          })
          .where(and(eq(scorecards.id, id), eq(scorecards.revision, revision), eq(scorecards.status, 'draft')))
          .returning({ revision: scorecards.revision });
        if (!row) return null;
        await tx.delete(scorecardRatings).where(eq(scorecardRatings.scorecardId, id));
        await tx.delete(scorecardQuestionScores).where(eq(scorecardQuestionScores.scorecardId, id));
        if (content.ratings.length > 0)
          await tx.insert(scorecardRatings).values(content.ratings.map((r) => ({ scorecardId: id, ...r })));
        if (content.questions.length > 0)
          await tx.insert(scorecardQuestionScores).values(content.questions.map((q) => ({ scorecardId: id, ...q })));
        return row.revision;
      });
    },

    /** Locks a draft still at `revision`; false when it is not. */
    async submit(id: string, revision: number, at: Date): Promise<boolean> {
      const rows = await db
        .update(scorecards)
        .set({ status: 'submitted', submittedAt: at, updatedAt: at })
        .where(and(eq(scorecards.id, id), eq(scorecards.revision, revision), eq(scorecards.status, 'draft')))
        .returning({ id: scorecards.id });
      return rows.length > 0;
    },
  };
}
