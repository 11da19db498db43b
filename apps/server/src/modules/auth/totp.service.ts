import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthRepo } from './auth.repo.js';
import { generateRecoveryCodes, generateTotpSecret, totpUri, verifyTotp } from './totp.js';

export type TotpService = ReturnType<typeof createTotpService>;

/** How long the password step of a 2FA sign-in stays valid. */
const CHALLENGE_TTL_MS = 5 * 60_000;

function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.trim().toLowerCase()).digest('hex');
}

/**
 * Optional TOTP second factor with single-use recovery codes. Between the
 * password step and the code step the client holds a short-lived challenge
 * signed with the server secret (stateless, works across nodes).
 */
export function createTotpService(deps: { repo: AuthRepo; audit: AuditService; secretKey: string; now: () => Date }) {
  const sign = (payload: string) =>
    createHmac('sha256', deps.secretKey).update(`totp-challenge:${payload}`).digest('base64url');

  async function verifyCode(userId: string, code: string): Promise<boolean> {
    const row = await deps.repo.getTotp(userId);
    if (!row?.enabledAt) return false;
    if (code.includes('-')) return deps.repo.useRecoveryCode(userId, hashRecoveryCode(code), deps.now());
    const step = verifyTotp(row.secret, code, deps.now().getTime());
    // The step must be newer than the last accepted one: a code cannot be replayed.
    return step !== null && (await deps.repo.advanceTotpStep(userId, step));
  }

  return {
    verifyCode,

    async isEnabled(userId: string): Promise<boolean> {
      return (await deps.repo.getTotp(userId))?.enabledAt != null;
    },

    issueChallenge(userId: string): string {
      const payload = `${userId}.${deps.now().getTime() + CHALLENGE_TTL_MS}`;
      return `${Buffer.from(payload).toString('base64url')}.${sign(payload)}`;
    },

    /** The user id of a valid, unexpired challenge; throws a 400 otherwise. */
    readChallenge(challenge: string): string {
      const [encoded, mac] = challenge.split('.');
      const payload = Buffer.from(encoded ?? '', 'base64url').toString();
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(mac ?? '');
      const [userId, expiry] = payload.split('.');
      if (
        given.length !== expected.length ||
        !timingSafeEqual(given, expected) ||
        !userId ||
        Number(expiry) < deps.now().getTime()
      ) {
        throw new AppError(
          'auth.token_invalid',
          'This sign-in attempt has expired. Enter your e-mail and password again.',
        );
      }
      return userId;
    },

    /** Step 1 of enabling: a new secret, not active until a code proves the app has it. */
    async beginSetup(userId: string, email: string) {
      const secret = generateTotpSecret();
      await deps.repo.upsertPendingTotp(userId, secret);
      return { secret, otpauthUri: totpUri(secret, email) };
    },

    async enable(userId: string, code: string): Promise<string[]> {
      const row = await deps.repo.getTotp(userId);
      const step = row ? verifyTotp(row.secret, code, deps.now().getTime()) : null;
      if (!row || row.enabledAt || step === null || !(await deps.repo.advanceTotpStep(userId, step))) {
        throw new AppError(
          'auth.totp_invalid',
          'That code does not match. Check the time on your phone and enter the current code.',
        );
      }
      const codes = generateRecoveryCodes();
      await deps.repo.enableTotp(userId, deps.now(), codes.map(hashRecoveryCode));
      await deps.audit.record({ action: 'auth.totp_enabled', actorUserId: userId });
      return codes;
    },

    async disable(userId: string): Promise<void> {
      await deps.repo.disableTotp(userId);
      await deps.audit.record({ action: 'auth.totp_disabled', actorUserId: userId });
    },
  };
}
