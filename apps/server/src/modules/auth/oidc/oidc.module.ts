import type { FastifyInstance } from 'fastify';
import type { Config } from '../../../config.js';
import type { Db } from '../../../platform/db.js';
import type { AuditService } from '../../audit/audit.service.js';
import type { UsersRepo } from '../../users/users.repo.js';
import type { SessionsService } from '../sessions.service.js';
import type { TotpService } from '../totp.service.js';
import { createOidcDiscovery } from './oidc-discovery.js';
import { createOidcStateSealer } from './oidc-state.js';
import { createOidcRepo } from './oidc.repo.js';
import { oidcRoutes } from './oidc.routes.js';
import { createOidcService } from './oidc.service.js';

/**
 * "Sign in with …" for every OIDC_<NAME>_* provider in Config. Registered by
 * the auth module, which owns the sessions and two-factor services it reuses.
 */
export async function registerOidcModule(
  app: FastifyInstance,
  deps: {
    config: Config;
    db: Db;
    users: UsersRepo;
    sessions: SessionsService;
    totp: TotpService;
    audit: AuditService;
    sessionMaxAgeMs: number;
    now: () => Date;
  },
): Promise<void> {
  const { config, now } = deps;
  if (!config.secretKey) throw new Error('config.secretKey must be resolved before building the app');
  const oidc = createOidcService({
    discovery: createOidcDiscovery(config.oidcProviders),
    publicUrl: config.publicUrl,
    users: deps.users,
    links: createOidcRepo(deps.db),
    sessions: deps.sessions,
    totp: deps.totp,
    audit: deps.audit,
    now,
  });
  await app.register(oidcRoutes, {
    oidc,
    sealer: createOidcStateSealer(config.secretKey),
    isHttps: config.isHttps,
    sessionMaxAgeMs: deps.sessionMaxAgeMs,
    now,
  });
}
