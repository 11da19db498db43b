import { useSession } from '../../lib/session';
import { activeOrgOf } from '../interviews/active-org';

export interface ActiveOrgInfo {
  orgId: string;
  orgName: string;
  /** Mirrors the server's policy: everyone but viewers writes problems. */
  canAuthor: boolean;
}

/** The organisation the question bank works in (the session's active one), or null. */
export function useActiveOrg(): ActiveOrgInfo | null {
  const { user } = useSession();
  const active = user ? activeOrgOf(user) : null;
  if (active?.kind !== 'org') return null;
  const { orgId, orgName, role } = active.membership;
  return { orgId, orgName, canAuthor: role !== 'viewer' };
}
