import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db.js';
import type { AuditService } from '../audit/audit.service.js';
import { createSessionsRepo } from '../auth/sessions.repo.js';
import type { SessionsService } from '../auth/sessions.service.js';
import type { MailService } from '../mail/mail.service.js';
import { createInvitationsService } from './invitations.service.js';
import { invitationsRoutes } from './invitations.routes.js';
import { createOrgSettingsRepo } from './org-settings.repo.js';
import { orgSettingsRoutes } from './org-settings.routes.js';
import { createOrgsRepo } from './orgs.repo.js';
import { orgsRoutes } from './orgs.routes.js';
import { createOrgsService, type SessionAccess } from './orgs.service.js';

/**
 * Wires the organisations module: orgs, members, invitations and the active
 * org of a session, under /api/v1/orgs. Register after the auth module, whose
 * plugin provides request.principal() and CSRF.
 */
export async function registerOrgsModule(
  app: FastifyInstance,
  deps: {
    config: Config;
    db: Db;
    audit: AuditService;
    mail: MailService;
    /** The auth module's sessions service, to evict cached sessions when memberships change. */
    sessions: Pick<SessionsService, 'evictSessions'>;
    now: () => Date;
  },
): Promise<void> {
  const repo = createOrgsRepo(deps.db);
  const sessionsRepo = createSessionsRepo(deps.db);
  const sessions: SessionAccess = {
    setActiveOrg: (sessionId, orgId) => sessionsRepo.setActiveOrg(sessionId, orgId),
    async refreshUser(userId) {
      const live = await sessionsRepo.listForUser(userId, deps.now());
      await deps.sessions.evictSessions(live.map((s) => s.tokenHash));
    },
  };
  const orgs = createOrgsService({ repo, sessions, audit: deps.audit });
  const invitations = createInvitationsService({
    repo,
    audit: deps.audit,
    mail: deps.mail,
    sessions,
    publicUrl: deps.config.publicUrl,
    now: deps.now,
  });
  await app.register(orgsRoutes, { orgs });
  await app.register(invitationsRoutes, { invitations });
  await app.register(orgSettingsRoutes, { repo: createOrgSettingsRepo(deps.db), audit: deps.audit });
}
