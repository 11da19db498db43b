import type { CurrentUser, Membership } from '@interviewselect/contracts';

export type ActiveOrg =
  | { kind: 'org'; membership: Membership }
  /** Member of organisations but none chosen (the switcher picks one). */
  | { kind: 'none-chosen' }
  /** Not a member of any organisation yet. */
  | { kind: 'no-orgs' };

/** The organisation the interview screens work in: the session's active one. */
export function activeOrgOf(user: CurrentUser): ActiveOrg {
  const membership = user.memberships.find((m) => m.orgId === user.activeOrgId);
  if (membership) return { kind: 'org', membership };
  return user.memberships.length > 0 ? { kind: 'none-chosen' } : { kind: 'no-orgs' };
}

/** Mirrors the server policy's `interview.create`: everyone but viewers. */
export function canCreateInterviews(membership: Membership): boolean {
  return membership.role !== 'viewer';
}
