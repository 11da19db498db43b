import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Redis } from 'ioredis';
import type { JobQueue, QueueLogger } from '../../platform/queue/queue.js';
import { createRedisExecutionPublisher } from './execution-bus.js';
import type { ExecutionEngine } from './execution-engine.js';
import { executionRunJob, handleExecutionJob } from './execution-job.js';
import { createRedisResultsSink } from './results-stream.js';
import { advertiseRunner } from './runner-directory.js';

/**
 * A runner process of the scaled mode (`npm run runner`): takes
 * `execution.run` jobs from the queue, runs them on its engine, reports
 * through Redis (results stream, live events) and advertises its languages
 * and slots so servers know code can run. Reads no database.
 */
export async function startRemoteRunner(deps: {
  engine: ExecutionEngine;
  queue: JobQueue;
  redis: Redis;
  /** Redis key namespace shared with the servers (`isel:` by default). */
  prefix: string;
  logger: QueueLogger;
}): Promise<{ runnerId: string; stop(): Promise<void> }> {
  const { engine, queue, redis, prefix, logger } = deps;
  const runnerId = `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const sink = createRedisResultsSink({ redis, prefix, publish: createRedisExecutionPublisher(redis, prefix, logger) });
  queue.register(executionRunJob, (job, ctx) => handleExecutionJob(job, ctx, { engine, sink, logger }), {
    concurrency: engine.slots,
  });
  await queue.start();
  const advert = advertiseRunner({
    redis,
    prefix,
    runnerId,
    info: { languages: await engine.languages(), slots: engine.slots },
  });
  await advert.ready;
  logger.info({ runnerId, slots: engine.slots }, 'runner taking executions');
  return {
    runnerId,
    async stop() {
      // Withdraw first so servers stop counting on this runner, then let running jobs finish.
      await advert.stop();
      await queue.stop();
    },
  };
}
