import {
  InterviewLinkSchema,
  InterviewSchema,
  type CreateInterviewInput,
  type Interview,
  type RoomRole,
} from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { createInterviewsRepo } from '../src/modules/interviews/interviews.repo.js';
import type { Db } from '../src/platform/db.js';
import { csrfHeaders } from './create-test-app.js';
import { createOrgWithMembers, createUser, uniqueEmail, type SignedIn } from './sign-in.js';

/** Creates an interview through the API as `who` (an org member), with sensible defaults. */
export async function createInterview(
  app: FastifyInstance,
  who: SignedIn,
  orgId: string,
  overrides: Partial<CreateInterviewInput> = {},
): Promise<Interview> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/interviews',
    headers: who.headers,
    payload: {
      orgId,
      title: 'Backend pairing',
      candidate: { name: 'Casey Candidate', email: 'casey@example.test' },
      questions: [{ title: 'Two sum', prompt: 'Add two numbers.', interviewerNotes: 'Expect O(n).' }],
      ...overrides,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return InterviewSchema.parse(res.json());
}

/** Creates (or regenerates) the invite link of a role and returns its token. */
export async function createLink(
  app: FastifyInstance,
  who: SignedIn,
  interviewId: string,
  role: RoomRole,
  extra: { expiresInHours?: number; singleUse?: boolean; sendEmail?: boolean } = {},
): Promise<{ id: string; token: string; url: string }> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/interviews/${interviewId}/links`,
    headers: who.headers,
    payload: { role, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  const link = InterviewLinkSchema.parse(res.json());
  const token = link.url?.split('#')[1];
  if (!link.url || !token) throw new Error('link has no URL');
  return { id: link.id, token, url: link.url };
}

/** Joins through a link as a guest (no account); returns the headers carrying the guest cookie. */
export async function joinAsGuest(
  app: FastifyInstance,
  token: string,
  displayName = 'Guest Person',
): Promise<Record<string, string>> {
  const csrf = csrfHeaders();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/room-links/join',
    headers: csrf,
    payload: { token, displayName, consent: true },
  });
  expect(res.statusCode, res.body).toBe(200);
  const guest = res.cookies.find((c) => c.name === 'isel_guest');
  if (!guest) throw new Error('join set no isel_guest cookie');
  return { ...csrf, cookie: `${csrf.cookie}; isel_guest=${guest.value}` };
}

/** Runs a lifecycle action as `who`. */
export async function transition(app: FastifyInstance, who: SignedIn, interviewId: string, action: string) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/interviews/${interviewId}/transitions`,
    headers: who.headers,
    payload: { action },
  });
}

/** An interview written straight to the database (an org, its interviewer, a candidate; no guests), for tests below the API. */
export async function insertInterview(db: Db): Promise<string> {
  const interviewer = await createUser(db, { withPassword: false });
  const org = await createOrgWithMembers(db, { [interviewer.id]: 'interviewer' });
  return createInterviewsRepo(db).createInterview({
    interview: { orgId: org.id, title: 'Inserted interview', durationMinutes: 60, defaultLanguage: 'python' },
    candidate: { name: 'Cand Idate', email: uniqueEmail('cand'), userId: null },
    interviewers: [{ userId: interviewer.id, name: interviewer.name }],
    questions: [],
    actor: { userId: interviewer.id, name: interviewer.name },
    at: new Date(),
  });
}
