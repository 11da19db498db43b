import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db.js';
import type { QueueLogger } from '../../platform/queue/queue.js';
import { refreshUsage } from './questions-usage.repo.js';
import { createQuestionsRepo } from './questions.repo.js';
import { questionsRoutes } from './questions.routes.js';
import { createQuestionsService, type QuestionsService } from './questions.service.js';
import { createVerificationsService, type VerificationRunner } from './verifications.service.js';

/** How often the usage counters that search sorts by are recomputed. */
const USAGE_REFRESH_MS = 10 * 60_000;

/**
 * Wires the question bank: problems, versions, verification on publish (runs
 * through the executions module), import/export. The executions module gets
 * the bank's tests through createProblemTestsPort (app.ts). Returns the
 * service so the room can show a version as the candidate sees it.
 */
export async function registerQuestionsModule(
  app: FastifyInstance,
  deps: { db: Db; runner: VerificationRunner; logger: QueueLogger; now: () => Date },
): Promise<QuestionsService> {
  const repo = createQuestionsRepo(deps.db);
  const verifications = createVerificationsService({ repo, runner: deps.runner, logger: deps.logger, now: deps.now });
  const questions = createQuestionsService({ db: deps.db, repo, verifications, now: deps.now });
  await app.register(questionsRoutes, { questions, verifications });

  let timer: NodeJS.Timeout | undefined;
  const refresh = () =>
    refreshUsage(deps.db).catch((err: unknown) => deps.logger.warn({ err }, 'problem usage refresh failed'));
  app.addHook('onReady', async () => {
    timer = setInterval(() => void refresh(), USAGE_REFRESH_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
  return questions;
}
