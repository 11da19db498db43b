import type { Config } from '../../config.js';
import type { Db } from '../db.js';
import { createBullmqQueue, type BullmqQueueOptions } from './bullmq-queue.js';
import { createPgQueue, type PgQueueOptions } from './pg-queue.js';
import type { JobQueue, QueueLogger } from './queue.js';

/** What createQueue needs; the adapter-specific tuning applies only to the adapter chosen. */
export interface CreateQueueDeps {
  config: Pick<Config, 'redisUrl'>;
  db: Db;
  logger: QueueLogger;
  /** Tuning of the Postgres queue (poll interval, lease…), used when no Redis is configured. */
  pg?: Omit<PgQueueOptions, 'db' | 'logger'>;
  /** Tuning of the BullMQ queue (key prefix, lease…), used when REDIS_URL is set. */
  bullmq?: Omit<BullmqQueueOptions, 'redisUrl' | 'logger'>;
}

/**
 * Chooses the job queue once at start-up: BullMQ when REDIS_URL is set
 * (scaled), else the durable Postgres-table queue (embedded). Callers only see
 * JobQueue, so the same code paths run in both modes.
 */
export function createQueue(deps: CreateQueueDeps): JobQueue {
  const { config, db, logger } = deps;
  if (config.redisUrl) return createBullmqQueue({ ...deps.bullmq, redisUrl: config.redisUrl, logger });
  return createPgQueue({ ...deps.pg, db, logger });
}
