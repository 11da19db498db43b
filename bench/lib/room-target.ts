/**
 * The servers the `room` benchmark measures: the real server (built from
 * apps/server when stale) and the minimal y-websocket-style baseline, each
 * started on a free port; and a check that the real server's room socket works.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOM_WS_PATH } from '@interviewselect/contracts';
import { repoRoot } from './paths.js';
import { progress } from './report.js';
import { RoomClient } from './room-client.js';
import type { ServerKind } from './room-settings.js';
import type { BenchRoom } from './room-setup.js';
import { freePort, startServer } from './server-process.js';

export const SERVER_ENTRY = path.join(repoRoot, 'apps', 'server', 'dist', 'src', 'main.js');
export const BASELINE_ENTRY = path.join(repoRoot, 'bench', 'lib', 'room-baseline-server.ts');
/** Node 24 runs the baseline with its built-in type stripping (no loader in that process); tsx otherwise. */
export const BASELINE_LOADER = process.features.typescript ? 'node-type-stripping' : 'tsx';

/** A source file (not a test) under `srcDir` changed after `buildInfo` (the project's last `tsc -b`), or null. */
function sourceNewerThan(srcDir: string, buildInfo: string): string | null {
  if (!existsSync(buildInfo)) return `${path.relative(repoRoot, buildInfo)} is missing`;
  const built = statSync(buildInfo).mtimeMs;
  for (const entry of readdirSync(srcDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const src = path.join(entry.parentPath, entry.name);
    if (statSync(src).mtimeMs > built) return `${path.relative(repoRoot, src)} changed`;
  }
  return null;
}

/** Runs `tsc -b apps/server` when a source changed since the last build (or main.js is missing). */
export async function ensureServerBuilt(): Promise<'up-to-date' | 'built'> {
  const stale =
    (existsSync(SERVER_ENTRY) ? null : 'apps/server/dist/src/main.js is missing') ??
    sourceNewerThan(
      path.join(repoRoot, 'apps', 'server', 'src'),
      path.join(repoRoot, 'apps', 'server', 'dist', 'tsconfig.tsbuildinfo'),
    ) ??
    sourceNewerThan(
      path.join(repoRoot, 'packages', 'contracts', 'src'),
      path.join(repoRoot, 'packages', 'contracts', 'tsconfig.tsbuildinfo'),
    );
  if (!stale) return 'up-to-date';
  progress(`the server build is stale (${stale}): running \`tsc -b apps/server\`…`);
  const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-b', 'apps/server'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0 || !existsSync(SERVER_ENTRY)) throw new Error(`\`tsc -b apps/server\` failed (exit ${code})`);
  return 'built';
}

function serverEnv(port: number, dataDir: string, databaseUrl: string | undefined): NodeJS.ProcessEnv {
  // Only what the server should see: nothing leaks in from the caller's shell (DATABASE_URL, REDIS_URL…).
  return {
    PATH: process.env.PATH,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    TERMINAL_MAX_SESSIONS: '0',
    SHUTDOWN_GRACE_SECONDS: '10',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
}

export async function startTarget(kind: ServerKind, ctx: { dataDir: string; databaseUrl: string | undefined }) {
  const port = await freePort();
  const server =
    kind === 'server'
      ? await startServer({
          name: 'server',
          command: process.execPath,
          // ROOM_BENCH_CPU_PROF_DIR: a V8 CPU profile of the server per run, to see where an update's time goes.
          args: process.env.ROOM_BENCH_CPU_PROF_DIR
            ? ['--cpu-prof', '--cpu-prof-dir', process.env.ROOM_BENCH_CPU_PROF_DIR, SERVER_ENTRY]
            : [SERVER_ENTRY],
          cwd: repoRoot,
          env: serverEnv(port, ctx.dataDir, ctx.databaseUrl),
          readyUrl: `http://127.0.0.1:${port}/readyz`,
          stopTimeoutMs: 30_000,
        })
      : await startServer({
          name: 'baseline',
          command: process.execPath,
          args: BASELINE_LOADER === 'tsx' ? ['--import', 'tsx', BASELINE_ENTRY] : [BASELINE_ENTRY],
          cwd: repoRoot,
          env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1' },
          readyUrl: `http://127.0.0.1:${port}/`,
        });
  return { server, port };
}

/** One connection to the real server's /ws with the probe's first room: is the room socket there at all? */
export async function checkRoomSocket(port: number, room: BenchRoom, providerVersion: string): Promise<string | null> {
  return new Promise((resolve) => {
    let client: RoomClient | null = null;
    const timer = setTimeout(() => {
      client?.close();
      resolve('no answer within 15 s');
    }, 15_000);
    client = new RoomClient({
      protocol: 'hocuspocus',
      url: `ws://127.0.0.1:${port}${ROOM_WS_PATH}`,
      headers: { origin: `http://127.0.0.1:${port}`, cookie: room.spec.writerCookie ?? '' },
      docs: [{ name: room.spec.doc, apply: true }],
      providerVersion,
      events: {
        ready: () => {
          clearTimeout(timer);
          client?.close();
          resolve(null);
        },
        failure: (reason) => {
          clearTimeout(timer);
          resolve(reason);
        },
      },
    });
  });
}
