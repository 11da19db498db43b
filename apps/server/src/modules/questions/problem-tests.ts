import type { Db } from '../../platform/db.js';
import type { ProblemTestsPort } from '../executions/executions.service.js';
import { createQuestionsRepo } from './questions.repo.js';

/**
 * The executions module's view of the question bank: a version's tests (hidden
 * ones included — the executions service and its views decide what a caller
 * sees of them), comparator and limits. Archived problems' versions still
 * judge: interviews and reports point at them.
 */
export function createProblemTestsPort(db: Db): ProblemTestsPort {
  const repo = createQuestionsRepo(db);
  return async (problemVersionId) => {
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
