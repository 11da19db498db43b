import type {
  Comparator,
  CreateExecutionInput,
  Execution,
  ExecutionCreated,
  ExecutionEvent,
  ExecutionSummary,
  LanguageInfo,
} from '@interviewselect/contracts';
import type { RoomRun } from '../rooms/room-console.js';
import type { ExecutionJob, JudgeTest } from './execution-engine.js';
import { uuidv7 } from 'uuidv7';
import { AppError } from '../../platform/errors.js';
import type { JobQueue } from '../../platform/queue/queue.js';
import type { ExecutionEventBus } from './execution-bus.js';
import { EXECUTION_ATTEMPTS, executionRunJob, internalErrorResult } from './execution-job.js';
import type { ExecutionRateLimiter } from './execution-limits.js';
import { toExecution, toSummary } from './execution-view.js';
import type { ExecutionsRepo } from './executions.repo.js';
import type { ExecutionMetrics } from './executions.metrics.js';
import type { RunnerDirectory } from './runner-directory.js';

export type ExecutionsService = ReturnType<typeof createExecutionsService>;

/** A problem version's tests and limits, as the question bank provides them. */
export interface ProblemTests {
  tests: JudgeTest[];
  comparator?: Comparator;
  timeLimitMs?: number;
  memoryLimitMb?: number;
}

/** Where a run happens: the organisations whose problems the creator may use, and the interview when in a room. */
export interface ProblemScope {
  orgIds: readonly string[];
  interviewId: string | null;
}

/** Port to the question bank; null = no such problem version, or not one this scope may judge against. */
export type ProblemTestsPort = (problemVersionId: string, scope: ProblemScope) => Promise<ProblemTests | null>;

/** Until the question bank exists, no problem version is known. */
export const noProblemTests: ProblemTestsPort = async () => null;

/** A refused request the client should retry later: the route sends Retry-After. */
export class RetryLaterError extends AppError {
  constructor(
    code: 'execution.rate_limited' | 'execution.busy',
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, detail);
  }
}

/** Who reads an execution: the account that ran it, or (guests in a room) the participant. */
export type Reader = { userId: string } | { participantId: string };

/** Who starts an execution: an account, and/or (in a room) the participant; guests have only the latter. */
export interface Creator {
  userId: string | null;
  participantId: string | null;
  orgId: string | null;
  /** In a room: the name (or anonymous label) the room shows for the participant. */
  label?: string;
  /** Outside rooms: every organisation the account belongs to (its problems may be judged against); default [orgId]. */
  orgIds?: readonly string[];
}

export function createExecutionsService(deps: {
  repo: ExecutionsRepo;
  /** Absent: this server cannot queue executions (POST answers 503). */
  queue: JobQueue | undefined;
  runners: RunnerDirectory;
  limiter: ExecutionRateLimiter;
  bus: ExecutionEventBus;
  problemTests: ProblemTestsPort;
  metrics: ExecutionMetrics;
  maxQueue: number;
  now: () => Date;
  /** Tells the room about a run started in it, before it is queued (so its console misses no event). */
  announceRoomRun?: (run: RoomRun) => Promise<void>;
}) {
  const { repo } = deps;

  async function testsFor(
    creator: Creator,
    input: CreateExecutionInput,
  ): Promise<Pick<ExecutionJob, 'tests' | 'comparator' | 'timeLimitMs' | 'memoryLimitMb'>> {
    const limits = { timeLimitMs: input.limits?.timeLimitMs, memoryLimitMb: input.limits?.memoryLimitMb };
    if (input.problemVersionId) {
      const problem = await deps.problemTests(input.problemVersionId, {
        orgIds: creator.orgIds ?? (creator.orgId ? [creator.orgId] : []),
        interviewId: input.interviewId ?? null,
      });
      if (!problem)
        throw new AppError(
          'execution.unknown_problem_version',
          `No problem version ${input.problemVersionId} is available here: pick the question from the interview or the library.`,
        );
      if (input.mode === 'run') return { tests: [], ...limits };
      // The problem's limits win: a candidate cannot raise them.
      return {
        tests: input.mode === 'submit' ? problem.tests : problem.tests.filter((t) => !t.hidden),
        comparator: problem.comparator,
        timeLimitMs: problem.timeLimitMs ?? limits.timeLimitMs,
        memoryLimitMb: problem.memoryLimitMb ?? limits.memoryLimitMb,
      };
    }
    const tests = (input.tests ?? []).map((t, ordinal) => ({ ...t, ordinal, hidden: false }));
    return { tests, ...limits };
  }

  async function checkLanguage(language: string): Promise<{ slots: number }> {
    const runner = deps.queue ? await deps.runners.current() : null;
    if (!runner) throw new AppError('execution.unavailable', 'Code execution is not available on this server.');
    if (!runner.languages.some((l) => l.id === language)) {
      const installed =
        runner.languages
          .map((l) => l.id)
          .sort()
          .join(', ') || 'none';
      throw new AppError(
        'execution.language_unavailable',
        `${language} is not installed on this server. Installed: ${installed}.`,
      );
    }
    return { slots: runner.slots };
  }

  async function checkCapacity(creator: Creator, slots: number): Promise<void> {
    // The queue first: a refusal for being busy must not use up the caller's rate limit (Redis counts on take).
    const pending = await repo.countPending();
    if (pending >= deps.maxQueue) {
      deps.metrics.rejected('busy');
      // About one second of work per queued run and slot, between 2 s and a minute.
      const retryAfter = Math.min(60, Math.max(2, Math.ceil(pending / Math.max(1, slots))));
      throw new RetryLaterError('execution.busy', `The code runner is busy; retry in ${retryAfter} s.`, retryAfter);
    }
    const refusal = await deps.limiter.take(creator, deps.now());
    if (refusal) {
      deps.metrics.rejected('rate_limited');
      const who = refusal.scope === 'user' ? 'You have' : 'Your organisation has';
      throw new RetryLaterError(
        'execution.rate_limited',
        `${who} started too many runs in the last minute; retry in ${refusal.retryAfterSeconds} s.`,
        refusal.retryAfterSeconds,
      );
    }
  }

  async function findOwned(reader: Reader, id: string) {
    const found = await repo.findById(id);
    const isOwn =
      found !== null &&
      ('userId' in reader ? found.row.userId === reader.userId : found.row.participantId === reader.participantId);
    // Someone else's execution is "not found": its existence is not revealed.
    if (!found || !isOwn) throw new AppError('resource.not_found', 'No such execution.');
    return found;
  }

  async function get(reader: Reader, id: string): Promise<Execution> {
    const found = await findOwned(reader, id);
    return toExecution(found.row, found.tests);
  }

  return {
    async create(creator: Creator, input: CreateExecutionInput): Promise<ExecutionCreated> {
      const judged = await testsFor(creator, input);
      const { slots } = await checkLanguage(input.language);
      await checkCapacity(creator, slots);
      const id = uuidv7();
      await repo.insert({
        id,
        userId: creator.userId,
        participantId: creator.participantId,
        orgId: creator.orgId,
        interviewId: input.interviewId ?? null,
        problemVersionId: input.problemVersionId ?? null,
        mode: input.mode,
        language: input.language,
        source: input.source,
        stdin: input.stdin ?? null,
        testsTotal: input.mode === 'run' ? null : judged.tests.length,
        createdAt: deps.now(),
      });
      if (input.interviewId && deps.announceRoomRun) {
        await deps.announceRoomRun({
          executionId: id,
          interviewId: input.interviewId,
          participantId: creator.participantId,
          ...(creator.label ? { label: creator.label } : {}),
          mode: input.mode,
          language: input.language,
          at: deps.now(),
        });
      }
      const job: ExecutionJob = {
        id,
        language: input.language,
        source: input.source,
        mode: input.mode,
        stdin: input.mode === 'run' ? input.stdin : undefined,
        stopOnFirstFailure: input.stopOnFirstFailure,
        ...judged,
      };
      try {
        // checkLanguage proved the queue exists.
        await deps.queue?.enqueue(executionRunJob, job, { attempts: EXECUTION_ATTEMPTS, jobId: id });
      } catch (error) {
        // Recover the row (never leave it pending for the sweeper), then fail the request.
        await repo.finish(id, internalErrorResult('the execution could not be queued'), deps.now());
        throw error;
      }
      deps.metrics.created(input.language, input.mode);
      return { id, status: 'pending' };
    },

    get,

    /** The interview an execution ran in (null outside rooms or when unknown): guests read theirs through it. */
    async interviewOf(id: string): Promise<string | null> {
      return (await repo.findById(id))?.row.interviewId ?? null;
    },

    async list(userId: string, limit: number): Promise<ExecutionSummary[]> {
      return (await repo.listForUser(userId, limit)).map(toSummary);
    },

    async languages(): Promise<LanguageInfo[]> {
      return (await deps.runners.current())?.languages ?? [];
    },

    /**
     * Subscribes to one's own execution, then reads its state: events from
     * the moment of the call are delivered, none is missed between the two.
     */
    async watch(reader: Reader, id: string, listener: (event: ExecutionEvent) => void) {
      await findOwned(reader, id);
      const unsubscribe = await deps.bus.subscribe(id, listener);
      try {
        return { current: await get(reader, id), unsubscribe };
      } catch (error) {
        unsubscribe();
        throw error;
      }
    },
  };
}
