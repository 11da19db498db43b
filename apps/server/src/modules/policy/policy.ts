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
  | 'terminal.open'
  /** Create an interview in an org (resource.orgId). */
  | 'interview.create'
  /** See an org's interviews (list, detail, links' state). */
  | 'interview.read'
  /** Edit a draft/scheduled interview and manage its invite links: the org's managers and recruiters, or its own interviewers. */
  | 'interview.manage'
  /** Start, pause, resume, end: only the interview's own interviewers (resource.roomRole). */
  | 'interview.run'
  /** Cancel: the interview's interviewers or the org's managers and recruiters. */
  | 'interview.cancel'
  /** See every interviewer's interviews in an org's calendar (others see only their own). */
  | 'calendar.read_all'
  /** Enter the room (its public document, room info): anyone with a place in it (resource.roomRole). */
  | 'room.join'
  /** The interviewer-only document (notes, hints, hidden parts of questions). */
  | 'room.private'
  /** Change the room's shared document (code, chat): everyone in it but observers. */
  | 'room.write'
  /**
   * Read the question bank in full (hidden tests, references, guides): an org's
   * problems (resource.orgId) for its members; the public library (no orgId)
   * for anyone who belongs to an organisation. Candidates see problems only in the room.
   */
  | 'problem.read'
  /** Create or import a problem in an org (resource.orgId), or duplicate one into it. */
  | 'problem.create'
  /** Edit, publish and archive an org's problems (the public library changes only through its files). */
  | 'problem.manage'
  /** Read an org's scorecard templates (resource.orgId). */
  | 'scorecard.template.read'
  /** Create, edit (new version), archive and set the default scorecard template of an org. */
  | 'scorecard.template.manage'
  /** Open, autosave and submit one's own scorecard: the interview's interviewers with an account (resource.roomRole). */
  | 'scorecard.write'
  /**
   * Read an interview's scorecards, under the anchoring rule (ADR 0010): see
   * canReadScorecard. Without resource.scorecard: whether the caller may see the
   * interview's scorecard progress at all.
   */
  | 'scorecard.read';

export interface Resource {
  orgId?: string;
  /** The principal's place in the interview concerned (its participant role), when it has one. */
  roomRole?: 'candidate' | 'interviewer' | 'observer';
  /** The interview concerned: a guest acts only inside its own. */
  interviewId?: string;
  /** For scorecard.read: the scorecard asked for, seen from the reader. */
  scorecard?: { isAuthor: boolean; isSubmitted: boolean; readerHasSubmitted: boolean };
}

const ORG_RULES: Partial<Record<Action, readonly OrgRole[]>> = {
  'org.read': ['owner', 'admin', 'interviewer', 'recruiter', 'viewer'],
  'org.members.read': ['owner', 'admin', 'interviewer', 'recruiter', 'viewer'],
  'org.update': ['owner', 'admin'],
  'org.members.manage': ['owner', 'admin'],
  'org.invitations.manage': ['owner', 'admin', 'recruiter'],
  'interview.create': ['owner', 'admin', 'interviewer', 'recruiter'],
  'interview.read': ['owner', 'admin', 'interviewer', 'recruiter', 'viewer'],
  'interview.manage': ['owner', 'admin', 'recruiter'],
  'interview.cancel': ['owner', 'admin', 'recruiter'],
  'calendar.read_all': ['owner', 'admin', 'recruiter'],
  'problem.read': ['owner', 'admin', 'interviewer', 'recruiter', 'viewer'],
  'problem.create': ['owner', 'admin', 'interviewer', 'recruiter'],
  'problem.manage': ['owner', 'admin', 'interviewer', 'recruiter'],
  'scorecard.template.read': ['owner', 'admin', 'interviewer', 'recruiter'],
  'scorecard.template.manage': ['owner', 'admin'],
};

/** Who reads submitted scorecards of interviews they are not on the panel of (ADR 0010). */
const SCORECARD_READERS: readonly OrgRole[] = ['owner', 'admin', 'recruiter'];

/** Room actions decided by the principal's place in the interview (users and guests alike). */
const ROOM_RULES: Partial<Record<Action, readonly NonNullable<Resource['roomRole']>[]>> = {
  'room.join': ['candidate', 'interviewer', 'observer'],
  'room.private': ['interviewer'],
  'room.write': ['candidate', 'interviewer'],
  'interview.run': ['interviewer'],
  'interview.manage': ['interviewer'],
  'interview.cancel': ['interviewer'],
  /** Code runs from inside a room (executions with an interviewId). */
  'execution.create': ['candidate', 'interviewer'],
  'scorecard.write': ['interviewer'],
};

/** Room actions only for a place held with an account: a guest interviewer keeps no scorecard and reads none. */
const ACCOUNT_ONLY_ACTIONS: readonly Action[] = ['scorecard.write', 'scorecard.read'];

/**
 * The anchoring rule (ADR 0010): drafts are their author's alone; an
 * interviewer on the panel reads others' submitted scorecards only once their
 * own is submitted; owners, admins and recruiters of the org who are not on
 * the panel read submitted ones. Without a scorecard: may see the progress.
 */
function canReadScorecard(principal: Extract<Principal, { kind: 'user' }>, resource: Resource): boolean {
  const card = resource.scorecard;
  if (card?.isAuthor) return true;
  if (card && !card.isSubmitted) return false;
  if (resource.roomRole === 'interviewer') return card ? card.readerHasSubmitted : true;
  const role = resource.orgId ? principal.orgRoles.get(resource.orgId) : undefined;
  return role !== undefined && SCORECARD_READERS.includes(role);
}

function roomAllows(principal: Principal, action: Action, resource: Resource): boolean {
  const roles = ROOM_RULES[action];
  if (!roles || !resource.roomRole || !roles.includes(resource.roomRole)) return false;
  // A guest's place is its own interview; a roomRole for any other interview is never taken on trust.
  if (principal.kind === 'guest')
    return resource.interviewId === principal.interviewId && resource.roomRole === principal.role;
  return true;
}

const PLATFORM_ADMIN_ACTIONS: readonly Action[] = [
  'admin.users.read',
  'admin.users.manage',
  'admin.audit.read',
  'admin.system.read',
];

export function can(principal: Principal, action: Action, resource: Resource = {}): boolean {
  if (principal.kind === 'guest')
    return !ACCOUNT_ONLY_ACTIONS.includes(action) && roomAllows(principal, action, resource);
  if (principal.kind !== 'user') return false;
  if (action === 'scorecard.read') return canReadScorecard(principal, resource);
  if (roomAllows(principal, action, resource)) return true;
  if (PLATFORM_ADMIN_ACTIONS.includes(action)) return principal.platformRole === 'admin';
  // The public library is read by everyone who belongs to an organisation.
  if (action === 'problem.read' && !resource.orgId) return principal.orgRoles.size > 0;
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
