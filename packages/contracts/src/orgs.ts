import { z } from 'zod';
import { displayNameSchema } from './display-text.js';
import { EmailSchema, OrgRoleSchema } from './auth.js';
import { RecordingRetentionDaysSchema } from './recordings.js';

/** Organisation names: 1–100 characters, no control characters. */
export const OrgNameSchema = displayNameSchema({
  max: 100,
  what: 'An organisation name',
  empty: 'Enter a name for the organisation.',
});

/** POST /api/v1/orgs. The slug is derived from the name (and made unique) by the server. */
export const CreateOrgInputSchema = z.object({ name: OrgNameSchema });
export type CreateOrgInput = z.infer<typeof CreateOrgInputSchema>;

/** PATCH /api/v1/orgs/:orgId. */
export const RenameOrgInputSchema = z.object({ name: OrgNameSchema });
export type RenameOrgInput = z.infer<typeof RenameOrgInputSchema>;

/** An organisation as its members see it, with the caller's own role in it. */
export const OrgSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  createdAt: z.iso.datetime(),
  role: OrgRoleSchema,
});
export type Org = z.infer<typeof OrgSchema>;

/** One member of an organisation (GET /api/v1/orgs/:orgId/members). */
export const OrgMemberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: OrgRoleSchema,
  joinedAt: z.iso.datetime(),
});
export type OrgMember = z.infer<typeof OrgMemberSchema>;

/** PATCH /api/v1/orgs/:orgId/members/:userId. Only an owner may grant or take away `owner`. */
export const ChangeMemberRoleInputSchema = z.object({ role: OrgRoleSchema });
export type ChangeMemberRoleInput = z.infer<typeof ChangeMemberRoleInputSchema>;

/** POST /api/v1/orgs/:orgId/invitations. Re-inviting an address replaces its pending invitation. */
export const CreateInvitationInputSchema = z.object({ email: EmailSchema, role: OrgRoleSchema });
export type CreateInvitationInput = z.infer<typeof CreateInvitationInputSchema>;

/** A pending invitation as the organisation's managers see it. */
export const InvitationSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  email: z.string(),
  role: OrgRoleSchema,
  invitedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

/** Body of the token-bearing invitation endpoints (POST, so the token stays out of URLs and logs). */
export const InvitationTokenInputSchema = z.object({ token: z.string().min(20).max(200) });
export type InvitationTokenInput = z.infer<typeof InvitationTokenInputSchema>;

/** Where an invitation stands: only `pending` can be accepted. */
export const InvitationStatusSchema = z.enum(['pending', 'expired', 'revoked', 'accepted']);
export type InvitationStatus = z.infer<typeof InvitationStatusSchema>;

/**
 * POST /api/v1/orgs/invitations/preview: what the accept screen may show to
 * anyone holding the link — nothing beyond this (no member list, no e-mail).
 */
export const InvitationPreviewSchema = z.object({
  orgName: z.string(),
  role: OrgRoleSchema,
  inviterName: z.string().nullable(),
  expiresAt: z.iso.datetime(),
  status: InvitationStatusSchema,
  isValid: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

/** GET/PATCH /api/v1/orgs/:orgId/settings: organisation-wide settings (members read; owners and admins change). */
export const OrgSettingsSchema = z.object({
  /** Recordings older than this many days are deleted by a daily job (each deletion is audited). */
  recordingRetentionDays: RecordingRetentionDaysSchema,
});
export type OrgSettings = z.infer<typeof OrgSettingsSchema>;

export const UpdateOrgSettingsInputSchema = OrgSettingsSchema.partial();
export type UpdateOrgSettingsInput = z.infer<typeof UpdateOrgSettingsInputSchema>;
