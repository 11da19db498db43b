import { createHash, randomBytes } from 'node:crypto';

/** A random 256-bit token for cookies and e-mailed links (base64url, 43 characters). */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What we store instead of a token: its SHA-256, so a database leak yields no usable tokens. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
