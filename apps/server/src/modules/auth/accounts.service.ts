import type { SignUpInput } from '@interviewselect/contracts';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { SendMailInput } from '../mail/mail.service.js';
import { hashPassword, verifyPassword } from '../users/password.js';
import type { UsersRepo } from '../users/users.repo.js';
import type { AuthRepo, UserTokenKind } from './auth.repo.js';
import { authEmails } from './auth-emails.js';
import { checkPassword, normalizePassword } from './password-policy.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';
import type { SessionsRepo } from './sessions.repo.js';

export type AccountsService = ReturnType<typeof createAccountsService>;

const TOKEN_TTL_MS: Record<UserTokenKind, number> = {
  verify_email: 24 * 3600_000,
  reset_password: 3600_000,
  change_email: 24 * 3600_000,
};

/**
 * Account life cycle: sign-up with e-mail verification, password reset by
 * e-mailed single-use link, change of password and of e-mail (re-verified).
 * Answers never reveal whether an address has an account.
 */
export function createAccountsService(deps: {
  users: UsersRepo;
  auth: AuthRepo;
  sessions: SessionsRepo;
  audit: AuditService;
  mail: { send(input: SendMailInput): Promise<unknown> };
  publicUrl: string;
  now: () => Date;
  /** Evicts cached copies of sessions this service deletes. */
  evictSessions?: (tokenHashes: string[]) => Promise<void>;
}) {
  const evict = deps.evictSessions ?? (async () => undefined);
  const link = (path: string, token: string) => `${deps.publicUrl}${path}?token=${encodeURIComponent(token)}`;

  async function issueToken(userId: string, kind: UserTokenKind, data: Record<string, string> = {}): Promise<string> {
    const now = deps.now();
    await deps.auth.voidTokens(userId, kind, now);
    const token = newSecretToken();
    await deps.auth.insertToken({
      userId,
      kind,
      tokenHash: hashSecretToken(token),
      data,
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[kind]),
    });
    return token;
  }

  async function redeem(kind: UserTokenKind, token: string) {
    const row = await deps.auth.consumeToken(kind, hashSecretToken(token), deps.now());
    if (!row) {
      throw new AppError(
        'auth.token_invalid',
        'This link is invalid, was already used or has expired. Ask for a new one.',
      );
    }
    return row;
  }

  function assertAcceptablePassword(password: string, context: { email?: string; name?: string }): void {
    const verdict = checkPassword(password, context);
    if (!verdict.ok) {
      throw new AppError('request.validation_failed', verdict.reason, [
        { path: 'body.password', message: verdict.reason },
      ]);
    }
  }

  return {
    async signUp(input: SignUpInput, ip: string): Promise<void> {
      assertAcceptablePassword(input.password, { email: input.email, name: input.name });
      const existing = await deps.users.findByEmail(input.email);
      if (existing) {
        const token = await issueToken(existing.id, 'reset_password');
        await deps.mail.send(authEmails.alreadyRegistered(existing.email, link('/reset-password', token)));
        return;
      }
      const user = await deps.users.insert({
        email: input.email,
        name: input.name.normalize('NFC'),
        passwordHash: await hashPassword(normalizePassword(input.password)),
      });
      await deps.audit.record({ action: 'auth.sign_up', actorUserId: user.id, ip });
      const token = await issueToken(user.id, 'verify_email');
      const next = input.next ? `&next=${encodeURIComponent(input.next)}` : '';
      await deps.mail.send(authEmails.verify(user.email, user.name, `${link('/verify-email', token)}${next}`));
    },

    async verifyEmail(token: string): Promise<void> {
      const row = await redeem('verify_email', token);
      await deps.users.update(row.userId, { emailVerifiedAt: deps.now() });
      await deps.audit.record({ action: 'auth.email_verified', actorUserId: row.userId });
    },

    /** Sends a fresh verification link when the account exists and is unverified; silent otherwise. */
    async resendVerification(email: string): Promise<void> {
      const user = await deps.users.findByEmail(email);
      if (!user || user.emailVerifiedAt) return;
      const token = await issueToken(user.id, 'verify_email');
      await deps.mail.send(authEmails.verify(user.email, user.name, link('/verify-email', token)));
    },

    async forgotPassword(email: string): Promise<void> {
      const user = await deps.users.findByEmail(email);
      if (!user || user.status !== 'active') return;
      const token = await issueToken(user.id, 'reset_password');
      await deps.mail.send(authEmails.reset(user.email, link('/reset-password', token)));
    },

    /** Sets a new password from a reset link; every session ends (the link proves mailbox access only). */
    async resetPassword(token: string, password: string): Promise<void> {
      const row = await redeem('reset_password', token);
      const user = await deps.users.findById(row.userId);
      if (!user) throw new AppError('auth.token_invalid', 'This link is no longer valid.');
      assertAcceptablePassword(password, { email: user.email, name: user.name });
      // Receiving the link proves the address, so an unverified account becomes verified too.
      await deps.users.update(user.id, {
        passwordHash: await hashPassword(normalizePassword(password)),
        emailVerifiedAt: user.emailVerifiedAt ?? deps.now(),
      });
      await evict(await deps.sessions.deleteAllForUser(user.id));
      await deps.audit.record({ action: 'auth.password_reset', actorUserId: user.id });
      await deps.mail.send(authEmails.passwordChanged(user.email));
    },

    async changePassword(userId: string, sessionId: string, current: string, next: string): Promise<void> {
      const user = await deps.users.findById(userId);
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, normalizePassword(current)))) {
        throw new AppError('auth.invalid_credentials', 'Your current password is incorrect.');
      }
      assertAcceptablePassword(next, { email: user.email, name: user.name });
      await deps.users.update(userId, { passwordHash: await hashPassword(normalizePassword(next)) });
      await evict(await deps.sessions.deleteAllForUser(userId, sessionId));
      await deps.audit.record({ action: 'auth.password_changed', actorUserId: userId });
      await deps.mail.send(authEmails.passwordChanged(user.email));
    },

    async requestEmailChange(userId: string, newEmail: string, password: string): Promise<void> {
      const user = await deps.users.findById(userId);
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, normalizePassword(password)))) {
        throw new AppError('auth.invalid_credentials', 'Your password is incorrect.');
      }
      const token = await issueToken(userId, 'change_email', { newEmail });
      // If the address is taken we still answer the same; confirmation will fail without revealing it.
      await deps.mail.send(authEmails.confirmNewEmail(newEmail, link('/confirm-email', token)));
      await deps.mail.send(authEmails.emailChangeRequested(user.email, newEmail));
    },

    async confirmEmailChange(token: string): Promise<void> {
      const row = await redeem('change_email', token);
      const newEmail = row.data.newEmail;
      if (!newEmail || (await deps.users.findByEmail(newEmail))) {
        throw new AppError('resource.conflict', 'This address cannot be used for your account. Choose another one.');
      }
      const before = await deps.users.findById(row.userId);
      await deps.users.update(row.userId, { email: newEmail, emailVerifiedAt: deps.now() });
      await deps.audit.record({
        action: 'auth.email_changed',
        actorUserId: row.userId,
        data: { from: before?.email, to: newEmail },
      });
    },
  };
}
