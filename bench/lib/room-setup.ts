/**
 * Rooms for the `room` benchmark, made through the server's own HTTP API the
 * way people make them: the seeded demo interviewer signs in once, then per
 * room creates an interview (becoming its interviewer) and starts it so the
 * candidate may write. The candidate is either
 * - `user`: the seeded demo candidate account (signed in once; an interview
 *   whose candidate e-mail is a verified account links that account), two
 *   requests per room; or
 * - `guest`: a candidate link per room, joined as a guest (the `isel_guest`
 *   cookie), four requests per room: the invite-link path of real candidates.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { privateDocumentName, ROOM_WS_PATH, roomDocumentName } from '@interviewselect/contracts';
import { progress } from './report.js';
import type { Settings } from './room-settings.js';
import { checkRoomSocket, startTarget } from './room-target.js';
import type { RoomSpec } from './room-worker.js';

const CSRF = 'bench-room-csrf-0123456789abcdef';

interface DemoAccount {
  email: string;
  password: string;
  role: string;
}

export interface BenchRoom {
  interviewId: string;
  spec: RoomSpec;
}

export function cookieValue(res: Response, name: string): string {
  for (const header of res.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  throw new Error(`${res.url} set no ${name} cookie`);
}

/** A same-origin API call with the double-submit CSRF cookie and header; throws on an unexpected status. */
export async function call(
  base: string,
  method: 'GET' | 'POST',
  url: string,
  cookie: string,
  body?: unknown,
  expected = [200, 201],
): Promise<Response> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      cookie: `isel_csrf=${CSRF}${cookie ? `; ${cookie}` : ''}`,
      'x-csrf-token': CSRF,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  if (!expected.includes(res.status)) {
    throw new Error(`${method} ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  }
  return res;
}

export type CandidateKind = 'user' | 'guest';

export interface BenchAccounts {
  interviewer: { cookie: string; orgId: string };
  /** The demo candidate's session and e-mail (used when candidates are `user`). */
  candidate: { cookie: string; email: string };
}

async function signIn(base: string, account: DemoAccount) {
  const res = await call(base, 'POST', '/api/v1/auth/sign-in', '', {
    email: account.email,
    password: account.password,
  });
  const body = (await res.json()) as { status: string; user?: { memberships: { orgId: string }[] } };
  if (body.status !== 'signed_in') throw new Error(`sign-in answered ${JSON.stringify(body).slice(0, 200)}`);
  return { cookie: `isel_session=${cookieValue(res, 'isel_session')}`, orgId: body.user?.memberships[0]?.orgId };
}

/** Signs the seeded demo interviewer and candidate in (their passwords are in $DATA_DIR/demo-accounts.json). */
export async function signInDemoAccounts(base: string, dataDir: string): Promise<BenchAccounts> {
  const accounts = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as DemoAccount[];
  const interviewer = accounts.find((a) => a.role === 'interviewer');
  const candidate = accounts.find((a) => a.role === 'candidate');
  if (!interviewer || !candidate) throw new Error('no demo interviewer or candidate account (is SEED_DEMO on?)');
  const i = await signIn(base, interviewer);
  if (!i.orgId) throw new Error('the demo interviewer belongs to no organisation');
  const c = await signIn(base, candidate);
  return { interviewer: { cookie: i.cookie, orgId: i.orgId }, candidate: { cookie: c.cookie, email: candidate.email } };
}

async function createRoom(base: string, accounts: BenchAccounts, kind: CandidateKind, n: number): Promise<BenchRoom> {
  const { interviewer } = accounts;
  const created = await call(base, 'POST', '/api/v1/interviews', interviewer.cookie, {
    orgId: interviewer.orgId,
    title: `Bench room ${n}`,
    candidate:
      kind === 'user'
        ? { name: 'Casey Candidate', email: accounts.candidate.email }
        : { name: `Bench Candidate ${n}`, email: `bench-candidate-${n}@example.test` },
  });
  const { id } = (await created.json()) as { id: string };
  let writerCookie = accounts.candidate.cookie;
  if (kind === 'guest') {
    const link = await call(base, 'POST', `/api/v1/interviews/${id}/links`, interviewer.cookie, { role: 'candidate' });
    const token = ((await link.json()) as { url?: string }).url?.split('#')[1];
    if (!token) throw new Error('the candidate link has no token');
    const joined = await call(base, 'POST', '/api/v1/room-links/join', '', {
      token,
      displayName: `Bench Candidate ${n}`,
      consent: true,
    });
    await joined.arrayBuffer();
    writerCookie = `isel_guest=${cookieValue(joined, 'isel_guest')}`;
  }
  await (
    await call(base, 'POST', `/api/v1/interviews/${id}/transitions`, interviewer.cookie, { action: 'start' })
  ).arrayBuffer();
  return {
    interviewId: id,
    spec: {
      doc: roomDocumentName(id),
      privateDoc: privateDocumentName(id),
      writerCookie,
      listenerCookie: interviewer.cookie,
    },
  };
}

/** Creates `count` live rooms, `concurrency` at a time; `onProgress` every 250 rooms. */
export async function createRooms(
  base: string,
  accounts: BenchAccounts,
  kind: CandidateKind,
  count: number,
  concurrency: number,
  onProgress: (done: number) => void,
): Promise<BenchRoom[]> {
  const rooms: BenchRoom[] = new Array<BenchRoom>(count);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      for (let i = next++; i < count; i = next++) {
        rooms[i] = await createRoom(base, accounts, kind, i);
        done += 1;
        if (done % 250 === 0) onProgress(done);
      }
    }),
  );
  return rooms;
}

/**
 * Starts the real server once to create every room the run needs (bulk rooms
 * first, then the probe's), then checks its room socket with the probe's first
 * room. `problem` says why the server cannot be measured (the baseline still is).
 */
export async function setUpServerRooms(
  settings: Settings,
  ctx: { dataDir: string; databaseUrl: string | undefined; database: 'postgres' | 'pglite' },
  counts: { bulk: number; probe: number },
  providerVersion: string,
): Promise<{ rooms: BenchRoom[]; setupS: number; problem: string | null }> {
  const setupStart = performance.now();
  progress(`setting up ${counts.bulk + counts.probe} rooms on the server (${ctx.database})…`);
  const { server, port } = await startTarget('server', ctx);
  try {
    const base = `http://127.0.0.1:${port}`;
    const accounts = await signInDemoAccounts(base, ctx.dataDir);
    const rooms = await createRooms(
      base,
      accounts,
      settings.candidate,
      counts.bulk + counts.probe,
      settings.setupConcurrency,
      (done) => progress(`  ${done} rooms…`),
    );
    const setupS = (performance.now() - setupStart) / 1000;
    progress(`  ${rooms.length} rooms in ${setupS.toFixed(1)} s`);
    const unavailable = await checkRoomSocket(port, rooms[counts.bulk] as BenchRoom, providerVersion);
    return {
      rooms,
      setupS,
      problem: unavailable
        ? `the server's room socket (${ROOM_WS_PATH}) is not usable: ${unavailable}; measured the baseline only`
        : null,
    };
  } finally {
    await server.stop();
  }
}
