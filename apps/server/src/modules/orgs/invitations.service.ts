import type {
  CreateInvitationInput,
  Invitation,
  InvitationPreview,
  InvitationStatus,
  Org,
  OrgRole,
} from '@interviewselect/contracts';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.js';
import type { RequestMeta } from '../auth/sessions.service.js';
import type { MailService } from '../mail/mail.service.js';
import { orgEmails } from './orgs-emails.js';
import type { InvitationWithNames, OrgsRepo } from './orgs.repo.js';
import type { OrgInvitationRow } from './orgs.tables.js';
import type { Actor, SessionAccess } from './orgs.service.js';

export type InvitationsService = ReturnType<typeof createInvitationsService>;

/** How long an e-mailed invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

/** The inviter's identity as the e-mail and the audit log name it. */
export interface Inviter extends Actor {
  name: string;
  email: string;
}

/** The account accepting an invitation. */
export interface Invitee extends Actor {
  email: string;
}

/**
 * Roles an inviter may hand out: nobody grants more than they hold, so a
 * recruiter cannot mint admins and only owners can invite owners.
 */
const GRANTABLE: Record<OrgRole, readonly OrgRole[]> = {
  owner: ['owner', 'admin', 'interviewer', 'recruiter', 'viewer'],
  admin: ['admin', 'interviewer', 'recruiter', 'viewer'],
  recruiter: ['interviewer', 'recruiter', 'viewer'],
  interviewer: [],
  viewer: [],
};

function statusOf(inv: OrgInvitationRow, now: Date): InvitationStatus {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt) return 'revoked';
  return inv.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

const INVALID_DETAIL: Record<Exclude<InvitationStatus, 'pending'>, string> = {
  accepted: 'This invitation has already been used. Ask the organisation for a new one if you still need access.',
  revoked: 'This invitation was withdrawn. Ask the organisation for a new one.',
  expired: 'This invitation has expired. Ask the organisation to send a new one.',
};

function toInvitation(inv: InvitationWithNames): Invitation {
  return {
    id: inv.id,
    orgId: inv.orgId,
    email: inv.email,
    role: inv.role,
    invitedBy: inv.invitedBy && inv.inviterName !== null ? { id: inv.invitedBy, name: inv.inviterName } : null,
    createdAt: inv.createdAt.toISOString(),
    expiresAt: inv.expiresAt.toISOString(),
  };
}

/** E-mailed invitations to an organisation: create (replacing), list, revoke, preview and accept by token. */
export function createInvitationsService(deps: {
  repo: OrgsRepo;
  audit: AuditService;
  mail: MailService;
  sessions: Pick<SessionAccess, 'refreshUser'>;
  publicUrl: string;
  now: () => Date;
}) {
  const { repo, audit, now } = deps;

  async function findByToken(token: string): Promise<InvitationWithNames> {
    const inv = await repo.findInvitationByTokenHash(hashSecretToken(token));
    if (!inv)
      throw new AppError('auth.token_invalid', 'This invitation link is not valid. Check that you copied all of it.');
    return inv;
  }

  return {
    async create(inviter: Inviter, orgId: string, input: CreateInvitationInput, meta: RequestMeta) {
      const inviterRole = inviter.orgRoles.get(orgId);
      if (!inviterRole || !GRANTABLE[inviterRole].includes(input.role)) {
        throw new AppError('auth.forbidden', `Your role does not allow inviting someone as ${input.role}.`);
      }
      const org = await repo.findById(orgId);
      if (!org) throw new AppError('resource.not_found', 'No such organisation.');
      if (await repo.isMemberByEmail(orgId, input.email)) {
        throw new AppError('org.already_member', `${input.email} is already a member of ${org.name}.`);
      }
      const token = newSecretToken();
      const at = now();
      const row = await repo.replaceInvitation(
        {
          orgId,
          email: input.email,
          role: input.role,
          tokenHash: hashSecretToken(token),
          invitedBy: inviter.userId,
          expiresAt: new Date(at.getTime() + INVITATION_TTL_MS),
          createdAt: at,
        },
        at,
      );
      const url = `${deps.publicUrl}/invitations/accept?token=${encodeURIComponent(token)}`;
      await deps.mail.send(orgEmails.invitation(input.email, inviter.name, org.name, input.role, url));
      await audit.record({
        action: 'org.invitation_created',
        actorUserId: inviter.userId,
        orgId,
        targetType: 'invitation',
        targetId: row.id,
        data: { email: input.email, role: input.role },
        ...meta,
      });
      return toInvitation({ ...row, orgName: org.name, inviterName: inviter.name });
    },

    async listPending(orgId: string): Promise<Invitation[]> {
      return (await repo.listPendingInvitations(orgId, now())).map(toInvitation);
    },

    async revoke(actor: Actor, orgId: string, invitationId: string, meta: RequestMeta): Promise<void> {
      const row = await repo.revokeInvitation(orgId, invitationId, now());
      if (!row) throw new AppError('resource.not_found', 'No pending invitation with this id in this organisation.');
      await audit.record({
        action: 'org.invitation_revoked',
        actorUserId: actor.userId,
        orgId,
        targetType: 'invitation',
        targetId: invitationId,
        data: { email: row.email, role: row.role },
        ...meta,
      });
    },

    /** What the holder of a link may see; deliberately not the invited address or anything about members. */
    async preview(token: string): Promise<InvitationPreview> {
      const inv = await findByToken(token);
      const status = statusOf(inv, now());
      return {
        orgName: inv.orgName,
        role: inv.role,
        inviterName: inv.inviterName,
        expiresAt: inv.expiresAt.toISOString(),
        status,
        isValid: status === 'pending',
      };
    },

    async accept(invitee: Invitee, token: string, meta: RequestMeta): Promise<Org> {
      const inv = await findByToken(token);
      const status = statusOf(inv, now());
      if (status !== 'pending') throw new AppError('auth.token_invalid', INVALID_DETAIL[status]);
      // citext compares with lower(); doing the same here keeps the rule identical to the database's.
      if (inv.email.toLowerCase() !== invitee.email.toLowerCase()) {
        throw new AppError(
          'auth.forbidden',
          'This invitation was sent to a different e-mail address. Sign in with that address to accept it.',
        );
      }
      if (invitee.orgRoles.has(inv.orgId)) {
        throw new AppError('org.already_member', `You are already a member of ${inv.orgName}.`);
      }
      const outcome = await repo.acceptInvitation(inv, invitee.userId, now());
      if (outcome === 'invalid') throw new AppError('auth.token_invalid', 'This invitation is no longer valid.');
      if (outcome === 'already_member') {
        throw new AppError('org.already_member', `You are already a member of ${inv.orgName}.`);
      }
      await deps.sessions.refreshUser(invitee.userId);
      await audit.record({
        action: 'org.invitation_accepted',
        actorUserId: invitee.userId,
        orgId: inv.orgId,
        targetType: 'invitation',
        targetId: inv.id,
        data: { role: inv.role },
        ...meta,
      });
      const org = await repo.findById(inv.orgId);
      if (!org) throw new AppError('resource.not_found', 'The organisation no longer exists.');
      return { id: org.id, name: org.name, slug: org.slug, createdAt: org.createdAt.toISOString(), role: inv.role };
    },
  };
}
