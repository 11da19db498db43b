import type { Db } from '../../platform/db.js';
import type { ProblemTestsPort } from '../executions/executions.service.js';
import { createQuestionsRepo } from './questions.repo.js';

/**
 * The executions module's view of the question bank: a version's tests (hidden
 * ones included — the executions service and its views decide what a caller
 * sees of them), comparator and limits. Archived problems' versions still
 * judge: interviews and reports point at them.
 *
 * Who may judge against a version: anyone, for a published version of the
 * public library; in a room, only the versions the interview asks; outside a
 * room, members of the owning organisation (drafts included: verification).
 * Any other version answers as unknown, so its existence does not leak.
 */
export function createProblemTestsPort(db: Db): ProblemTestsPort {
  const repo = createQuestionsRepo(db);
  return async (problemVersionId, scope) => {
    const access = await repo.versionAccess(problemVersionId, scope.interviewId);
    if (!access) return null;
    const isPublic = access.orgId === null && access.isPublished;
    const isOwn = scope.interviewId === null && access.orgId !== null && scope.orgIds.includes(access.orgId);
    if (!isPublic && !isOwn && !access.isInInterview) return null;
    const data = await repo.judgeData(problemVersionId);
    if (!data) return null;
    return {
      comparator: data.comparator,
      timeLimitMs: data.timeLimitMs,
      memoryLimitMb: data.memoryLimitMb,
      tests: data.tests.map((t) => ({
        ordinal: t.ordinal,
        input: t.input,
        expectedOutput: t.expectedOutput,
        hidden: t.hidden,
        ...(t.comparator ? { comparator: t.comparator } : {}),
      })),
    };
  };
}
