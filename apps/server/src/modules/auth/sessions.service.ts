import type { CurrentUser, SignInInput, SignInResult } from '@interviewselect/contracts';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { hashPassword, verifyPassword } from '../users/password.js';
import type { UsersRepo } from '../users/users.repo.js';
import type { UserRow } from '../users/users.tables.js';
import { throttleKeys, type LoginThrottle } from './login-throttle.js';
import type { Principal } from './principal.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';
import { noSessionCache, type SessionCache } from './session-cache.js';
import type { SessionsRepo, SessionWithUser } from './sessions.repo.js';
import type { TotpService } from './totp.service.js';

export type SessionsService = ReturnType<typeof createSessionsService>;

export interface SessionPolicy {
  /** Absolute lifetime of a session. */
  absoluteMs: number;
  /** A session unused this long ends. */
  idleMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { absoluteMs: 30 * 24 * 3600_000, idleMs: 7 * 24 * 3600_000 };

/** Touching last_seen_at on every request would write per request; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

/** A real hash of a random password, so unknown e-mails cost the same argon2 time as known ones. */
let dummyHash: Promise<string> | undefined;
function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(newSecretToken());
  return dummyHash;
}

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

export function toCurrentUser(s: SessionWithUser): CurrentUser {
  return {
    id: s.user.id,
    email: s.user.email,
    name: s.user.name,
    emailVerified: s.user.emailVerifiedAt !== null,
    platformRole: s.user.platformRole,
    totpEnabled: s.totpEnabled,
    memberships: s.memberships,
    activeOrgId: s.session.activeOrgId,
  };
}

export function createSessionsService(deps: {
  sessions: SessionsRepo;
  users: UsersRepo;
  throttle: LoginThrottle;
  totp: TotpService;
  audit: AuditService;
  now: () => Date;
  policy?: SessionPolicy;
  cache?: SessionCache;
}) {
  const policy = deps.policy ?? DEFAULT_SESSION_POLICY;
  const cache = deps.cache ?? noSessionCache;

  async function findLive(tokenHash: string, now: Date): Promise<SessionWithUser | null> {
    const cached = await cache.get(tokenHash);
    if (cached && cached.session.expiresAt > now) return cached;
    const live = await deps.sessions.findLive(tokenHash, now);
    if (live) await cache.set(tokenHash, live);
    return live;
  }

  /** Creates a fresh session (new token: sign-in always rotates) and returns its cookie token. */
  async function startSession(user: UserRow, meta: RequestMeta): Promise<{ token: string; user: CurrentUser }> {
    const now = deps.now();
    const token = newSecretToken();
    await deps.sessions.insert({
      tokenHash: hashSecretToken(token),
      userId: user.id,
      expiresAt: new Date(now.getTime() + policy.absoluteMs),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    });
    let live = await deps.sessions.findLive(hashSecretToken(token), now);
    if (!live) throw new Error('session vanished right after creation');
    // Members of organisations start in their first one, so org-scoped screens work at once.
    const firstOrg = live.memberships[0];
    if (firstOrg) {
      await deps.sessions.setActiveOrg(live.session.id, firstOrg.orgId);
      live = { ...live, session: { ...live.session, activeOrgId: firstOrg.orgId } };
    }
    await deps.audit.record({
      action: 'auth.sign_in',
      actorUserId: user.id,
      ip: meta.ip,
      data: { userAgent: meta.userAgent },
    });
    return { token, user: toCurrentUser(live) };
  }

  async function failSignIn(email: string, meta: RequestMeta, keys: string[], userId?: string): Promise<never> {
    await deps.throttle.recordFailure(keys, deps.now());
    await deps.audit.record({
      action: 'auth.sign_in_failed',
      actorUserId: userId ?? null,
      ip: meta.ip,
      data: { email },
    });
    throw new AppError('auth.invalid_credentials', 'The e-mail address or password is incorrect.');
  }

  return {
    startSession,
    /**
     * Replaces the current session with a fresh token after a security change
     * (password, two-factor): a token captured before the change stops working.
     */
    async rotate(userId: string, sessionId: string, meta: RequestMeta): Promise<string> {
      const now = deps.now();
      const token = newSecretToken();
      const current = (await deps.sessions.listForUser(userId, now)).find((s) => s.id === sessionId);
      await deps.sessions.insert({
        tokenHash: hashSecretToken(token),
        userId,
        activeOrgId: current?.activeOrgId ?? null,
        expiresAt: new Date(now.getTime() + policy.absoluteMs),
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 512) ?? null,
      });
      await cache.evict(await deps.sessions.deleteById(userId, sessionId));
      await deps.audit.record({ action: 'auth.session_rotated', actorUserId: userId, ip: meta.ip });
      return token;
    },

    /** Drops cached copies after changes made elsewhere (password reset, suspension, erasure). */
    evictSessions: (tokenHashes: string[]) => cache.evict(tokenHashes),

    async signIn(input: SignInInput, meta: RequestMeta): Promise<{ result: SignInResult; token?: string }> {
      const keys = throttleKeys(input.email, meta.ip);
      const wait = await deps.throttle.retryAfterMs([keys.account, keys.ip], deps.now());
      if (wait > 0) {
        throw new AppError(
          'auth.throttled',
          `Too many failed attempts. Try again in ${Math.ceil(wait / 1000)} seconds.`,
        );
      }
      const user = await deps.users.findByEmail(input.email);
      const ok = await verifyPassword(
        user?.passwordHash ?? (await timingDummyHash()),
        input.password.normalize('NFKC'),
      );
      if (!user || !ok) return failSignIn(input.email, meta, [keys.account, keys.ip], user?.id);
      await deps.throttle.clear(keys.account);
      if (user.status === 'suspended') {
        throw new AppError('auth.suspended', 'This account is suspended. Contact your administrator.');
      }
      if (!user.emailVerifiedAt) {
        throw new AppError(
          'auth.email_unverified',
          'Confirm your e-mail address first: open the link we sent you, or ask for a new one.',
        );
      }
      if (await deps.totp.isEnabled(user.id)) {
        return { result: { status: 'totp_required', challenge: deps.totp.issueChallenge(user.id) } };
      }
      const started = await startSession(user, meta);
      return { result: { status: 'signed_in', user: started.user }, token: started.token };
    },

    async completeTotpSignIn(challenge: string, code: string, meta: RequestMeta) {
      const userId = deps.totp.readChallenge(challenge);
      const keys = [`totp:${userId}`, `ip:${meta.ip}`];
      const wait = await deps.throttle.retryAfterMs(keys, deps.now());
      if (wait > 0)
        throw new AppError('auth.throttled', `Too many attempts. Try again in ${Math.ceil(wait / 1000)} seconds.`);
      const user = await deps.users.findById(userId);
      if (!user || !(await deps.totp.verifyCode(userId, code))) {
        await deps.throttle.recordFailure(keys, deps.now());
        await deps.audit.record({ action: 'auth.totp_failed', actorUserId: userId, ip: meta.ip });
        throw new AppError(
          'auth.totp_invalid',
          'That code is not valid. Enter the current code from your app, or a recovery code.',
        );
      }
      await deps.throttle.clear(keys[0] ?? '');
      return startSession(user, meta);
    },

    /** The principal for a session cookie token, enforcing idle and absolute expiry. */
    async resolve(token: string | undefined): Promise<Extract<Principal, { kind: 'user' }> | null> {
      if (!token || token.length > 128) return null;
      const now = deps.now();
      const tokenHash = hashSecretToken(token);
      const live = await findLive(tokenHash, now);
      if (!live) return null;
      if (now.getTime() - live.session.lastSeenAt.getTime() > policy.idleMs || live.user.status !== 'active') {
        await cache.evict(await deps.sessions.deleteById(live.user.id, live.session.id));
        return null;
      }
      if (now.getTime() - live.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await deps.sessions.touch(live.session.id, now);
        await cache.evict([tokenHash]);
      }
      const user = toCurrentUser(live);
      return {
        kind: 'user',
        userId: live.user.id,
        sessionId: live.session.id,
        platformRole: live.user.platformRole,
        emailVerified: user.emailVerified,
        orgRoles: new Map(live.memberships.map((m) => [m.orgId, m.role])),
        activeOrgId: live.session.activeOrgId,
        user,
      };
    },

    async signOut(userId: string, sessionId: string): Promise<void> {
      await cache.evict(await deps.sessions.deleteById(userId, sessionId));
      await deps.audit.record({ action: 'auth.sign_out', actorUserId: userId });
    },

    /** Ends every session of the user, optionally keeping the current one. */
    async signOutEverywhere(userId: string, keepSessionId?: string): Promise<number> {
      const removed = await deps.sessions.deleteAllForUser(userId, keepSessionId);
      await cache.evict(removed);
      await deps.audit.record({
        action: 'auth.sign_out_everywhere',
        actorUserId: userId,
        data: { count: removed.length },
      });
      return removed.length;
    },

    async list(userId: string, currentSessionId: string) {
      const rows = await deps.sessions.listForUser(userId, deps.now());
      return rows.map((r) => ({
        id: r.id,
        current: r.id === currentSessionId,
        createdAt: r.createdAt.toISOString(),
        lastSeenAt: r.lastSeenAt.toISOString(),
        expiresAt: r.expiresAt.toISOString(),
        ip: r.ip,
        userAgent: r.userAgent,
      }));
    },

    async revoke(userId: string, sessionId: string): Promise<void> {
      const removed = await deps.sessions.deleteById(userId, sessionId);
      await cache.evict(removed);
      if (removed.length === 0) throw new AppError('resource.not_found', 'No such active session.');
      await deps.audit.record({
        action: 'auth.session_revoked',
        actorUserId: userId,
        targetType: 'session',
        targetId: sessionId,
      });
    },
  };
}
