import type { OrgRole } from '@interviewselect/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../auth/principal.js';

/**
 * Authorisation in one place: every route and the room socket ask
 * can(principal, action, resource) — no role checks scattered in handlers.
 * Add an action here with its rule, then use it from the route.
 */
export type Action =
  /** Manage one's own account (profile, password, sessions, 2FA, export, erasure). */
  | 'account.manage'
  | 'org.create'
  | 'org.read'
  | 'org.update'
  | 'org.members.read'
  | 'org.members.manage'
  | 'org.invitations.manage'
  | 'admin.users.read'
  | 'admin.users.manage'
  | 'admin.audit.read'
  | 'admin.system.read'
  /** Run code in the sandbox (POST /api/v1/executions). */
  | 'execution.create'
  /** Read one's own executions; ownership is checked by the executions service (others get 404). */
  | 'execution.read'
  /** Open an interactive terminal (a REPL in the sandbox, GET /api/v1/terminals/ws). */
  | 'terminal.open';

export interface Resource {
  orgId?: string;
}

const ORG_RULES: Partial<Record<Action, readonly OrgRole[]>> = {
  'org.read': ['owner', 'admin', 'interviewer', 'recruiter', 'viewer'],
  'org.members.read': ['owner', 'admin', 'interviewer', 'recruiter', 'viewer'],
  'org.update': ['owner', 'admin'],
  'org.members.manage': ['owner', 'admin'],
  'org.invitations.manage': ['owner', 'admin', 'recruiter'],
};

const PLATFORM_ADMIN_ACTIONS: readonly Action[] = [
  'admin.users.read',
  'admin.users.manage',
  'admin.audit.read',
  'admin.system.read',
];

export function can(principal: Principal, action: Action, resource: Resource = {}): boolean {
  if (principal.kind !== 'user') return false;
  if (PLATFORM_ADMIN_ACTIONS.includes(action)) return principal.platformRole === 'admin';
  switch (action) {
    case 'account.manage':
    case 'execution.create':
    case 'execution.read':
    case 'terminal.open':
      return true;
    case 'org.create':
      return principal.emailVerified;
    default: {
      const allowed = ORG_RULES[action];
      const role = resource.orgId ? principal.orgRoles.get(resource.orgId) : undefined;
      return allowed !== undefined && role !== undefined && allowed.includes(role);
    }
  }
}

/** The principal if allowed; 401 for nobody signed in, 403 otherwise (404 would also hide existence; we prefer clarity). */
export async function authorize(request: FastifyRequest, action: Action, resource: Resource = {}) {
  const principal = await request.principal();
  if (principal.kind === 'anonymous') throw new AppError('auth.unauthenticated', 'Sign in to continue.');
  if (!can(principal, action, resource)) {
    throw new AppError(
      'auth.forbidden',
      'Your role does not allow this. Ask an administrator of the organisation if you need access.',
    );
  }
  return principal as Extract<Principal, { kind: 'user' }>;
}
