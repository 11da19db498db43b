import type { Redis } from 'ioredis';
import type { SessionWithUser } from './sessions.repo.js';

/**
 * Read-through cache of live sessions by token hash, so a scaled cluster does
 * not hit PostgreSQL on every request. Entries live a short time and are
 * deleted when a session ends, so a revocation takes effect at once on every
 * node; a suspension or role change at most TTL later (callers also evict).
 */
export interface SessionCache {
  get(tokenHash: string): Promise<SessionWithUser | null>;
  set(tokenHash: string, value: SessionWithUser): Promise<void>;
  evict(tokenHashes: string[]): Promise<void>;
}

export const SESSION_CACHE_TTL_MS = 30_000;

const DATE_FIELDS = {
  session: ['createdAt', 'lastSeenAt', 'expiresAt'],
  user: ['emailVerifiedAt', 'createdAt', 'updatedAt'],
} as const;

function revive(raw: string): SessionWithUser {
  const value = JSON.parse(raw) as SessionWithUser;
  const session = value.session as unknown as Record<string, unknown>;
  const user = value.user as unknown as Record<string, unknown>;
  for (const field of DATE_FIELDS.session)
    if (typeof session[field] === 'string') session[field] = new Date(session[field]);
  for (const field of DATE_FIELDS.user) if (typeof user[field] === 'string') user[field] = new Date(user[field]);
  return value;
}

export const noSessionCache: SessionCache = {
  get: async () => null,
  set: async () => undefined,
  evict: async () => undefined,
};

export function createRedisSessionCache(redis: Redis, prefix = 'isel:session:'): SessionCache {
  return {
    async get(tokenHash) {
      const raw = await redis.get(prefix + tokenHash);
      return raw ? revive(raw) : null;
    },
    async set(tokenHash, value) {
      await redis.set(prefix + tokenHash, JSON.stringify(value), 'PX', SESSION_CACHE_TTL_MS);
    },
    async evict(tokenHashes) {
      if (tokenHashes.length > 0) await redis.del(...tokenHashes.map((h) => prefix + h));
    },
  };
}
