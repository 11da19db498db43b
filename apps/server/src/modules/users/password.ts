import { hash, verify } from '@node-rs/argon2';

/** Argon2id in @node-rs/argon2's (ambient const) Algorithm enum. */
const ARGON2ID = 2;

/**
 * argon2id with OWASP's second recommended profile (19 MiB, t=2, p=1):
 * ~20 ms here, affordable at sign-in rates, costly for offline guessing.
 * @node-rs/argon2 is a Node-API addon, so it loads under any Node version.
 */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
