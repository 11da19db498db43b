import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { verifyPassword } from '../users/password.js';
import type { UsersRepo } from '../users/users.repo.js';
import type { PrivacyRepo } from './privacy.repo.js';

export type PrivacyService = ReturnType<typeof createPrivacyService>;

/** GDPR basics: a JSON export of everything an account owns, and erasure. Both audited. */
export function createPrivacyService(deps: {
  repo: PrivacyRepo;
  users: UsersRepo;
  audit: AuditService;
  /** Drops ended sessions from the session cache (Redis), so none outlives the erasure. */
  evictSessions: (tokenHashes: string[]) => Promise<void>;
  now: () => Date;
}) {
  return {
    async exportData(userId: string, ip: string) {
      const data = await deps.repo.collect(userId);
      if (!data) throw new AppError('resource.not_found', 'This account no longer exists.');
      await deps.audit.record({ action: 'privacy.exported', actorUserId: userId, ip });
      const { passwordHash, ...profile } = data.user;
      return {
        format: 'interviewselect.account-export/v1',
        exportedAt: deps.now().toISOString(),
        profile: { ...profile, hasPassword: passwordHash !== null },
        twoFactorEnabledAt: data.totpEnabledAt,
        memberships: data.memberships,
        sessions: data.sessions.map(({ tokenHash: _secret, ...s }) => s),
        linkedSignIns: data.oauth.map(({ provider, email, createdAt }) => ({ provider, email, createdAt })),
        activity: data.activity.map(
          ({ seq, action, targetType, targetId, data: details, ip: at, userAgent, createdAt }) => ({
            seq,
            action,
            targetType,
            targetId,
            details,
            ip: at,
            userAgent,
            createdAt,
          }),
        ),
        interviews: data.interviews,
        scorecards: data.scorecards,
        emails: data.mails,
      };
    },

    async erase(userId: string, password: string, ip: string): Promise<void> {
      const user = await deps.users.findById(userId);
      if (!user) throw new AppError('resource.not_found', 'This account no longer exists.');
      if (user.passwordHash && !(await verifyPassword(user.passwordHash, password.normalize('NFKC')))) {
        throw new AppError('auth.invalid_credentials', 'Your password is incorrect.');
      }
      const blocking = await deps.repo.orgsWhereSoleOwner(userId);
      if (blocking.length > 0) {
        throw new AppError(
          'resource.conflict',
          `You are the only owner of ${blocking.length} organisation(s). Make another member an owner, or delete the organisation, before deleting your account.`,
        );
      }
      const ended = await deps.repo.erase(userId, deps.now());
      await deps.evictSessions(ended);
      await deps.audit.record({
        action: 'privacy.erased',
        actorUserId: userId,
        targetType: 'user',
        targetId: userId,
        ip,
      });
    },
  };
}
