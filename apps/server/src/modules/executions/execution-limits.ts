import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { ExecutionsRepo } from './executions.repo.js';

const WINDOW_MS = 60_000;

/**
 * Who is starting an execution, for the per-user and per-org limits: an
 * account, or (in a room) a guest participant, who counts as a user of its own.
 */
export interface RateKey {
  userId: string | null;
  participantId: string | null;
  orgId: string | null;
}

/** The "user" scope of a key: the account, else the room participant. */
function personScope(key: RateKey): { userId: string } | { participantId: string } {
  if (key.userId) return { userId: key.userId };
  if (key.participantId) return { participantId: key.participantId };
  throw new Error('an execution needs a user or a participant');
}

/** A refusal: which limit, and the seconds until a new execution would be accepted. */
export interface RateRefusal {
  scope: 'user' | 'org';
  retryAfterSeconds: number;
}

export interface ExecutionRateLimiter {
  /** Counts one execution against the limits; a refusal when one is exhausted (nothing is counted then). */
  take(key: RateKey, now: Date): Promise<RateRefusal | null>;
}

export interface RateLimits {
  perUser: number;
  perOrg: number;
}

/**
 * Embedded: sliding one-minute window over the executions table itself. The
 * execution row inserted next is what counts, so take() stores nothing.
 */
export function createDbRateLimiter(repo: ExecutionsRepo, limits: RateLimits): ExecutionRateLimiter {
  async function check(
    scope: RateRefusal['scope'],
    filter: { userId: string } | { participantId: string } | { orgId: string },
    now: Date,
    limit: number,
  ) {
    const window = await repo.countCreatedSince(filter, new Date(now.getTime() - WINDOW_MS));
    if (window.count < limit) return null;
    const freesAt = (window.oldest?.getTime() ?? now.getTime()) + WINDOW_MS;
    return { scope, retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000)) };
  }
  return {
    async take(key, now) {
      return (
        (await check('user', personScope(key), now, limits.perUser)) ??
        (key.orgId ? await check('org', { orgId: key.orgId }, now, limits.perOrg) : null)
      );
    },
  };
}

/**
 * Checks every window key (KEYS, limits in ARGV[4..]) and, when none is full,
 * records this execution in all of them — atomically, so nodes racing for the
 * last slot cannot both win. Returns {0, 0} when taken, else {index of the
 * full key (1-based), score of its oldest entry}.
 */
const SLIDING_WINDOW_SCRIPT = `
local now, window, member = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, 0, now - window)
  if redis.call('ZCARD', key) >= tonumber(ARGV[3 + i]) then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    return {i, tonumber(oldest[2])}
  end
end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, member)
  redis.call('PEXPIRE', key, window)
end
return {0, 0}
`;

/**
 * Scaled: the same sliding one-minute window, in Redis sorted sets shared by
 * every node (`<prefix>exec:rate:<scope>:<id>`), expiring on their own.
 */
export function createRedisRateLimiter(redis: Redis, prefix: string, limits: RateLimits): ExecutionRateLimiter {
  return {
    async take(key, now) {
      const scopes: { scope: RateRefusal['scope']; key: string; limit: number }[] = [
        {
          scope: 'user',
          key: key.userId
            ? `${prefix}exec:rate:user:${key.userId}`
            : `${prefix}exec:rate:participant:${key.participantId}`,
          limit: limits.perUser,
        },
        ...(key.orgId
          ? [{ scope: 'org' as const, key: `${prefix}exec:rate:org:${key.orgId}`, limit: limits.perOrg }]
          : []),
      ];
      const reply = await redis.eval(
        SLIDING_WINDOW_SCRIPT,
        scopes.length,
        ...scopes.map((s) => s.key),
        now.getTime(),
        WINDOW_MS,
        randomUUID(),
        ...scopes.map((s) => s.limit),
      );
      const [index, oldest] = z.tuple([z.number(), z.number()]).parse(reply);
      const full = scopes[index - 1];
      if (!full) return null;
      return {
        scope: full.scope,
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - now.getTime()) / 1000)),
      };
    },
  };
}
