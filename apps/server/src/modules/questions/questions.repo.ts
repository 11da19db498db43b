import type { ProblemPackage, ProblemStatus } from '@interviewselect/contracts';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';
import { contentHash, listedValues, testRows, toPackage, versionValues } from './problem-package.js';
import {
  problemVerifications,
  problemVersions,
  problems,
  testCases,
  verificationRuns,
  type ProblemRow,
  type ProblemVersionRow,
  type TestCaseRow,
  type VerificationRow,
} from './questions.tables.js';

export type QuestionsRepo = ReturnType<typeof createQuestionsRepo>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface ProblemHead extends ProblemRow {
  orgName: string | null;
}

export interface LoadedVersion {
  row: ProblemVersionRow;
  tests: TestCaseRow[];
  package: ProblemPackage;
}

/** The search document: title weighs most, then tags, then the statement. */
function searchDocument(pkg: ProblemPackage) {
  return sql`setweight(to_tsvector('english', ${pkg.title}), 'A') || setweight(to_tsvector('english', ${pkg.tags.join(' ')}), 'B') || setweight(to_tsvector('english', ${pkg.statement}), 'C')`;
}

function listedColumns(pkg: ProblemPackage) {
  return { ...listedValues(pkg), searchDocument: searchDocument(pkg) };
}

async function insertVersion(
  tx: Tx,
  v: { problemId: string; version: number; pkg: ProblemPackage; createdBy: string | null; now: Date },
): Promise<string> {
  const [row] = await tx
    .insert(problemVersions)
    .values({
      problemId: v.problemId,
      version: v.version,
      contentHash: contentHash(v.pkg),
      ...versionValues(v.pkg),
      createdBy: v.createdBy,
      createdAt: v.now,
      updatedAt: v.now,
    })
    .returning({ id: problemVersions.id });
  if (!row) throw new Error('problem version insert returned nothing');
  const tests = testRows(row.id, v.pkg.tests);
  // Batches keep each statement's parameters well under the protocol's limit.
  for (let i = 0; i < tests.length; i += 200) await tx.insert(testCases).values(tests.slice(i, i + 200));
  return row.id;
}

export function createQuestionsRepo(db: Db) {
  async function findProblem(id: string): Promise<ProblemHead | null> {
    const [row] = await db
      .select({ problem: problems, orgName: orgs.name })
      .from(problems)
      .leftJoin(orgs, eq(orgs.id, problems.orgId))
      .where(eq(problems.id, id))
      .limit(1);
    return row ? { ...row.problem, orgName: row.orgName } : null;
  }

  async function loadVersion(versionId: string): Promise<LoadedVersion | null> {
    const [row] = await db.select().from(problemVersions).where(eq(problemVersions.id, versionId)).limit(1);
    if (!row) return null;
    const tests = await db
      .select()
      .from(testCases)
      .where(eq(testCases.versionId, versionId))
      .orderBy(asc(testCases.ordinal));
    return { row, tests, package: toPackage(row, tests) };
  }

  async function nextVersionNumber(tx: Tx, problemId: string): Promise<number> {
    const [row] = await tx
      .select({ max: sql<number | null>`max(${problemVersions.version})` })
      .from(problemVersions)
      .where(eq(problemVersions.problemId, problemId));
    return Number(row?.max ?? 0) + 1;
  }

  return {
    findProblem,
    loadVersion,

    async findBySlug(orgId: string | null, slug: string): Promise<ProblemRow | null> {
      const [row] = await db
        .select()
        .from(problems)
        .where(and(orgId ? eq(problems.orgId, orgId) : isNull(problems.orgId), eq(problems.slug, slug)))
        .limit(1);
      return row ?? null;
    },

    async findVersionByNumber(problemId: string, version: number): Promise<string | null> {
      const [row] = await db
        .select({ id: problemVersions.id })
        .from(problemVersions)
        .where(and(eq(problemVersions.problemId, problemId), eq(problemVersions.version, version)))
        .limit(1);
      return row?.id ?? null;
    },

    /** The latest version's content hash (the library seed compares files with it). */
    async latestHash(problemId: string): Promise<string | null> {
      const [row] = await db
        .select({ hash: problemVersions.contentHash })
        .from(problemVersions)
        .where(eq(problemVersions.problemId, problemId))
        .orderBy(desc(problemVersions.version))
        .limit(1);
      return row?.hash ?? null;
    },

    async listVersions(problemId: string) {
      return db
        .select({
          id: problemVersions.id,
          version: problemVersions.version,
          createdAt: problemVersions.createdAt,
          publishedAt: problemVersions.publishedAt,
          createdById: problemVersions.createdBy,
          createdByName: users.name,
        })
        .from(problemVersions)
        .leftJoin(users, eq(users.id, problemVersions.createdBy))
        .where(eq(problemVersions.problemId, problemId))
        .orderBy(asc(problemVersions.version));
    },

    /** A new problem with version 1 as its draft (or, `published`, as its current version: the library). */
    async createProblem(p: {
      orgId: string | null;
      pkg: ProblemPackage;
      createdBy: string | null;
      published: boolean;
      now: Date;
    }): Promise<string> {
      return db.transaction(async (tx) => {
        const [problem] = await tx
          .insert(problems)
          .values({
            orgId: p.orgId,
            createdBy: p.createdBy,
            status: 'draft',
            ...listedColumns(p.pkg),
            createdAt: p.now,
            updatedAt: p.now,
          })
          .returning({ id: problems.id });
        if (!problem) throw new Error('problem insert returned nothing');
        const versionId = await insertVersion(tx, {
          problemId: problem.id,
          version: 1,
          pkg: p.pkg,
          createdBy: p.createdBy,
          now: p.now,
        });
        if (p.published) await publishIn(tx, problem.id, versionId, p.pkg, p.now);
        else await tx.update(problems).set({ draftVersionId: versionId }).where(eq(problems.id, problem.id));
        return problem.id;
      });
    },

    /**
     * Writes the working draft: replaces the draft version's content, or adds a
     * new version when there is no draft (the problem was published). The
     * listed columns follow the draft only while nothing was published.
     */
    async saveDraft(p: { problem: ProblemRow; pkg: ProblemPackage; userId: string; now: Date }): Promise<string> {
      return db.transaction(async (tx) => {
        let versionId = p.problem.draftVersionId;
        if (versionId) {
          await tx
            .update(problemVersions)
            .set({ ...versionValues(p.pkg), contentHash: contentHash(p.pkg), updatedAt: p.now })
            .where(and(eq(problemVersions.id, versionId), isNull(problemVersions.publishedAt)));
          await tx.delete(testCases).where(eq(testCases.versionId, versionId));
          const tests = testRows(versionId, p.pkg.tests);
          for (let i = 0; i < tests.length; i += 200) await tx.insert(testCases).values(tests.slice(i, i + 200));
        } else {
          versionId = await insertVersion(tx, {
            problemId: p.problem.id,
            version: await nextVersionNumber(tx, p.problem.id),
            pkg: p.pkg,
            createdBy: p.userId,
            now: p.now,
          });
        }
        await tx
          .update(problems)
          .set({
            draftVersionId: versionId,
            updatedAt: p.now,
            ...(p.problem.currentVersionId ? {} : listedColumns(p.pkg)),
          })
          .where(eq(problems.id, p.problem.id));
        return versionId;
      });
    },

    /** The library seed: a changed file becomes a new published version. */
    async addPublishedVersion(problemId: string, pkg: ProblemPackage, now: Date): Promise<string> {
      return db.transaction(async (tx) => {
        const versionId = await insertVersion(tx, {
          problemId,
          version: await nextVersionNumber(tx, problemId),
          pkg,
          createdBy: null,
          now,
        });
        await publishIn(tx, problemId, versionId, pkg, now);
        return versionId;
      });
    },

    /** Publishes a draft version (only if it is still the problem's draft); false when it was not. */
    async publishDraft(problemId: string, versionId: string, pkg: ProblemPackage, now: Date): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [problem] = await tx
          .select({ draft: problems.draftVersionId, current: problems.currentVersionId })
          .from(problems)
          .where(eq(problems.id, problemId))
          .for('update');
        if (problem?.current === versionId) return true;
        if (problem?.draft !== versionId) return false;
        await publishIn(tx, problemId, versionId, pkg, now);
        return true;
      });
    },

    async setStatus(problemId: string, status: ProblemStatus, now: Date): Promise<void> {
      await db.update(problems).set({ status, updatedAt: now }).where(eq(problems.id, problemId));
    },

    async insertVerification(v: {
      problemId: string;
      versionId: string;
      createdBy: string;
      status: 'running' | 'passed' | 'failed';
      runs: { language: string; executionId: string }[];
      now: Date;
    }): Promise<string> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(problemVerifications)
          .values({
            problemId: v.problemId,
            versionId: v.versionId,
            createdBy: v.createdBy,
            status: v.status,
            createdAt: v.now,
            ...(v.status === 'running' ? {} : { finishedAt: v.now }),
          })
          .returning({ id: problemVerifications.id });
        if (!row) throw new Error('verification insert returned nothing');
        if (v.runs.length > 0)
          await tx.insert(verificationRuns).values(v.runs.map((r) => ({ verificationId: row.id, ...r })));
        return row.id;
      });
    },

    async findVerification(id: string) {
      const [row] = await db.select().from(problemVerifications).where(eq(problemVerifications.id, id)).limit(1);
      if (!row) return null;
      const runs = await db
        .select({ language: verificationRuns.language, executionId: verificationRuns.executionId })
        .from(verificationRuns)
        .where(eq(verificationRuns.verificationId, id))
        .orderBy(asc(verificationRuns.language));
      return { row, runs };
    },

    async latestVerification(problemId: string): Promise<VerificationRow | null> {
      const [row] = await db
        .select()
        .from(problemVerifications)
        .where(eq(problemVerifications.problemId, problemId))
        .orderBy(desc(problemVerifications.createdAt), desc(problemVerifications.id))
        .limit(1);
      return row ?? null;
    },

    /** Settles a running verification once; false when another caller already did. */
    async finishVerification(
      id: string,
      outcome: { status: 'passed' | 'failed'; results: unknown[]; error: string | null },
      now: Date,
    ): Promise<boolean> {
      const rows = await db
        .update(problemVerifications)
        .set({ ...outcome, finishedAt: now })
        .where(and(eq(problemVerifications.id, id), eq(problemVerifications.status, 'running')))
        .returning({ id: problemVerifications.id });
      return rows.length > 0;
    },

    /**
     * Who may use a version: its problem's owner (null = public library),
     * whether the version was published, and whether the interview (if any)
     * asks it. Null when the version does not exist.
     */
    async versionAccess(versionId: string, interviewId: string | null) {
      const [row] = await queryRows<{ org_id: string | null; published: boolean; in_interview: boolean }>(
        db,
        sql`
        select p.org_id, v.published_at is not null as published,
          ${interviewId}::uuid is not null and exists (
            select 1 from interview_questions q where q.interview_id = ${interviewId}::uuid and q.problem_version_id = v.id
          ) as in_interview
        from problem_versions v join problems p on p.id = v.problem_id
        where v.id = ${versionId}::uuid`,
      );
      return row ? { orgId: row.org_id, isPublished: row.published, isInInterview: row.in_interview } : null;
    },

    /** A version's tests and limits for the executions module (ProblemTestsPort). */
    async judgeData(versionId: string) {
      const [row] = await db
        .select({
          comparator: problemVersions.comparator,
          timeLimitMs: problemVersions.timeLimitMs,
          memoryLimitMb: problemVersions.memoryLimitMb,
        })
        .from(problemVersions)
        .where(eq(problemVersions.id, versionId))
        .limit(1);
      if (!row) return null;
      const tests = await db
        .select()
        .from(testCases)
        .where(eq(testCases.versionId, versionId))
        .orderBy(asc(testCases.ordinal));
      return { ...row, tests };
    },
  };

  async function publishIn(tx: Tx, problemId: string, versionId: string, pkg: ProblemPackage, now: Date) {
    await tx.update(problemVersions).set({ publishedAt: now }).where(eq(problemVersions.id, versionId));
    await tx
      .update(problems)
      .set({
        currentVersionId: versionId,
        draftVersionId: null,
        status: 'published',
        updatedAt: now,
        ...listedColumns(pkg),
      })
      .where(eq(problems.id, problemId));
  }
}
