import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../../config.js';
import { registerAuth } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import type { AuditService } from '../audit/audit.service.js';
import type { MailService } from '../mail/mail.service.js';
import { createUsersRepo } from '../users/users.repo.js';
import { createAccountsService } from './accounts.service.js';
import { createAuthRepo } from './auth.repo.js';
import { createGuestSessions } from './guest-sessions.js';
import { accountRoutes } from './account.routes.js';
import { sessionRoutes } from './session.routes.js';
import { createPgLoginThrottle, createRedisLoginThrottle } from './login-throttle.js';
import { registerOidcModule } from './oidc/oidc.module.js';
import { createRedisSessionCache, noSessionCache } from './session-cache.js';
import { createSessionsRepo } from './sessions.repo.js';
import { createSessionsService, DEFAULT_SESSION_POLICY, type SessionsService } from './sessions.service.js';
import { createTotpService } from './totp.service.js';

/**
 * Wires the auth module: the platform plugin that turns the session cookie
 * into request.principal() and enforces CSRF, and the /api/v1/auth routes.
 * Returns the sessions service, which OIDC sign-in and the room socket reuse.
 */
export async function registerAuthModule(
  app: FastifyInstance,
  deps: {
    config: Config;
    db: Db;
    audit: AuditService;
    mail: MailService;
    redis?: Redis;
    /** Namespace of this deployment's Redis keys (tests use a random one). */
    redisPrefix?: string;
    now: () => Date;
  },
): Promise<SessionsService> {
  const { config, db, audit, now } = deps;
  if (!config.secretKey) throw new Error('config.secretKey must be resolved before building the app');
  const users = createUsersRepo(db);
  const authRepo = createAuthRepo(db);
  const sessionsRepo = createSessionsRepo(db);
  const totp = createTotpService({ repo: authRepo, audit, secretKey: config.secretKey, now });
  const prefix = deps.redisPrefix ?? 'isel:';
  const throttle = deps.redis
    ? createRedisLoginThrottle(deps.redis, `${prefix}throttle:`)
    : createPgLoginThrottle(authRepo);
  const cache = deps.redis ? createRedisSessionCache(deps.redis, `${prefix}session:`) : noSessionCache;
  const sessions = createSessionsService({ sessions: sessionsRepo, users, throttle, totp, audit, now, cache });
  const accounts = createAccountsService({
    users,
    auth: authRepo,
    sessions: sessionsRepo,
    audit,
    mail: deps.mail,
    publicUrl: config.publicUrl,
    now,
    evictSessions: (hashes) => cache.evict(hashes),
  });

  const guests = createGuestSessions({ db, now });
  await app.register(registerAuth, {
    isHttps: config.isHttps,
    publicUrl: config.publicUrl,
    resolveSession: (token) => sessions.resolve(token),
    resolveGuest: (token) => guests.resolve(token),
  });
  await app.register(accountRoutes, { accounts, sessions, sessionMaxAgeMs: DEFAULT_SESSION_POLICY.absoluteMs });
  await app.register(sessionRoutes, {
    sessions,
    totp,
    users,
    sessionMaxAgeMs: DEFAULT_SESSION_POLICY.absoluteMs,
  });
  await registerOidcModule(app, {
    config,
    db,
    users,
    sessions,
    totp,
    audit,
    now,
    sessionMaxAgeMs: DEFAULT_SESSION_POLICY.absoluteMs,
  });
  return sessions;
}
