import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { auditEvents } from '../audit/audit.tables.js';
import { oauthAccounts, recoveryCodes, sessions, userTokens, userTotp } from '../auth/auth.tables.js';
import {
  candidates,
  interviewParticipants,
  interviewQuestions,
  interviews,
  interviewTransitions,
} from '../interviews/interviews.tables.js';
import { emailOutbox } from '../mail/mail.tables.js';
import { orgMembers, orgs } from '../orgs/orgs.tables.js';
import {
  scorecardQuestionScores,
  scorecardRatings,
  scorecards,
  scorecardTemplateVersions,
} from '../scorecards/scorecards.tables.js';
import { users } from '../users/users.tables.js';

export type PrivacyRepo = ReturnType<typeof createPrivacyRepo>;

export function createPrivacyRepo(db: Db) {
  /** The scorecards this user wrote (drafts and submitted), each with its ratings and question scores. */
  async function collectScorecards(userId: string) {
    const cards = await db
      .select({
        scorecardId: scorecards.id,
        interviewId: interviews.id,
        interviewTitle: interviews.title,
        template: {
          versionId: scorecardTemplateVersions.id,
          name: scorecardTemplateVersions.name,
          version: scorecardTemplateVersions.version,
        },
        authorName: scorecards.authorName,
        status: scorecards.status,
        recommendation: scorecards.recommendation,
        strengths: scorecards.strengths,
        weaknesses: scorecards.weaknesses,
        notes: scorecards.notes,
        createdAt: scorecards.createdAt,
        updatedAt: scorecards.updatedAt,
        submittedAt: scorecards.submittedAt,
      })
      .from(scorecards)
      .innerJoin(interviews, eq(interviews.id, scorecards.interviewId))
      .innerJoin(scorecardTemplateVersions, eq(scorecardTemplateVersions.id, scorecards.templateVersionId))
      .where(eq(scorecards.authorUserId, userId))
      .orderBy(asc(scorecards.createdAt));
    if (cards.length === 0) return [];
    const ids = cards.map((c) => c.scorecardId);
    const [ratings, questionScores] = await Promise.all([
      db
        .select({
          scorecardId: scorecardRatings.scorecardId,
          competencyKey: scorecardRatings.competencyKey,
          score: scorecardRatings.score,
          notes: scorecardRatings.notes,
        })
        .from(scorecardRatings)
        .where(inArray(scorecardRatings.scorecardId, ids))
        .orderBy(asc(scorecardRatings.competencyKey)),
      db
        .select({
          scorecardId: scorecardQuestionScores.scorecardId,
          interviewQuestionId: scorecardQuestionScores.interviewQuestionId,
          title: interviewQuestions.title,
          score: scorecardQuestionScores.score,
          response: scorecardQuestionScores.response,
          hints: scorecardQuestionScores.hints,
          notes: scorecardQuestionScores.notes,
        })
        .from(scorecardQuestionScores)
        .innerJoin(interviewQuestions, eq(interviewQuestions.id, scorecardQuestionScores.interviewQuestionId))
        .where(inArray(scorecardQuestionScores.scorecardId, ids))
        .orderBy(asc(interviewQuestions.position)),
    ]);
    return cards.map((card) => ({
      ...card,
      ratings: ratings.filter((r) => r.scorecardId === card.scorecardId).map(({ scorecardId: _, ...r }) => r),
      questionScores: questionScores
        .filter((q) => q.scorecardId === card.scorecardId)
        .map(({ scorecardId: _, ...q }) => q),
    }));
  }

  return {
    /** Everything stored about one account, for "download my data". */
    async collect(userId: string) {
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      if (!user) return null;
      const [memberships, userSessions, oauth, activity, totpRows, interviewPlaces] = await Promise.all([
        db
          .select({ orgId: orgs.id, orgName: orgs.name, role: orgMembers.role, since: orgMembers.createdAt })
          .from(orgMembers)
          .innerJoin(orgs, eq(orgs.id, orgMembers.orgId))
          .where(eq(orgMembers.userId, userId)),
        db.select().from(sessions).where(eq(sessions.userId, userId)),
        db.select().from(oauthAccounts).where(eq(oauthAccounts.userId, userId)),
        db.select().from(auditEvents).where(eq(auditEvents.actorUserId, userId)).orderBy(auditEvents.seq),
        db.select({ enabledAt: userTotp.enabledAt }).from(userTotp).where(eq(userTotp.userId, userId)),
        db
          .select({
            interviewId: interviews.id,
            title: interviews.title,
            status: interviews.status,
            role: interviewParticipants.role,
            displayName: interviewParticipants.displayName,
            plannedStart: interviews.plannedStart,
          })
          .from(interviewParticipants)
          .innerJoin(interviews, eq(interviews.id, interviewParticipants.interviewId))
          .where(eq(interviewParticipants.userId, userId)),
      ]);
      const authored = await collectScorecards(userId);
      const mails = await db
        .select({
          to: emailOutbox.to,
          subject: emailOutbox.subject,
          createdAt: emailOutbox.createdAt,
          status: emailOutbox.status,
        })
        .from(emailOutbox)
        .where(eq(emailOutbox.to, user.email));
      return {
        user,
        memberships,
        sessions: userSessions,
        oauth,
        activity,
        totpEnabledAt: totpRows[0]?.enabledAt ?? null,
        interviews: interviewPlaces,
        scorecards: authored,
        mails,
      };
    },

    /** Members of the orgs where this user is the only owner (erasure must not orphan an org). */
    async orgsWhereSoleOwner(userId: string): Promise<string[]> {
      const owned = await db.select({ orgId: orgMembers.orgId }).from(orgMembers).where(eq(orgMembers.userId, userId));
      const result: string[] = [];
      for (const { orgId } of owned) {
        const owners = await db
          .select({ userId: orgMembers.userId, role: orgMembers.role })
          .from(orgMembers)
          .where(eq(orgMembers.orgId, orgId));
        const ownerIds = owners.filter((o) => o.role === 'owner').map((o) => o.userId);
        if (ownerIds.length === 1 && ownerIds[0] === userId) result.push(orgId);
      }
      return result;
    },

    /**
     * Erasure: personal fields wiped, credentials and links removed, the row
     * kept (as "Deleted user") so content others need still has an author.
     */
    /** Erases the account; returns the token hashes of the sessions it ended (to evict them from caches). */
    async erase(userId: string, now: Date): Promise<string[]> {
      return db.transaction(async (tx) => {
        const ended = await tx
          .delete(sessions)
          .where(eq(sessions.userId, userId))
          .returning({ tokenHash: sessions.tokenHash });
        await tx.delete(userTokens).where(eq(userTokens.userId, userId));
        await tx.delete(userTotp).where(eq(userTotp.userId, userId));
        await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
        await tx.delete(oauthAccounts).where(eq(oauthAccounts.userId, userId));
        await tx.delete(orgMembers).where(eq(orgMembers.userId, userId));
        // Interviews others still need keep their rows, without this person's name or address.
        await tx
          .update(interviewParticipants)
          .set({ displayName: 'Deleted user' })
          .where(eq(interviewParticipants.userId, userId));
        await tx
          .update(interviewTransitions)
          .set({ actorName: 'Deleted user' })
          .where(eq(interviewTransitions.actorUserId, userId));
        await tx
          .update(candidates)
          .set({ name: 'Deleted user', email: sql`'erased-' || ${candidates.id} || '@erased.invalid'`, userId: null })
          .where(eq(candidates.userId, userId));
        // Unsubmitted drafts are the person's own unfinished notes (nobody else ever sees or can finish them): gone.
        // Submitted scorecards stay with the hiring team (content untouched); only the author's identity goes —
        // the 0009 lock trigger allows exactly this on submitted scorecards.
        await tx.delete(scorecards).where(and(eq(scorecards.authorUserId, userId), eq(scorecards.status, 'draft')));
        await tx
          .update(scorecards)
          .set({ authorUserId: null, authorName: 'Deleted user' })
          .where(eq(scorecards.authorUserId, userId));
        await tx
          .update(users)
          .set({
            email: `erased-${userId}@erased.invalid`,
            name: 'Deleted user',
            passwordHash: null,
            emailVerifiedAt: null,
            status: 'suspended',
            updatedAt: now,
          })
          .where(eq(users.id, userId));
        return ended.map((e) => e.tokenHash);
      });
    },
  };
}
