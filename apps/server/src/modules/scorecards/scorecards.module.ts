import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db.js';
import type { AuditService } from '../audit/audit.service.js';
import { createScorecardTemplatesRepo } from './scorecard-templates.repo.js';
import { scorecardTemplatesRoutes } from './scorecard-templates.routes.js';
import { createScorecardTemplatesService } from './scorecard-templates.service.js';
import { createScorecardsRepo } from './scorecards.repo.js';
import { scorecardsRoutes } from './scorecards.routes.js';
import { createScorecardsService, type ScorecardsService } from './scorecards.service.js';

/**
 * Wires the scorecards module: an organisation's scorecard templates
 * (versioned) and the interviewers' scorecards of an interview. Register after
 * the auth module.
 */
export async function registerScorecardsModule(
  app: FastifyInstance,
  deps: { db: Db; audit: AuditService; now: () => Date },
): Promise<{ scorecards: ScorecardsService }> {
  const templates = createScorecardTemplatesService({
    repo: createScorecardTemplatesRepo(deps.db),
    audit: deps.audit,
    now: deps.now,
  });
  const scorecards = createScorecardsService({
    repo: createScorecardsRepo(deps.db),
    templates,
    audit: deps.audit,
    now: deps.now,
  });
  await app.register(scorecardTemplatesRoutes, { templates });
  await app.register(scorecardsRoutes, { scorecards });
  return { scorecards };
}
