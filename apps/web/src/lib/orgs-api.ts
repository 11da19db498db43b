import {
  InvitationPreviewSchema,
  InvitationSchema,
  OrgMemberSchema,
  OrgSchema,
  type CreateInvitationInput,
  type CreateOrgInput,
  type OrgRole,
} from '@interviewselect/contracts';
import { z } from 'zod';
import { apiGet, apiSend } from './api';

const NoContent = z.unknown();
const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Every /api/v1/orgs endpoint the web uses, typed with the contracts' schemas. */
export const orgsApi = {
  list: (signal?: AbortSignal) => apiGet('/api/v1/orgs', z.array(OrgSchema), opts(signal)),
  get: (orgId: string, signal?: AbortSignal) => apiGet(org(orgId), OrgSchema, opts(signal)),
  create: (input: CreateOrgInput) => apiSend('POST', '/api/v1/orgs', input, OrgSchema),
  members: (orgId: string, signal?: AbortSignal) =>
    apiGet(`${org(orgId)}/members`, z.array(OrgMemberSchema), opts(signal)),
  changeRole: (orgId: string, userId: string, role: OrgRole) =>
    apiSend('PATCH', `${org(orgId)}/members/${encodeURIComponent(userId)}`, { role }, NoContent),
  removeMember: (orgId: string, userId: string) =>
    apiSend('DELETE', `${org(orgId)}/members/${encodeURIComponent(userId)}`, undefined, NoContent),
  leave: (orgId: string) => apiSend('POST', `${org(orgId)}/leave`, undefined, NoContent),
  invitations: (orgId: string, signal?: AbortSignal) =>
    apiGet(`${org(orgId)}/invitations`, z.array(InvitationSchema), opts(signal)),
  invite: (orgId: string, input: CreateInvitationInput) =>
    apiSend('POST', `${org(orgId)}/invitations`, input, InvitationSchema),
  revokeInvitation: (orgId: string, invitationId: string) =>
    apiSend('DELETE', `${org(orgId)}/invitations/${encodeURIComponent(invitationId)}`, undefined, NoContent),
  previewInvitation: (token: string) =>
    apiSend('POST', '/api/v1/orgs/invitations/preview', { token }, InvitationPreviewSchema),
  acceptInvitation: (token: string) => apiSend('POST', '/api/v1/orgs/invitations/accept', { token }, NoContent),
};

export const orgKeys = {
  all: ['orgs'] as const,
  list: ['orgs', 'list'] as const,
  detail: (orgId: string) => ['orgs', orgId, 'detail'] as const,
  members: (orgId: string) => ['orgs', orgId, 'members'] as const,
  invitations: (orgId: string) => ['orgs', orgId, 'invitations'] as const,
};

export const ROLE_LABELS: Record<OrgRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  interviewer: 'Interviewer',
  recruiter: 'Recruiter',
  viewer: 'Viewer',
};

/** What each role may do, in one line: shown next to the role choices. */
export const ROLE_DESCRIPTIONS: Record<OrgRole, string> = {
  owner: 'Everything, including managing owners',
  admin: 'Manage members, invitations and settings',
  interviewer: 'Run interviews and write scorecards',
  recruiter: 'Schedule interviews and invite people',
  viewer: 'Read-only access',
};

export function canManageMembers(role: OrgRole | undefined): boolean {
  return role === 'owner' || role === 'admin';
}

export function canInvite(role: OrgRole | undefined): boolean {
  return role === 'owner' || role === 'admin' || role === 'recruiter';
}

/** Roles `role` may hand out in an invitation: recruiters up to recruiter, admins up to admin, owners all. */
export function invitableRoles(role: OrgRole | undefined): OrgRole[] {
  if (role === 'owner') return ['owner', 'admin', 'interviewer', 'recruiter', 'viewer'];
  if (role === 'admin') return ['admin', 'interviewer', 'recruiter', 'viewer'];
  if (role === 'recruiter') return ['interviewer', 'recruiter', 'viewer'];
  return [];
}

/** Roles `role` may set on a member: only owners grant or take away `owner`. */
export function assignableRoles(role: OrgRole | undefined): OrgRole[] {
  if (role === 'owner') return ['owner', 'admin', 'interviewer', 'recruiter', 'viewer'];
  if (role === 'admin') return ['admin', 'interviewer', 'recruiter', 'viewer'];
  return [];
}
