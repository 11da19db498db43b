import type { CurrentUser, OrgRole } from '@interviewselect/contracts';

/**
 * Who is making a request. Every route and the room socket decide access
 * from this alone (through the policy module), never from raw cookies.
 */
export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      sessionId: string;
      platformRole: 'user' | 'admin';
      emailVerified: boolean;
      /** org id → role */
      orgRoles: ReadonlyMap<string, OrgRole>;
      activeOrgId: string | null;
      user: CurrentUser;
    }
  | {
      /** A room guest: bound to exactly one interview and one role (invite links, issue #5). */
      kind: 'guest';
      guestId: string;
      interviewId: string;
      role: 'candidate' | 'interviewer' | 'observer';
      displayName: string;
    };

export const ANONYMOUS: Principal = { kind: 'anonymous' };
