import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db.js';
import type { AuditService } from '../audit/audit.service.js';
import type { SessionsService } from '../auth/sessions.service.js';
import { createUsersRepo } from '../users/users.repo.js';
import { createPrivacyRepo } from './privacy.repo.js';
import { privacyRoutes } from './privacy.routes.js';
import { createPrivacyService } from './privacy.service.js';

export async function registerPrivacyModule(
  app: FastifyInstance,
  deps: { db: Db; audit: AuditService; sessions: Pick<SessionsService, 'evictSessions'>; now: () => Date },
) {
  const privacy = createPrivacyService({
    repo: createPrivacyRepo(deps.db),
    users: createUsersRepo(deps.db),
    audit: deps.audit,
    evictSessions: (hashes) => deps.sessions.evictSessions(hashes),
    now: deps.now,
  });
  await app.register(privacyRoutes, { privacy });
}
