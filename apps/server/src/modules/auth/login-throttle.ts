import type { Redis } from 'ioredis';
import type { AuthRepo } from './auth.repo.js';

/**
 * Sign-in throttling per account and per IP with exponential backoff: the
 * first FREE_FAILURES failures cost nothing, then each further failure locks
 * the key for 2^(n - FREE_FAILURES) seconds, capped at 15 minutes. Keys are
 * throttled whether or not the account exists, so the lock reveals nothing.
 * A success clears the account key (not the IP key: one good password must
 * not reset a spraying IP).
 */
export const FREE_FAILURES = 5;
/** An IP may be a whole office behind NAT: it gets more free failures than one account. */
export const IP_FREE_FAILURES = 20;
export const MAX_LOCK_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
export const FAILURE_WINDOW_MS = 60 * 60_000;

export function lockDurationMs(failures: number, free = FREE_FAILURES): number {
  if (failures <= free) return 0;
  return Math.min(MAX_LOCK_MS, 1000 * 2 ** (failures - free));
}

/** The lock rule for one throttle key: IP keys are more lenient than account keys. */
function lockRuleFor(key: string): (failures: number) => number {
  const free = key.startsWith('ip:') ? IP_FREE_FAILURES : FREE_FAILURES;
  return (failures) => lockDurationMs(failures, free);
}

export interface LoginThrottle {
  /** Milliseconds until the first locked key unlocks, or 0 when none is locked. */
  retryAfterMs(keys: string[], now: Date): Promise<number>;
  recordFailure(keys: string[], now: Date): Promise<void>;
  clear(key: string): Promise<void>;
}

export function throttleKeys(email: string, ip: string): { account: string; ip: string } {
  return { account: `account:${email.toLowerCase()}`, ip: `ip:${ip}` };
}

/** Embedded mode: counters in the auth_throttle table. */
export function createPgLoginThrottle(repo: AuthRepo): LoginThrottle {
  return {
    async retryAfterMs(keys, now) {
      let wait = 0;
      for (const key of keys) {
        const row = await repo.getThrottle(key);
        if (row?.lockedUntil) wait = Math.max(wait, row.lockedUntil.getTime() - now.getTime());
      }
      return Math.max(0, wait);
    },
    async recordFailure(keys, now) {
      for (const key of keys) await repo.addFailure(key, now, FAILURE_WINDOW_MS, lockRuleFor(key));
    },
    clear: (key) => repo.clearThrottle(key),
  };
}

/** Scaled mode: counters in Redis, shared by every node; keys expire on their own. */
export function createRedisLoginThrottle(redis: Redis, prefix = 'isel:throttle:'): LoginThrottle {
  return {
    async retryAfterMs(keys) {
      const ttls = await Promise.all(keys.map((k) => redis.pttl(`${prefix}lock:${k}`)));
      return Math.max(0, ...ttls);
    },
    async recordFailure(keys) {
      for (const key of keys) {
        const failures = await redis.incr(`${prefix}n:${key}`);
        await redis.pexpire(`${prefix}n:${key}`, FAILURE_WINDOW_MS);
        const lockMs = lockRuleFor(key)(failures);
        if (lockMs > 0) await redis.set(`${prefix}lock:${key}`, '1', 'PX', lockMs);
      }
    },
    async clear(key) {
      await redis.del(`${prefix}n:${key}`, `${prefix}lock:${key}`);
    },
  };
}
