import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import type { InterviewStatus } from '@interviewselect/contracts';
import { eq } from 'drizzle-orm';
import { createAuditRepo } from '../src/modules/audit/audit.repo.js';
import { createAuditService } from '../src/modules/audit/audit.service.js';
import { createGuestSessions } from '../src/modules/auth/guest-sessions.js';
import { createInterviewsRepo } from '../src/modules/interviews/interviews.repo.js';
import { noQuestionBank } from '../src/modules/interviews/question-bank.js';
import { createInterviewsService } from '../src/modules/interviews/interviews.service.js';
import { candidates, interviewParticipants, interviews } from '../src/modules/interviews/interviews.tables.js';
import type { InterviewStatusEvent, RoomAccess } from '../src/modules/interviews/room-access.js';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../src/app.js';
import type { Database, Db } from '../src/platform/db.js';
import { createTestApp } from './create-test-app.js';
import { createOrgWithMembers, createUser, mintSession } from './sign-in.js';

/** Someone in a seeded room: the cookie header their browser would send on the room socket. */
export interface RoomPerson {
  name: string;
  email: string;
  cookie: string;
  participantId: string | null;
}

export interface RoomFixture {
  interviewId: string;
  orgId: string;
  interviewer: RoomPerson & { headers: Record<string, string> };
  candidate: RoomPerson;
  observer: RoomPerson;
  /** A signed-in user with no place in this interview. */
  outsider: RoomPerson & { headers: Record<string, string> };
}

const notScheduling = () => Promise.reject(new Error('the room fixtures do not schedule interviews'));

/**
 * The interviews module's real RoomAccess (resolveMember), with status
 * changes driven by the test: setStatus writes the row and notifies the room
 * like a lifecycle transition does.
 */
export function testRoomAccess(
  db: Db,
): RoomAccess & { setStatus(interviewId: string, status: InterviewStatus): Promise<void> } {
  const service = createInterviewsService({
    repo: createInterviewsRepo(db),
    audit: createAuditService({ repo: createAuditRepo(db), now: () => new Date() }),
    bank: noQuestionBank,
    // The room's view never schedules; booking belongs to the scheduling module.
    bookings: { bookExplicit: notScheduling, rebook: notScheduling },
    now: () => new Date(),
  });
  const events = new EventEmitter();
  return {
    resolveMember: (principal, interviewId) => service.roomAccess.resolveMember(principal, interviewId),
    onStatusChange(listener) {
      events.on('status', listener);
      return () => void events.off('status', listener);
    },
    async setStatus(interviewId, status) {
      await db.update(interviews).set({ status }).where(eq(interviews.id, interviewId));
      events.emit('status', { interviewId, status, at: new Date() } satisfies InterviewStatusEvent);
    },
  };
}

/** A test app with the test RoomAccess, listening on a free loopback port (the room socket needs a real one). */
export async function listenRoomApp(
  database: Database,
  env: Record<string, string> = {},
  extra: Partial<Omit<AppDeps, 'config' | 'database'>> = {},
): Promise<{ app: FastifyInstance; url: string; access: ReturnType<typeof testRoomAccess> }> {
  const access = testRoomAccess(database.db);
  const app = await createTestApp(database, env, { roomAccess: access, ...extra });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, access, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** An interview with an interviewer (a user), a candidate and an observer (guests through links), written straight to the database. */
export async function seedRoom(
  db: Db,
  opts: { status?: InterviewStatus; anonymous?: boolean; integritySignals?: boolean } = {},
): Promise<RoomFixture> {
  const tag = randomBytes(3).toString('hex');
  const interviewerUser = await createUser(db, { name: `Ivy Interviewer ${tag}`, withPassword: false });
  const outsiderUser = await createUser(db, { name: `Otto Outsider ${tag}`, withPassword: false });
  const org = await createOrgWithMembers(db, { [interviewerUser.id]: 'interviewer' });
  await createOrgWithMembers(db, { [outsiderUser.id]: 'interviewer' });
  const candidateName = `Carla Candidate ${tag}`;
  const candidateEmail = `carla-${tag}@example.test`;
  const [candidate] = await db
    .insert(candidates)
    .values({ orgId: org.id, name: candidateName, email: candidateEmail })
    .returning();
  const [interview] = await db
    .insert(interviews)
    .values({
      orgId: org.id,
      title: `Room test ${tag}`,
      status: opts.status ?? 'live',
      candidateId: candidate!.id,
      durationMinutes: 60,
      defaultLanguage: 'python',
      anonymous: opts.anonymous ?? false,
      integritySignals: opts.integritySignals ?? false,
    })
    .returning();
  const interviewId = interview!.id;
  const guests = createGuestSessions({ db, now: () => new Date() });

  async function guest(role: 'candidate' | 'observer', name: string, email: string): Promise<RoomPerson> {
    const token = await guests.start({ interviewId, role, displayName: name });
    const principal = await guests.resolve(token);
    const [row] = await db
      .insert(interviewParticipants)
      .values({ interviewId, role, displayName: name, guestSessionId: principal!.guestId })
      .returning();
    return { name, email, cookie: `isel_guest=${token}`, participantId: row!.id };
  }

  const [interviewerRow] = await db
    .insert(interviewParticipants)
    .values({ interviewId, role: 'interviewer', userId: interviewerUser.id, displayName: interviewerUser.name })
    .returning();
  const interviewerHeaders = await mintSession(db, interviewerUser.id);
  const outsiderHeaders = await mintSession(db, outsiderUser.id);
  return {
    interviewId,
    orgId: org.id,
    interviewer: {
      name: interviewerUser.name,
      email: interviewerUser.email,
      cookie: interviewerHeaders.cookie ?? '',
      headers: interviewerHeaders,
      participantId: interviewerRow!.id,
    },
    candidate: await guest('candidate', candidateName, candidateEmail),
    observer: await guest('observer', `Olga Observer ${tag}`, `olga-${tag}@example.test`),
    outsider: {
      name: outsiderUser.name,
      email: outsiderUser.email,
      cookie: outsiderHeaders.cookie ?? '',
      headers: outsiderHeaders,
      participantId: null,
    },
  };
}
