import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db.js';
import type { AuditService } from '../audit/audit.service.js';
import { createSessionsRepo } from '../auth/sessions.repo.js';
import type { SessionsService } from '../auth/sessions.service.js';
import { createUsersRepo } from '../users/users.repo.js';
import { createAdminRepo } from './admin.repo.js';
import { adminRoutes } from './admin.routes.js';
import { createAdminService } from './admin.service.js';

/** Wires platform administration (/api/v1/admin). Register after the auth module. */
export async function registerAdminModule(
  app: FastifyInstance,
  deps: {
    db: Db;
    audit: AuditService;
    /** The auth module's sessions service, to evict cached sessions of suspended or re-roled users. */
    sessions: Pick<SessionsService, 'evictSessions'>;
    now: () => Date;
  },
): Promise<void> {
  const admin = createAdminService({
    repo: createAdminRepo(deps.db),
    users: createUsersRepo(deps.db),
    sessions: createSessionsRepo(deps.db),
    evictSessions: (hashes) => deps.sessions.evictSessions(hashes),
    audit: deps.audit,
    now: deps.now,
  });
  await app.register(adminRoutes, { admin });
}
