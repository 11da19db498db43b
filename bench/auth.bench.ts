/**
 * `npm run bench -- auth`: sign-in throughput and latency of the real server
 * (POST /api/v1/auth/sign-in: argon2id verify at the production parameters,
 * session insert, hash-chained audit event) against two baselines measured in
 * the same run: the raw argon2id verify rate of this machine (the cost floor
 * of any sign-in) and GET /api/v1/auth/session on the same server (the request
 * path without hashing).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { runLoad, type LoadResult } from './lib/load.js';
import { machineInfo } from './lib/machine-info.js';
import { repoRoot } from './lib/paths.js';
import { fmt, print, progress, table, writeResult } from './lib/report.js';
import { freePort, startServer, stopAll } from './lib/server-process.js';
import { median, ratio, round } from './lib/stats.js';

const SERVER_ENTRY = path.join(repoRoot, 'apps', 'server', 'dist', 'src', 'main.js');
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
/** The server's parameters (apps/server/src/modules/users/password.ts): argon2id, 19 MiB, t=2, p=1. */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CSRF = 'bench-csrf-token-0123456789abcdef';

/** Verifies per second with `concurrency` verifies in flight (libuv threads do the hashing). */
async function argon2Rate(durationS: number, concurrency: number): Promise<number> {
  const encoded = await hash('a benchmark passphrase', ARGON2);
  let done = 0;
  const end = Date.now() + durationS * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        await verify(encoded, 'a benchmark passphrase');
        done += 1;
      }
    }),
  );
  return done / durationS;
}

async function main(): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'interviewselect-bench-auth-'));
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  progress(`starting the server on 127.0.0.1:${port}…`);
  const server = await startServer({
    name: 'server',
    command: process.execPath,
    args: [SERVER_ENTRY],
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
    },
    readyUrl: `http://127.0.0.1:${port}/readyz`,
  });
  const accounts = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as {
    email: string;
    password: string;
    role: string;
  }[];
  const account = accounts.find((a) => a.role === 'interviewer') ?? accounts[0];
  if (!account) throw new Error('no demo account to sign in with');
  const base = `http://127.0.0.1:${port}`;
  const signIn = {
    url: `${base}/api/v1/auth/sign-in`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', cookie: `isel_csrf=${CSRF}`, 'x-csrf-token': CSRF },
    body: JSON.stringify({ email: account.email, password: account.password }),
  };
  const probe = await fetch(signIn.url, { method: 'POST', headers: signIn.headers, body: signIn.body });
  if (probe.status !== 200) throw new Error(`sign-in probe answered ${probe.status}: ${await probe.text()}`);

  const rounds: { argon2: number; signIn: LoadResult; session: LoadResult }[] = [];
  for (let r = 0; r <= ROUNDS; r++) {
    progress(`round ${r === 0 ? 'warm-up' : `${r}/${ROUNDS}`}…`);
    const argon2 = await argon2Rate(DURATION_S, CONNECTIONS);
    const signInLoad = await runLoad({ ...signIn, durationS: DURATION_S, connections: CONNECTIONS });
    const session = await runLoad({
      url: `${base}/api/v1/auth/session`,
      durationS: DURATION_S,
      connections: CONNECTIONS,
    });
    if (r > 0) rounds.push({ argon2, signIn: signInLoad, session });
  }
  const serverMemory = server.memory();
  await stopAll();

  const argon2Rps = median(rounds.map((r) => r.argon2));
  const summary = (pick: (r: (typeof rounds)[number]) => LoadResult) => ({
    rps: median(rounds.map((r) => pick(r).rps)),
    p50Ms: median(rounds.map((r) => pick(r).latency.p50)),
    p99Ms: median(rounds.map((r) => pick(r).latency.p99)),
    non2xx: rounds.reduce((n, r) => n + pick(r).non2xx + pick(r).errors, 0),
  });
  const signInSummary = summary((r) => r.signIn);
  const sessionSummary = summary((r) => r.session);

  print(
    table(
      [
        { header: 'target' },
        { header: 'ops/s', align: 'right' },
        { header: 'p50 ms', align: 'right' },
        { header: 'p99 ms', align: 'right' },
        { header: 'vs argon2 alone', align: 'right' },
        { header: 'failed', align: 'right' },
      ],
      [
        ['argon2id verify in-process (baseline)', fmt(argon2Rps, 1), null, null, '1.00×', 0],
        [
          'POST /api/v1/auth/sign-in',
          fmt(signInSummary.rps, 1),
          fmt(signInSummary.p50Ms, 1),
          fmt(signInSummary.p99Ms, 1),
          `${fmt(ratio(signInSummary.rps, argon2Rps), 2)}×`,
          signInSummary.non2xx,
        ],
        [
          'GET /api/v1/auth/session (no hashing)',
          fmt(sessionSummary.rps, 0),
          fmt(sessionSummary.p50Ms, 2),
          fmt(sessionSummary.p99Ms, 2),
          `${fmt(ratio(sessionSummary.rps, argon2Rps), 1)}×`,
          sessionSummary.non2xx,
        ],
      ],
    ),
  );
  const file = writeResult('auth', {
    benchmark: 'auth',
    machine: machineInfo(),
    settings: { durationS: DURATION_S, rounds: ROUNDS, connections: CONNECTIONS, argon2: ARGON2, database: 'pglite' },
    baseline: { argon2VerifyPerSecond: round(argon2Rps, 1) },
    signIn: { ...signInSummary, ratioToArgon2: round(ratio(signInSummary.rps, argon2Rps) ?? 0, 3) },
    session: sessionSummary,
    serverMemory,
    rounds: rounds.map((r) => ({
      argon2: round(r.argon2, 1),
      signInRps: round(r.signIn.rps, 1),
      sessionRps: round(r.session.rps, 1),
    })),
  });
  print(`\nwrote ${path.relative(process.cwd(), file)}`);
  return signInSummary.non2xx + sessionSummary.non2xx === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    await stopAll();
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
