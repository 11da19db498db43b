/**
 * `npm run bench -- http`: requests/s and latency of the real InterviewSelect
 * server (GET /healthz, no database; GET /api/v1/system, one database read)
 * against a bare Fastify hello-world measured in the same run, round by round,
 * so the ratios are comparable across machines. See bench/README.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLoad, type LoadResult } from './lib/load.js';
import { machineInfo } from './lib/machine-info.js';
import { repoRoot } from './lib/paths.js';
import { fmt, print, progress, table, writeResult } from './lib/report.js';
import { freePort, startServer, stopAll, type MemoryUsage, type RunningServer } from './lib/server-process.js';
import { median, ratio, round } from './lib/stats.js';

const NAME = 'http';
const SERVER_ENTRY = path.join(repoRoot, 'apps', 'server', 'dist', 'src', 'main.js');
const BASELINE_ENTRY = path.join(repoRoot, 'bench', 'fixtures', 'hello-fastify.ts');
/**
 * Node 24 runs the fixture with its built-in type stripping, so the baseline
 * process carries no loader hooks; tsx is the fallback for older Nodes.
 */
const BASELINE_LOADER = process.features.typescript ? 'node-type-stripping' : 'tsx';
const baselineArgs = BASELINE_LOADER === 'tsx' ? ['--import', 'tsx', BASELINE_ENTRY] : [BASELINE_ENTRY];
/** Variables the server reads (apps/server/src/config.ts) that must not leak in from the caller's shell. */
const SERVER_VARIABLES = [
  'PORT',
  'HOST',
  'PUBLIC_URL',
  'DATA_DIR',
  'DATABASE_URL',
  'DATABASE_POOL_MAX',
  'REDIS_URL',
  'SMTP_URL',
  'MAIL_FROM',
  'LOG_LEVEL',
  'SEED_DEMO',
  'WEB_DIST_DIR',
  'TRUST_PROXY',
  'SHUTDOWN_GRACE_SECONDS',
  'WORKERS_ENABLED',
];

interface Settings {
  durationS: number;
  rounds: number;
  warmupRounds: number;
  connections: number;
  databaseUrl: string | undefined;
}

class UsageError extends Error {}

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function readSettings(env: NodeJS.ProcessEnv): Settings {
  return {
    durationS: intSetting(env, 'BENCH_DURATION_S', 5, 1, 300),
    rounds: intSetting(env, 'BENCH_ROUNDS', 3, 1, 50),
    warmupRounds: intSetting(env, 'BENCH_WARMUP_ROUNDS', 1, 0, 10),
    connections: intSetting(env, 'BENCH_CONNECTIONS', 10, 1, 1000),
    databaseUrl: env.BENCH_DATABASE_URL?.trim() || undefined,
  };
}

/** Builds the repo (`npm run build`) when the server's entry point is missing. Returns whether it did. */
async function ensureServerBuilt(): Promise<boolean> {
  if (existsSync(SERVER_ENTRY)) return false;
  progress(`${path.relative(repoRoot, SERVER_ENTRY)} is missing: running \`npm run build\` first…`);
  // Under `npm run`, npm_execpath is npm's own script; run it with this Node.
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli ? [process.execPath, [npmCli, 'run', 'build']] : ['npm', ['run', 'build']];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve(exitCode));
  });
  if (code !== 0 || !existsSync(SERVER_ENTRY)) {
    throw new Error(`\`npm run build\` failed (exit ${code}) or did not produce ${SERVER_ENTRY}`);
  }
  progress('build finished.');
  return true;
}

function serverEnv(port: number, dataDir: string, databaseUrl: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVER_VARIABLES) delete env[name];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    SHUTDOWN_GRACE_SECONDS: '5',
  });
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

interface Target {
  id: string;
  description: string;
  server: RunningServer;
  url: string;
  rounds: LoadResult[];
}

interface SystemInfoSample {
  version?: unknown;
  database?: unknown;
  queue?: unknown;
  stats?: { users?: unknown; orgs?: unknown };
}

/** One GET before any load: the endpoint answers 200, and /api/v1/system really reads rows. */
async function checkTarget(target: Target): Promise<SystemInfoSample | null> {
  const res = await fetch(target.url, { signal: AbortSignal.timeout(10_000) });
  const body = await res.text();
  if (res.status !== 200) {
    throw new Error(`${target.url} answered ${res.status} before the run: ${body.slice(0, 300)}`);
  }
  if (target.id !== 'system') return null;
  const info = JSON.parse(body) as SystemInfoSample;
  const users = info.stats?.users;
  if (typeof users !== 'number' || users < 1) {
    throw new Error(`${target.url} reports ${JSON.stringify(info.stats)}: expected seeded users (SEED_DEMO=true)`);
  }
  return info;
}

/** Relative to the working directory when inside it, else absolute. */
function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function mib(bytes: number | undefined): number | null {
  return bytes === undefined ? null : round(bytes / 1024 / 1024, 1);
}

function memoryJson(memory: MemoryUsage | null) {
  return memory ? { rssMiB: mib(memory.rssBytes), peakRssMiB: mib(memory.peakRssBytes) } : null;
}

async function main(): Promise<number> {
  const settings = readSettings(process.env);
  const machine = machineInfo();
  const built = await ensureServerBuilt();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'interviewselect-bench-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  // Also on Ctrl-C, which exits from the signal handler once the servers have stopped.
  process.once('exit', removeDataDir);
  const database = settings.databaseUrl ? 'postgres' : 'pglite';
  const targets: Target[] = [];
  const memory = new Map<string, { afterStart: MemoryUsage | null; afterLoad: MemoryUsage | null }>();
  let systemInfo: SystemInfoSample | null = null;

  try {
    const baselinePort = await freePort();
    progress(`starting the baseline (bare Fastify) on 127.0.0.1:${baselinePort}…`);
    const baseline = await startServer({
      name: 'baseline',
      command: process.execPath,
      args: baselineArgs,
      cwd: repoRoot,
      env: { ...process.env, PORT: String(baselinePort), HOST: '127.0.0.1' },
      readyUrl: `http://127.0.0.1:${baselinePort}/`,
    });

    const serverPort = await freePort();
    progress(`starting the InterviewSelect server (${database}) on 127.0.0.1:${serverPort}…`);
    const server = await startServer({
      name: 'server',
      command: process.execPath,
      args: [SERVER_ENTRY],
      cwd: repoRoot,
      env: serverEnv(serverPort, dataDir, settings.databaseUrl),
      readyUrl: `http://127.0.0.1:${serverPort}/readyz`,
    });

    targets.push(
      {
        id: 'baseline',
        description: 'bare Fastify hello-world, GET /',
        server: baseline,
        url: `http://127.0.0.1:${baselinePort}/`,
        rounds: [],
      },
      {
        id: 'healthz',
        description: 'InterviewSelect GET /healthz (liveness, no database)',
        server,
        url: `http://127.0.0.1:${serverPort}/healthz`,
        rounds: [],
      },
      {
        id: 'system',
        description: `InterviewSelect GET /api/v1/system (counts users and orgs in ${database})`,
        server,
        url: `http://127.0.0.1:${serverPort}/api/v1/system`,
        rounds: [],
      },
    );
    for (const target of targets) systemInfo = (await checkTarget(target)) ?? systemInfo;
    for (const s of [baseline, server]) memory.set(s.name, { afterStart: s.memory(), afterLoad: null });

    // Interleave: every round runs each target once, the order rotating from
    // round to round, so slow phases of a noisy machine hit all targets alike.
    const total = settings.warmupRounds + settings.rounds;
    for (let r = 0; r < total; r++) {
      const warmup = r < settings.warmupRounds;
      for (let i = 0; i < targets.length; i++) {
        const target = targets[(r + i) % targets.length] as Target;
        const label = warmup
          ? `warm-up ${r + 1}/${settings.warmupRounds}`
          : `round ${r - settings.warmupRounds + 1}/${settings.rounds}`;
        progress(`${label}: ${target.id} (${settings.durationS} s, ${settings.connections} connections)…`);
        const result = await runLoad({
          url: target.url,
          durationS: settings.durationS,
          connections: settings.connections,
        });
        if (!warmup) target.rounds.push(result);
      }
    }
    for (const s of [baseline, server]) {
      const entry = memory.get(s.name);
      if (entry) entry.afterLoad = s.memory();
    }
  } finally {
    await stopAll();
    removeDataDir();
  }

  // Summaries: per-round values first, then the median over the measured rounds.
  const summaries = targets.map((t) => ({
    target: t,
    rps: median(t.rounds.map((r) => r.rps)),
    p50: median(t.rounds.map((r) => r.latency.p50)),
    p95: median(t.rounds.map((r) => r.latency.p95)),
    p99: median(t.rounds.map((r) => r.latency.p99)),
    failures: t.rounds.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
  }));
  const base = summaries.find((s) => s.target.id === 'baseline');
  if (!base) throw new Error('no baseline measured');
  const problems = summaries
    .filter((s) => s.failures > 0)
    .map((s) => `${s.target.id}: ${s.failures} non-2xx responses, errors or timeouts during the measured rounds`);

  const processes = [...new Set(targets.map((t) => t.server))].map((s) => ({
    name: s.name,
    pid: s.pid,
    readyMs: s.readyMs,
    memoryAfterStart: memoryJson(memory.get(s.name)?.afterStart ?? null),
    memoryAfterLoad: memoryJson(memory.get(s.name)?.afterLoad ?? null),
  }));

  const result = {
    benchmark: NAME,
    schemaVersion: 1,
    machine,
    finishedAt: new Date().toISOString(),
    loadAverageAtEnd: os.loadavg().map((n) => round(n)),
    settings: {
      durationS: settings.durationS,
      rounds: settings.rounds,
      warmupRounds: settings.warmupRounds,
      connections: settings.connections,
      pipelining: 1,
      database,
      serverEntry: path.relative(repoRoot, SERVER_ENTRY),
      serverBuiltByBench: built,
      baselineEntry: path.relative(repoRoot, BASELINE_ENTRY),
      baselineLoader: BASELINE_LOADER,
      server: systemInfo
        ? { version: systemInfo.version, database: systemInfo.database, queue: systemInfo.queue }
        : null,
      seededRows: systemInfo?.stats ?? null,
    },
    baseline: 'baseline',
    targets: summaries.map((s) => ({
      id: s.target.id,
      description: s.target.description,
      process: s.target.server.name,
      path: new URL(s.target.url).pathname,
      median: { rps: round(s.rps, 0), p50Ms: round(s.p50, 3), p95Ms: round(s.p95, 3), p99Ms: round(s.p99, 3) },
      vsBaseline: {
        rps: round(ratio(s.rps, base.rps) ?? Number.NaN, 3),
        p50: round(ratio(s.p50, base.p50) ?? Number.NaN, 3),
        p95: round(ratio(s.p95, base.p95) ?? Number.NaN, 3),
        p99: round(ratio(s.p99, base.p99) ?? Number.NaN, 3),
      },
      rounds: s.target.rounds.map((r) => ({
        durationS: r.durationS,
        rps: round(r.rps, 0),
        responses2xx: r.responses2xx,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        latencyMs: {
          p50: round(r.latency.p50, 3),
          p95: round(r.latency.p95, 3),
          p99: round(r.latency.p99, 3),
          mean: round(r.latency.mean, 3),
          max: round(r.latency.max, 3),
        },
      })),
    })),
    processes,
    problems,
  };
  const file = writeResult(NAME, result);

  const times = (value: number | null) => (value === null ? '–' : `${fmt(value, 2)}×`);
  const cpu = `${machine.cpuModel}, ${machine.cores} cores, ${fmt(machine.totalMemoryBytes / 1024 ** 3, 1)} GiB`;
  const lines = [
    '',
    `http benchmark: ${settings.rounds} round${settings.rounds === 1 ? '' : 's'} × ${settings.durationS} s per target (${settings.warmupRounds} warm-up discarded), ${settings.connections} connections, database ${database}`,
    `${cpu}; Node ${machine.nodeVersion}; ${machine.os.type} ${machine.os.release}; commit ${machine.gitCommit?.slice(0, 12) ?? 'none'}`,
    built ? 'The server was built first (`npm run build`): apps/server/dist/src/main.js was missing.' : '',
    '',
    table(
      [
        { header: 'target' },
        { header: 'req/s' },
        { header: 'p50 ms' },
        { header: 'p95 ms' },
        { header: 'p99 ms' },
        { header: 'req/s vs base' },
        { header: 'p50 vs base' },
        { header: 'p99 vs base' },
        { header: 'failed' },
      ],
      summaries.map((s) => [
        s.target.id,
        fmt(s.rps),
        fmt(s.p50, 3),
        fmt(s.p95, 3),
        fmt(s.p99, 3),
        times(ratio(s.rps, base.rps)),
        times(ratio(s.p50, base.p50)),
        times(ratio(s.p99, base.p99)),
        fmt(s.failures),
      ]),
    ),
    '',
    table(
      [
        { header: 'process' },
        { header: 'ready in ms' },
        { header: 'RSS idle MiB' },
        { header: 'RSS after MiB' },
        { header: 'peak RSS MiB' },
      ],
      processes.map((p) => [
        p.name,
        fmt(p.readyMs),
        fmt(p.memoryAfterStart?.rssMiB, 1),
        fmt(p.memoryAfterLoad?.rssMiB, 1),
        fmt(p.memoryAfterLoad?.peakRssMiB, 1),
      ]),
    ),
    '',
    'Medians over the measured rounds; "vs base" = target / baseline (req/s above 1× is faster, latency above 1× is slower).',
    ...problems.map((p) => `PROBLEM: ${p}`),
    `Results: ${displayPath(file)}`,
  ];
  print(lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n'));
  return problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nSee bench/README.md for the settings.\n`);
      process.exit(2);
    }
    process.stderr.write(`http benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
    void stopAll().finally(() => process.exit(1));
  },
);
