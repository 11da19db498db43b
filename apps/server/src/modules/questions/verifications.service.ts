import {
  LanguageIdSchema,
  type Execution,
  type LanguageId,
  type ProblemPackage,
  type Verification,
} from '@interviewselect/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { QueueLogger } from '../../platform/queue/queue.js';
import type { ExecutionsService } from '../executions/executions.service.js';
import { languagesOf, needsVerification } from './problem-package.js';
import type { LoadedVersion, ProblemHead, QuestionsRepo } from './questions.repo.js';
import type { VerificationRow } from './questions.tables.js';

export type VerificationsService = ReturnType<typeof createVerificationsService>;
type LanguageResult = Verification['results'][number];

/** The part of the executions service verification uses (runs go through the real queue and sandbox). */
export type VerificationRunner = Pick<ExecutionsService, 'create' | 'get' | 'languages' | 'watch'>;

const StoredResultsSchema = z.array(
  z.object({
    language: LanguageIdSchema,
    passed: z.number(),
    total: z.number(),
    failures: z.array(
      z.object({ testIndex: z.number(), testName: z.string(), verdict: z.string(), detail: z.string().nullable() }),
    ),
  }),
);

const isFinished = (e: Execution) => e.status === 'completed' || e.status === 'failed';

/** How one reference solution did; tests the run never reached fail with the run's own verdict. */
function languageResult(language: LanguageId, pkg: ProblemPackage, run: Execution): LanguageResult {
  const failures: LanguageResult['failures'] = [];
  pkg.tests.forEach((test, index) => {
    const result = run.tests.find((t) => t.ordinal === index);
    if (result?.verdict === 'accepted') return;
    failures.push({
      testIndex: index,
      testName: test.name,
      verdict: result?.verdict ?? (run.verdict && run.verdict !== 'accepted' ? run.verdict : 'internal_error'),
      detail: result?.detail ?? run.detail ?? (run.compileOutput ? run.compileOutput.slice(0, 2_000) : null),
    });
  });
  return { language, passed: pkg.tests.length - failures.length, total: pkg.tests.length, failures };
}

/**
 * Publishing through verification: every reference solution runs as a submit
 * execution of the draft version (all tests, hidden ones included) on the
 * real queue and sandbox, owned by the publishing user. When the last run
 * finishes the verification settles — as soon as its `done` event arrives,
 * or lazily when anyone reads it — and the draft is published only if every
 * test of every language was accepted.
 */
export function createVerificationsService(deps: {
  repo: QuestionsRepo;
  runner: VerificationRunner;
  logger: QueueLogger;
  now: () => Date;
}) {
  const { repo } = deps;

  function toView(row: VerificationRow, version: number, results: LanguageResult[]): Verification {
    return {
      id: row.id,
      problemId: row.problemId,
      versionId: row.versionId,
      version,
      status: row.status,
      results,
      error: row.error,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
  }

  /** Reads a verification, settling it when its runs are all done. */
  async function settle(verificationId: string): Promise<Verification | null> {
    const found = await repo.findVerification(verificationId);
    if (!found) return null;
    const loaded = await repo.loadVersion(found.row.versionId);
    if (!loaded) return null;
    if (found.row.status !== 'running')
      return toView(found.row, loaded.row.version, StoredResultsSchema.parse(found.row.results) as LanguageResult[]);

    const owner = found.row.createdBy;
    const runs = await Promise.all(
      found.runs.map(async (r) => ({
        language: LanguageIdSchema.parse(r.language),
        run: owner ? await deps.runner.get({ userId: owner }, r.executionId) : null,
      })),
    );
    const finished = runs.filter((r) => r.run && isFinished(r.run));
    const results = finished.map((r) => languageResult(r.language, loaded.package, r.run as Execution));
    if (finished.length < runs.length) return toView(found.row, loaded.row.version, results);

    const passed = results.every((r) => r.failures.length === 0);
    let error: string | null = null;
    if (passed && !(await repo.publishDraft(found.row.problemId, loaded.row.id, loaded.package, deps.now())))
      error = 'The draft changed while it was verified; publish again.';
    const status = passed && !error ? 'passed' : 'failed';
    await repo.finishVerification(verificationId, { status, results, error }, deps.now());
    const after = await repo.findVerification(verificationId);
    return toView(after?.row ?? found.row, loaded.row.version, results);
  }

  /** Settles the verification as soon as each run reports done (any node's bus delivers it). */
  async function follow(actorId: string, verificationId: string, executionIds: string[]) {
    for (const id of executionIds) {
      const watched = await deps.runner.watch({ userId: actorId }, id, (event) => {
        if (event.type !== 'done') return;
        watched.unsubscribe();
        settle(verificationId).catch((err: unknown) =>
          deps.logger.warn({ err, verificationId }, 'verification could not settle'),
        );
      });
      if (isFinished(watched.current)) watched.unsubscribe();
    }
    await settle(verificationId);
  }

  async function latest(problemId: string): Promise<Verification | null> {
    const row = await repo.latestVerification(problemId);
    return row ? settle(row.id) : null;
  }

  return {
    settle,
    latest,

    async isRunning(problemId: string): Promise<boolean> {
      return (await latest(problemId))?.status === 'running';
    },

    /** Starts verifying the draft; publishes at once when there is nothing to run. Returns the verification id. */
    async start(actor: { userId: string }, problem: ProblemHead, draft: LoadedVersion): Promise<string> {
      const pkg = draft.package;
      const languages = languagesOf(pkg.referenceSolutions);
      if (needsVerification(pkg) && (pkg.tests.length === 0 || languages.length === 0)) {
        throw new AppError(
          'problem.not_publishable',
          `A ${pkg.category === 'sql' ? 'SQL' : 'coding'} problem needs at least one test and one reference solution before it can be published.`,
        );
      }
      const toRun = pkg.tests.length > 0 ? languages : [];
      if (toRun.length === 0) {
        await repo.publishDraft(problem.id, draft.row.id, pkg, deps.now());
        return repo.insertVerification({
          problemId: problem.id,
          versionId: draft.row.id,
          createdBy: actor.userId,
          status: 'passed',
          runs: [],
          now: deps.now(),
        });
      }
      const installed = new Set((await deps.runner.languages()).map((l) => l.id));
      const missing = toRun.filter((l) => !installed.has(l));
      if (installed.size === 0)
        throw new AppError(
          'execution.unavailable',
          'Code execution is not available on this server, so the reference solutions cannot be verified.',
        );
      if (missing.length > 0)
        throw new AppError(
          'execution.language_unavailable',
          `The reference solution in ${missing.join(', ')} cannot be verified: not installed on this server.`,
        );

      const runs: { language: string; executionId: string }[] = [];
      for (const language of toRun) {
        const created = await deps.runner.create(
          { userId: actor.userId, participantId: null, orgId: problem.orgId },
          {
            language,
            source: pkg.referenceSolutions[language] ?? '',
            mode: 'submit',
            problemVersionId: draft.row.id,
            stopOnFirstFailure: false,
          },
        );
        runs.push({ language, executionId: created.id });
      }
      const verificationId = await repo.insertVerification({
        problemId: problem.id,
        versionId: draft.row.id,
        createdBy: actor.userId,
        status: 'running',
        runs,
        now: deps.now(),
      });
      await follow(
        actor.userId,
        verificationId,
        runs.map((r) => r.executionId),
      );
      return verificationId;
    },
  };
}
