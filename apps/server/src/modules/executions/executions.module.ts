import type { ExecutionEngine } from './execution-engine.js';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db.js';
import type { JobQueue, QueueLogger } from '../../platform/queue/queue.js';
import { createMemoryExecutionBus, createRedisExecutionBus } from './execution-bus.js';
import { handleExecutionJob, executionRunJob } from './execution-job.js';
import { createDbRateLimiter, createRedisRateLimiter } from './execution-limits.js';
import { createExecutionRecorder } from './execution-recorder.js';
import { createExecutionSweeper } from './execution-sweeper.js';
import { createExecutionsRepo } from './executions.repo.js';
import { createExecutionMetrics } from './executions.metrics.js';
import { executionsRoutes } from './executions.routes.js';
import type { RoomAccess } from '../interviews/room-access.js';
import type { RoomRun, RoomRunsPort } from '../rooms/room-console.js';
import {
  createExecutionsService,
  noProblemTests,
  type ExecutionsService,
  type ProblemTestsPort,
} from './executions.service.js';
import { createResultsConsumer } from './results-stream.js';
import { engineDirectory, offeredLanguages, redisRunnerDirectory } from './runner-directory.js';

/**
 * Wires code execution. Embedded (RUNNER_MODE=embedded): this process runs
 * the `execution.run` jobs on its engine and records them directly. Remote:
 * `npm run runner` processes run them; this node reads their results from
 * the Redis stream. Either way watchers follow runs through the event bus
 * (Redis pub/sub whenever Redis is configured, so any node can serve them)
 * and the sweeper fails runs whose runner vanished.
 */
export async function registerExecutionsModule(
  app: FastifyInstance,
  deps: {
    config: Config;
    db: Db;
    /** The job queue executions go through; absent: POST /api/v1/executions answers 503. */
    queue?: JobQueue;
    /** The sandbox engine of the embedded mode. */
    engine?: ExecutionEngine;
    redis?: Redis;
    redisPrefix: string;
    /** The question bank's tests of a problem version (issue #6). */
    problemTests?: ProblemTestsPort;
    /** The interviews module's view of rooms: runs from a room (interviewId) are authorised by the caller's place in it. */
    roomAccess?: RoomAccess;
    metrics?: Registry;
    logger: QueueLogger;
    now: () => Date;
  },
): Promise<RoomRunsPort & { executions: ExecutionsService }> {
  const { config, redis, redisPrefix: prefix, logger, now } = deps;
  const runner = config.runner;
  const isRemote = runner.mode === 'remote';
  const repo = createExecutionsRepo(deps.db);
  const metrics = createExecutionMetrics(deps.metrics);
  const bus = redis
    ? createRedisExecutionBus({ publisher: redis, subscriber: redis.duplicate(), prefix, logger })
    : createMemoryExecutionBus();
  const recorder = createExecutionRecorder({ repo, bus, metrics, logger, now });
  const limits = { perUser: runner.ratePerMinute, perOrg: runner.orgRatePerMinute };
  const roomRunListeners = new Set<(run: RoomRun) => Promise<void>>();

  const service = createExecutionsService({
    repo,
    queue: deps.queue,
    runners: offeredLanguages(
      isRemote && redis ? redisRunnerDirectory(redis, prefix) : engineDirectory(deps.engine),
      runner.languages,
    ),
    limiter: redis ? createRedisRateLimiter(redis, prefix, limits) : createDbRateLimiter(repo, limits),
    bus,
    problemTests: deps.problemTests ?? noProblemTests,
    metrics,
    maxQueue: runner.maxQueue,
    now,
    async announceRoomRun(run) {
      for (const listener of roomRunListeners) {
        // The run goes ahead even if the room cannot show it.
        await listener(run).catch((error: unknown) =>
          logger.warn({ err: error, executionId: run.executionId }, 'the room could not follow a run'),
        );
      }
    },
  });

  const { engine, queue } = deps;
  if (!isRemote && engine && queue && config.workersEnabled) {
    queue.register(executionRunJob, (job, ctx) => handleExecutionJob(job, ctx, { engine, sink: recorder, logger }), {
      concurrency: engine.slots,
    });
  }

  const consumer =
    isRemote && redis ? createResultsConsumer({ redis: redis.duplicate(), prefix, sink: recorder, logger }) : undefined;
  const sweeper = createExecutionSweeper({
    repo,
    publishDone: recorder.publishDone,
    staleMs: runner.staleMs,
    logger,
    now,
  });
  app.addHook('onReady', async () => {
    await consumer?.start();
    sweeper.start();
  });
  app.addHook('onClose', async () => {
    await sweeper.stop();
    await consumer?.stop();
    await bus.close();
  });

  await app.register(executionsRoutes, {
    executions: service,
    ...(deps.roomAccess ? { roomAccess: deps.roomAccess } : {}),
  });
  return {
    /** The service itself, for the question bank's verification runs. */
    executions: service,
    events: bus,
    onRoomRun(listener) {
      roomRunListeners.add(listener);
      return () => roomRunListeners.delete(listener);
    },
  };
}
