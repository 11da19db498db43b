/**
 * The vocabulary of the authorisation matrix (../policy-matrix.int.test.ts):
 * kinds of caller, expected outcomes, and the fixtures a row may use. The rows
 * live one file per domain beside this one (`*.rows.ts`) and are joined in index.ts.
 *
 * "allow" means the status is neither 401 nor 403 (a 400/404/409 is fine);
 * "deny" means 401 or 403.
 */
import { ProblemPackageSchema } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';

/**
 * `guest` is a room guest: a real `isel_guest` cookie bound to one interview as
 * candidate (guest sessions, modules/auth/guest-sessions.ts). No route outside
 * the room may treat a guest as signed in.
 */
export const KINDS = [
  'anonymous',
  'guest',
  'candidate',
  'interviewerA',
  'interviewerB',
  'recruiterA',
  'orgAdminA',
  'platformAdmin',
] as const;
export type Kind = (typeof KINDS)[number];
export type Outcome = 'allow' | 'deny';
export type Expected = Record<Kind, Outcome>;

export function allowOnly(...allowed: Kind[]): Expected {
  return Object.fromEntries(KINDS.map((k) => [k, allowed.includes(k) ? 'allow' : 'deny'])) as Expected;
}
export const PUBLIC = allowOnly(...KINDS);
export const SIGNED_IN = allowOnly(
  'candidate',
  'interviewerA',
  'interviewerB',
  'recruiterA',
  'orgAdminA',
  'platformAdmin',
);
export const ORG_MEMBERS = allowOnly('interviewerA', 'interviewerB', 'recruiterA', 'orgAdminA');
export const ORG_A_MEMBERS = allowOnly('interviewerA', 'recruiterA', 'orgAdminA');
export const ORG_A_INVITERS = allowOnly('recruiterA', 'orgAdminA');
export const ORG_A_MANAGERS = allowOnly('orgAdminA');
export const PLATFORM_ADMIN = allowOnly('platformAdmin');

/** Which org and role each kind holds; org A also has a separate owner who is never a caller. */
export const MEMBERSHIP: Partial<Record<Kind, { org: 'A' | 'B'; role: 'interviewer' | 'recruiter' | 'admin' }>> = {
  interviewerA: { org: 'A', role: 'interviewer' },
  interviewerB: { org: 'B', role: 'interviewer' },
  recruiterA: { org: 'A', role: 'recruiter' },
  orgAdminA: { org: 'A', role: 'admin' },
};

export interface Caller {
  kind: Kind;
  headers: Record<string, string>;
  email: string;
  /**
   * A fresh interview of org A made for this caller: the guest is its
   * candidate, interviewerA one of its interviewers; everyone else has no place in it.
   * Org A's owner is always one of its interviewers.
   */
  interviewId: string;
}

export interface Fixtures {
  /** The app under test, for rows that must call it first (e.g. TOTP setup before enable). */
  app: FastifyInstance;
  orgA: string;
  /** A user who can sign in with TEST_PASSWORD. */
  knownEmail: string;
  freshMemberOfA(): Promise<string>;
  freshInvitation(email?: string): Promise<{ id: string; token: string }>;
  freshUser(): Promise<string>;
  /** A working invite link (token) to an interview of org A. */
  freshRoomLink(role?: 'candidate' | 'interviewer' | 'observer'): Promise<string>;
  /** A draft (behavioural, so it publishes without running code) problem of org A and its version. */
  freshProblemOfA(): Promise<{ problemId: string; versionId: string }>;
  /** A published problem of the public library. */
  publicProblemId: string;
  /** Moves an interview of org A straight to `ended` (scorecards are submitted after the end). */
  endInterview(interviewId: string): Promise<void>;
  /** Org A's owner's scorecard on an (ended) interview of org A: a draft, or submitted. */
  ownerScorecard(interviewId: string, submitted: boolean): Promise<string>;
  /** A report share link made by org A's owner on an interview of org A: its id. */
  ownerShare(interviewId: string): Promise<string>;
  /** A new, non-default scorecard template of org A (archived when asked). */
  freshTemplateOfA(archived?: boolean): Promise<string>;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface RequestSpec {
  url: string;
  body?: object;
}
export interface Row {
  expect: Expected;
  request: (caller: Caller, fx: Fixtures) => RequestSpec | Promise<RequestSpec>;
}
export type Rows = Record<string, Row>;

export const TOKEN = 'x'.repeat(43);
export const NEW_PASSWORD = 'a different long passphrase 2026';
export const matrixProblem = (slug: string) =>
  ProblemPackageSchema.parse({
    format: 'interviewselect.problem/v1',
    slug,
    title: 'Matrix question',
    difficulty: 'easy',
    category: 'behavioural',
    statement: 'Tell us about a matrix.',
  });
