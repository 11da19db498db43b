/**
 * `npm run bench -- room`: the live interview room under load. Pairs of
 * clients per room (a candidate typing at human speed with a cursor, an
 * interviewer watching) at 100, 1,000 and 5,000 connections, against the real
 * server (Hocuspocus on /ws: cookie auth, policy, the durable edit log) and a
 * minimal y-websocket-style server (bench/lib/room-baseline-server.ts) under
 * the same load in the same run. Load comes from forked generator processes;
 * edit-to-remote-apply latency from a separate light probe process. Reports
 * latency p50/p99, the durable-ack time, server CPU and memory per connection,
 * connect times and errors. See bench/README.md (`room`).
 */
import { spawn, fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ROOM_WS_PATH } from '@interviewselect/contracts';
import { machineInfo } from './lib/machine-info.js';
import { repoRoot } from './lib/paths.js';
import { fmt, print, progress, table, writeResult } from './lib/report.js';
import { RoomClient, type RoomProtocol } from './lib/room-client.js';
import { machineCpu, postgresBackendsCpu, postgresCpuDelta, processCpuSeconds } from './lib/room-proc.js';
import { createRooms, signInDemoAccounts, type BenchRoom, type CandidateKind } from './lib/room-setup.js';
import type { ConnectResult, DrainResult, RoomSpec, WorkerCommand, WorkerReport } from './lib/room-worker.js';
import { freePort, startServer, stopAll } from './lib/server-process.js';
import { median, ratio, round, summarize, type Summary } from './lib/stats.js';

const NAME = 'room';
const SERVER_ENTRY = path.join(repoRoot, 'apps', 'server', 'dist', 'src', 'main.js');
const BASELINE_ENTRY = path.join(repoRoot, 'bench', 'lib', 'room-baseline-server.ts');
const WORKER_ENTRY = path.join(repoRoot, 'bench', 'lib', 'room-worker.ts');
/** Node 24 runs the baseline with its built-in type stripping (no loader in that process); tsx otherwise. */
const BASELINE_LOADER = process.features.typescript ? 'node-type-stripping' : 'tsx';
const TARGET = { connections: 5000, p99Ms: 50 };
/** Where `auto` looks for PostgreSQL when BENCH_DATABASE_URL is unset (a fresh database is created on it). */
const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

type ServerKind = 'baseline' | 'server';

class UsageError extends Error {}

function intSetting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function numberSetting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`${name} must be a number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function listSetting<T extends string>(name: string, fallback: T[], allowed: readonly T[]): T[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const items = raw.split(',').map((s) => s.trim()) as T[];
  for (const item of items) {
    if (!allowed.includes(item))
      throw new UsageError(`${name}: ${JSON.stringify(item)} is not one of ${allowed.join(', ')}`);
  }
  return items;
}

function readSettings() {
  const rawSizes = process.env.ROOM_BENCH_SIZES?.trim() || '100,1000,5000';
  const sizes = rawSizes.split(',').map((s) => Number(s.trim()));
  for (const size of sizes) {
    if (!Number.isInteger(size) || size < 20 || size > 20_000) {
      throw new UsageError(
        `ROOM_BENCH_SIZES must list whole numbers from 20 to 20000, got ${JSON.stringify(rawSizes)}`,
      );
    }
  }
  const generators = process.env.ROOM_BENCH_GENERATORS?.trim();
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    servers: listSetting<ServerKind>('ROOM_BENCH_SERVERS', ['baseline', 'server'], ['baseline', 'server']),
    warmupS: intSetting('ROOM_BENCH_WARMUP_S', 5, 0, 120),
    measureS: intSetting('ROOM_BENCH_MEASURE_S', 20, 3, 600),
    charsPerSecond: numberSetting('ROOM_BENCH_CPS', 5, 0.1, 50),
    awarenessEvery: intSetting('ROOM_BENCH_AWARENESS_EVERY', 3, 0, 1000),
    backspaceRatio: numberSetting('ROOM_BENCH_BACKSPACE', 0.1, 0, 0.5),
    duty: numberSetting('ROOM_BENCH_TYPING_DUTY', 1, 0.01, 1),
    probeRooms: intSetting('ROOM_BENCH_PROBE_ROOMS', 8, 1, 100),
    generators: generators ? intSetting('ROOM_BENCH_GENERATORS', 1, 1, 8) : null,
    batch: intSetting('ROOM_BENCH_BATCH', 100, 2, 2000),
    privateDoc: (process.env.ROOM_BENCH_PRIVATE_DOC ?? 'true') !== 'false',
    setupConcurrency: intSetting('ROOM_BENCH_SETUP_CONCURRENCY', 16, 1, 64),
    candidate: listSetting<CandidateKind>('ROOM_BENCH_CANDIDATE', ['user'], ['user', 'guest'])[0] as CandidateKind,
    database: listSetting<'auto' | 'postgres' | 'pglite'>(
      'ROOM_BENCH_DATABASE',
      ['auto'],
      ['auto', 'postgres', 'pglite'],
    )[0],
    databaseUrl: process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_POSTGRES_URL,
  };
}
type Settings = ReturnType<typeof readSettings>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------
// The server build

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
async function ensureServerBuilt(): Promise<'up-to-date' | 'built'> {
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

// ---------------------------------------------------------------------------
// Processes

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

async function startTarget(kind: ServerKind, ctx: { dataDir: string; databaseUrl: string | undefined }) {
  const port = await freePort();
  const server =
    kind === 'server'
      ? await startServer({
          name: 'server',
          command: process.execPath,
          args: [SERVER_ENTRY],
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

const workerChildren = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of workerChildren) child.kill('SIGKILL');
});

/** A forked room-worker.ts and request/answer over its IPC channel. */
class Worker {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<string, { resolve: (m: unknown) => void; reject: (e: Error) => void }>();
  private exited: Promise<void>;

  constructor(readonly name: string) {
    this.child = fork(WORKER_ENTRY, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 2, 2, 'ipc'] });
    workerChildren.add(this.child);
    this.child.on('message', (message: { evt: string }) => {
      const waiter = this.waiting.get(message.evt);
      this.waiting.delete(message.evt);
      waiter?.resolve(message);
    });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        workerChildren.delete(this.child);
        for (const w of this.waiting.values()) w.reject(new Error(`${name} exited (${signal ?? code})`));
        this.waiting.clear();
        resolve();
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  send(command: WorkerCommand): void {
    this.child.send(command);
  }

  request<T>(command: WorkerCommand, evt: string, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(evt);
        reject(new Error(`${this.name} did not answer ${command.cmd} within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      this.waiting.set(evt, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.send(command);
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.send({ cmd: 'close' });
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      await this.exited;
      clearTimeout(timer);
    }
  }
}

// ---------------------------------------------------------------------------
// One measured step: one server, one connection count

interface StepResult {
  /** The connection count asked for (ROOM_BENCH_SIZES); `connections` is how many were attempted. */
  size: number;
  connections: number;
  server: ServerKind;
  rooms: { bulk: number; probe: number };
  generators: number;
  connect: { rampS: number; ok: number; failed: number; ms: Summary };
  latencyMs: Summary;
  /**
   * Probe keystrokes typed in the window and not applied remotely when it closed. They are in
   * `latencyMs` with their age at that moment (a lower bound), so a stalled server cannot look fast.
   */
  unapplied: number;
  ackMs: Summary | null;
  /** The probe's HTTP GET of the server every 200 ms (/healthz; the baseline's /): event-loop responsiveness. */
  httpPingMs: Summary;
  /** Server CPU milliseconds per 1,000 edits typed (all its work divided by the edits: a cost, not a latency). */
  cpuMsPer1000Edits: number | null;
  /** Writers' updates still unacknowledged when the window ended (our server: the edit log's backlog). */
  ackBacklog: number;
  serverProcess: {
    pid: number;
    readyMs: number;
    cpuPercent: number | null;
    cpuMicrosPerConnection: number | null;
    postgresCpuPercent: number | null;
    idleRssMiB: number | null;
    rssMiB: number | null;
    peakRssMiB: number | null;
    rssKiBPerConnection: number | null;
  };
  machineBusyPercent: number | null;
  /** 1-minute load average when the measured window began (other work on the machine shows here). */
  loadAverage1m: number;
  traffic: {
    plannedEditsPerS: number;
    editsPerS: number;
    awarenessPerS: number;
    framesInPerS: number;
    framesOutPerS: number;
    updatesDeliveredPerS: number;
    acksPerS: number;
  };
  clients: {
    name: string;
    cpuPercent: number;
    loopDelayP99Ms: number;
    loopDelayMaxMs: number;
    loopUtilization: number;
  }[];
  errors: {
    connectFailed: number;
    droppedInWindow: number;
    refusedUpdates: number;
    unackedAfterDrain: number;
    openAtEnd: number;
    samples: string[];
  };
}

function specsFor(rooms: BenchRoom[] | null, kind: ServerKind, from: number, count: number, privateDoc: boolean) {
  const specs: RoomSpec[] = [];
  for (let i = from; i < from + count; i++) {
    const room = rooms?.[i];
    if (kind === 'server') {
      if (!room) throw new Error(`room ${i} was not created`);
      specs.push(privateDoc ? room.spec : { ...room.spec, privateDoc: undefined });
    } else {
      // The baseline needs no auth; the same document names keep the framing sizes alike.
      specs.push({ doc: room?.spec.doc ?? `interview:bench-${i}` });
    }
  }
  return specs;
}

function split<T>(items: T[], parts: number): T[][] {
  const out: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((item, i) => out[i % parts]?.push(item));
  return out;
}

function mib(bytes: number | undefined | null): number | null {
  return bytes === undefined || bytes === null ? null : bytes / 1024 / 1024;
}

async function runStep(
  settings: Settings,
  kind: ServerKind,
  size: number,
  ctx: {
    dataDir: string;
    databaseUrl: string | undefined;
    databaseName: string | null;
    rooms: BenchRoom[] | null;
    maxBulkRooms: number;
  },
  providerVersion: string,
): Promise<StepResult> {
  const probeRooms = Math.max(1, Math.min(settings.probeRooms, Math.floor(size / 8)));
  const bulkRooms = Math.floor((size - 2 * probeRooms) / 2);
  const generators = settings.generators ?? (size > 1000 ? 2 : 1);
  progress(`\n[${kind} @ ${size}] ${bulkRooms} bulk rooms in ${generators} generator(s) + ${probeRooms} probe rooms`);

  const { server, port } = await startTarget(kind, ctx);
  const workers: Worker[] = [];
  try {
    await sleep(1000);
    const idle = server.memory();
    const base = `http://127.0.0.1:${port}`;
    const url = kind === 'server' ? `ws://127.0.0.1:${port}${ROOM_WS_PATH}` : `ws://127.0.0.1:${port}`;
    const protocol: RoomProtocol = kind === 'server' ? 'hocuspocus' : 'y-websocket';
    const common = {
      cmd: 'connect' as const,
      protocol,
      url,
      origin: base,
      batch: settings.batch,
      cps: settings.charsPerSecond,
      awarenessEvery: settings.awarenessEvery,
      backspaceRatio: settings.backspaceRatio,
      duty: settings.duty,
      providerVersion,
    };
    const gens = Array.from({ length: generators }, (_, i) => new Worker(`generator ${i + 1}`));
    const probe = new Worker('probe');
    workers.push(...gens, probe);

    const bulkSpecs = specsFor(ctx.rooms, kind, 0, bulkRooms, settings.privateDoc);
    const probeSpecs = specsFor(ctx.rooms, kind, ctx.maxBulkRooms, probeRooms, settings.privateDoc);
    const rampStart = performance.now();
    const connectTimeout = 60_000 + size * 60;
    const bulk = await Promise.all(
      split(bulkSpecs, generators).map((rooms, i) =>
        (gens[i] as Worker).request<ConnectResult>(
          { ...common, rooms, probe: false, batch: Math.max(2, Math.round(settings.batch / generators)) },
          'connected',
          connectTimeout,
        ),
      ),
    );
    const pingUrl = kind === 'server' ? `${base}/healthz` : `${base}/`;
    const probed = await probe.request<ConnectResult>(
      { ...common, rooms: probeSpecs, probe: true, pingUrl },
      'connected',
      60_000,
    );
    const rampS = (performance.now() - rampStart) / 1000;
    const connected = [...bulk, probed];
    const connectFailures = connected.flatMap((c) => c.failures);
    const ok = connected.reduce((n, c) => n + c.ok, 0);
    const failed = connected.reduce((n, c) => n + c.failed, 0);
    progress(
      `  connected ${ok}/${ok + failed} in ${rampS.toFixed(1)} s${failed ? ` (${failed} failed: ${connectFailures[0] ?? '?'})` : ''}`,
    );
    if (ok === 0) throw new Error(`no connection to the ${kind} succeeded: ${connectFailures[0] ?? 'unknown reason'}`);

    for (const w of workers) w.send({ cmd: 'type' });
    progress(`  typing: ${settings.warmupS} s warm-up, then ${settings.measureS} s measured…`);
    await sleep(settings.warmupS * 1000);

    for (const w of workers) w.send({ cmd: 'mark' });
    const loadAverage1m = os.loadavg()[0] ?? 0;
    const t0 = performance.now();
    const cpu0 = processCpuSeconds(server.pid);
    const pg0 = ctx.databaseName && kind === 'server' ? postgresBackendsCpu(ctx.databaseName) : null;
    const machine0 = machineCpu();
    const rss: number[] = [];
    let peak = 0;
    const sampler = setInterval(() => {
      const m = server.memory();
      if (m) {
        rss.push(m.rssBytes);
        peak = Math.max(peak, m.peakRssBytes);
      }
    }, 1000);
    await sleep(settings.measureS * 1000);
    clearInterval(sampler);
    const windowS = (performance.now() - t0) / 1000;
    const cpu1 = processCpuSeconds(server.pid);
    const pg1 = ctx.databaseName && kind === 'server' ? postgresBackendsCpu(ctx.databaseName) : null;
    const machine1 = machineCpu();
    const reports = await Promise.all(workers.map((w) => w.request<WorkerReport>({ cmd: 'report' }, 'report', 30_000)));
    const drains = await Promise.all(
      workers.map((w) => w.request<DrainResult>({ cmd: 'drain', timeoutMs: 5000 }, 'drained', 30_000)),
    );
    const probeReport = reports.at(-1) as WorkerReport;
    const sum = (pick: (r: WorkerReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
    const perS = (pick: (r: WorkerReport) => number) =>
      reports.reduce((n, r) => n + pick(r) / Math.max(0.001, r.windowMs / 1000), 0);
    const cpuPercent = cpu0 !== null && cpu1 !== null ? ((cpu1 - cpu0) / windowS) * 100 : null;
    const rssMedian = rss.length ? median(rss) : null;
    const result: StepResult = {
      size,
      connections: ok + failed,
      server: kind,
      rooms: { bulk: bulkRooms, probe: probeRooms },
      generators,
      connect: { rampS, ok, failed, ms: summarize(connected.flatMap((c) => c.connectMs)) },
      latencyMs: summarize([...probeReport.latencyMs, ...probeReport.unappliedMs]),
      unapplied: probeReport.unappliedMs.length,
      ackMs: kind === 'server' ? summarize(probeReport.ackMs) : null,
      httpPingMs: summarize(probeReport.pingMs),
      cpuMsPer1000Edits:
        cpu0 !== null && cpu1 !== null && sum((r) => r.updatesSent) > 0
          ? ((cpu1 - cpu0) * 1e6) / sum((r) => r.updatesSent)
          : null,
      ackBacklog: kind === 'server' ? sum((r) => r.unackedAtEnd) : 0,
      serverProcess: {
        pid: server.pid,
        readyMs: server.readyMs,
        cpuPercent,
        cpuMicrosPerConnection: cpuPercent === null ? null : ((cpuPercent / 100) * 1e6) / size,
        postgresCpuPercent: pg0 && pg1 ? (postgresCpuDelta(pg0, pg1) / windowS) * 100 : null,
        idleRssMiB: mib(idle?.rssBytes),
        rssMiB: mib(rssMedian),
        peakRssMiB: peak ? mib(peak) : null,
        rssKiBPerConnection: rssMedian !== null && idle ? (rssMedian - idle.rssBytes) / 1024 / size : null,
      },
      loadAverage1m,
      machineBusyPercent:
        machine0 && machine1
          ? ((machine1.busy - machine0.busy) / Math.max(1, machine1.total - machine0.total)) * 100
          : null,
      traffic: {
        plannedEditsPerS: (bulkRooms * settings.duty + probeRooms) * settings.charsPerSecond,
        editsPerS: perS((r) => r.updatesSent),
        awarenessPerS: perS((r) => r.awarenessSent),
        framesInPerS: perS((r) => r.framesIn),
        framesOutPerS: perS((r) => r.framesOut),
        updatesDeliveredPerS: perS((r) => r.updatesIn),
        acksPerS: perS((r) => r.acks),
      },
      clients: reports.map((r, i) => ({
        name: (workers[i] as Worker).name,
        cpuPercent: r.cpuPercent,
        loopDelayP99Ms: r.loopDelayP99Ms,
        loopDelayMaxMs: r.loopDelayMaxMs,
        loopUtilization: r.loopUtilization,
      })),
      errors: {
        connectFailed: failed,
        droppedInWindow: sum((r) => r.failuresInWindow),
        refusedUpdates: sum((r) => r.refused),
        unackedAfterDrain: kind === 'server' ? drains.reduce((n, d) => n + d.unacked, 0) : 0,
        openAtEnd: sum((r) => r.openConnections),
        samples: [...new Set([...connectFailures, ...reports.flatMap((r) => r.failures)])].slice(0, 10),
      },
    };
    const l = result.latencyMs;
    progress(
      `  latency p50 ${fmt(l.median, 2)} ms, p99 ${fmt(l.p99, 2)} ms (${l.count} samples); server CPU ${fmt(cpuPercent, 0)} %, ` +
        `RSS ${fmt(result.serverProcess.rssMiB, 0)} MiB; edits ${fmt(result.traffic.editsPerS, 0)}/s of ${fmt(result.traffic.plannedEditsPerS, 0)}/s planned`,
    );
    return result;
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await server.stop();
  }
}

// ---------------------------------------------------------------------------

async function createDatabase(adminUrl: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `isel_bench_room_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/**
 * PostgreSQL (a fresh database on BENCH_DATABASE_URL's server, dropped at the
 * end) unless ROOM_BENCH_DATABASE=pglite; `auto` falls back to embedded PGlite
 * when that server does not answer. null = PGlite.
 */
async function chooseDatabase(settings: Settings): Promise<Awaited<ReturnType<typeof createDatabase>> | null> {
  if (settings.database === 'pglite') return null;
  try {
    return await createDatabase(settings.databaseUrl);
  } catch (error) {
    const where = new URL(settings.databaseUrl).host;
    if (settings.database === 'postgres') {
      throw new Error(`could not create a database on ${where}: ${String(error)}`, { cause: error });
    }
    progress(
      `PostgreSQL at ${where} is not usable (${String(error)}): using embedded PGlite, which is far slower here.`,
    );
    return null;
  }
}

/** One connection to the real server's /ws with the probe's first room: is the room socket there at all? */
async function checkRoomSocket(port: number, room: BenchRoom, providerVersion: string): Promise<string | null> {
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

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

const r2 = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? null : round(v, digits));
const summaryJson = (s: Summary | null) =>
  s && s.count > 0
    ? {
        count: s.count,
        min: r2(s.min, 3),
        p50: r2(s.median, 3),
        p95: r2(s.p95, 3),
        p99: r2(s.p99, 3),
        max: r2(s.max, 3),
      }
    : null;

async function main(): Promise<number> {
  const settings = readSettings();
  const machine = machineInfo();
  const useServer = settings.servers.includes('server');
  const build = useServer ? await ensureServerBuilt() : null;
  const providerVersion = (
    JSON.parse(
      readFileSync(path.join(repoRoot, 'node_modules', '@hocuspocus', 'provider', 'package.json'), 'utf8'),
    ) as {
      version: string;
    }
  ).version;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'interviewselect-bench-room-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  process.once('exit', removeDataDir);
  const database = useServer ? await chooseDatabase(settings) : null;
  const problems: string[] = [];
  const steps: StepResult[] = [];
  const maxSize = Math.max(...settings.sizes);
  const maxProbeRooms = Math.max(1, Math.min(settings.probeRooms, Math.floor(maxSize / 8)));
  const maxBulkRooms = Math.max(
    ...settings.sizes.map((s) =>
      Math.floor((s - 2 * Math.max(1, Math.min(settings.probeRooms, Math.floor(s / 8)))) / 2),
    ),
  );
  let rooms: BenchRoom[] | null = null;
  let setupS: number | null = null;
  const servers = [...settings.servers];

  try {
    if (useServer) {
      const setupStart = performance.now();
      progress(`setting up ${maxBulkRooms + maxProbeRooms} rooms on the server (${database ? 'postgres' : 'pglite'})…`);
      const { server, port } = await startTarget('server', { dataDir, databaseUrl: database?.url });
      let serverUnavailable: string | null;
      try {
        const base = `http://127.0.0.1:${port}`;
        const accounts = await signInDemoAccounts(base, dataDir);
        rooms = await createRooms(
          base,
          accounts,
          settings.candidate,
          maxBulkRooms + maxProbeRooms,
          settings.setupConcurrency,
          (done) => progress(`  ${done} rooms…`),
        );
        setupS = (performance.now() - setupStart) / 1000;
        progress(`  ${rooms.length} rooms in ${setupS.toFixed(1)} s`);
        serverUnavailable = await checkRoomSocket(port, rooms[maxBulkRooms] as BenchRoom, providerVersion);
      } finally {
        await server.stop();
      }
      if (serverUnavailable) {
        problems.push(
          `the server's room socket (${ROOM_WS_PATH}) is not usable: ${serverUnavailable}; measured the baseline only`,
        );
        progress(`PROBLEM: ${problems.at(-1)}`);
        servers.splice(servers.indexOf('server'), 1);
      }
    }

    for (const size of settings.sizes) {
      for (const kind of servers) {
        try {
          steps.push(
            await runStep(
              settings,
              kind,
              size,
              { dataDir, databaseUrl: database?.url, databaseName: database?.name ?? null, rooms, maxBulkRooms },
              providerVersion,
            ),
          );
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          problems.push(`${kind} @ ${size}: ${message}`);
          progress(`PROBLEM: ${kind} @ ${size}: ${message}`);
        }
      }
    }
  } finally {
    await stopAll();
    await database?.drop().catch((error: unknown) => progress(`could not drop ${database.name}: ${String(error)}`));
    removeDataDir();
  }

  for (const s of steps) {
    const e = s.errors;
    const label = `${s.server} @ ${s.connections}`;
    if (e.connectFailed) problems.push(`${label}: ${e.connectFailed} connections failed (${e.samples[0] ?? ''})`);
    if (e.droppedInWindow) problems.push(`${label}: ${e.droppedInWindow} connections dropped while measured`);
    if (e.refusedUpdates) problems.push(`${label}: ${e.refusedUpdates} updates refused (not saved)`);
    if (e.unackedAfterDrain)
      problems.push(`${label}: ${e.unackedAfterDrain} updates unacknowledged 5 s after typing stopped`);
    if (s.latencyMs.count === 0) problems.push(`${label}: the probe measured no edit`);
  }

  const stepJson = steps.map((s) => {
    const b = s.server === 'server' ? steps.find((x) => x.server === 'baseline' && x.size === s.size) : undefined;
    return {
      size: s.size,
      connections: s.connections,
      server: s.server,
      rooms: s.rooms,
      generators: s.generators,
      connect: {
        rampS: r2(s.connect.rampS, 1),
        ok: s.connect.ok,
        failed: s.connect.failed,
        ms: summaryJson(s.connect.ms),
      },
      latencyMs: summaryJson(s.latencyMs),
      unappliedEdits: s.unapplied,
      ackMs: summaryJson(s.ackMs),
      httpPingMs: summaryJson(s.httpPingMs),
      ackBacklogAtEnd: s.ackBacklog,
      process: {
        readyMs: s.serverProcess.readyMs,
        cpuPercent: r2(s.serverProcess.cpuPercent, 1),
        cpuMicrosPerSecondPerConnection: r2(s.serverProcess.cpuMicrosPerConnection, 1),
        cpuMsPer1000Edits: r2(s.cpuMsPer1000Edits, 0),
        postgresCpuPercent: r2(s.serverProcess.postgresCpuPercent, 1),
        idleRssMiB: r2(s.serverProcess.idleRssMiB, 1),
        rssMiB: r2(s.serverProcess.rssMiB, 1),
        peakRssMiB: r2(s.serverProcess.peakRssMiB, 1),
        rssKiBPerConnection: r2(s.serverProcess.rssKiBPerConnection, 1),
      },
      machineBusyPercent: r2(s.machineBusyPercent, 1),
      loadAverage1m: r2(s.loadAverage1m, 2),
      traffic: Object.fromEntries(Object.entries(s.traffic).map(([k, v]) => [k, r2(v, 0)])),
      clients: s.clients.map((c) => ({
        name: c.name,
        cpuPercent: r2(c.cpuPercent, 1),
        loopDelayP99Ms: r2(c.loopDelayP99Ms, 1),
        loopDelayMaxMs: r2(c.loopDelayMaxMs, 1),
        loopUtilization: r2(c.loopUtilization, 2),
      })),
      errors: s.errors,
      vsBaseline: b
        ? {
            latencyP50: r2(ratio(s.latencyMs.median, b.latencyMs.median), 2),
            latencyP99: r2(ratio(s.latencyMs.p99, b.latencyMs.p99), 2),
            cpu: r2(ratio(s.serverProcess.cpuPercent ?? NaN, b.serverProcess.cpuPercent ?? NaN), 2),
            cpuPerEdit: r2(ratio(s.cpuMsPer1000Edits ?? NaN, b.cpuMsPer1000Edits ?? NaN), 2),
            rssPerConnection: r2(
              ratio(s.serverProcess.rssKiBPerConnection ?? NaN, b.serverProcess.rssKiBPerConnection ?? NaN),
              2,
            ),
            connectP50: r2(ratio(s.connect.ms.median, b.connect.ms.median), 2),
          }
        : null,
    };
  });

  const targetStep = steps.find((s) => s.server === 'server' && s.size === TARGET.connections);
  const target = {
    connections: TARGET.connections,
    p99Ms: TARGET.p99Ms,
    measuredP99Ms: targetStep ? r2(targetStep.latencyMs.p99, 2) : null,
    met: targetStep ? targetStep.latencyMs.p99 < TARGET.p99Ms && targetStep.errors.connectFailed === 0 : null,
  };

  const result = {
    benchmark: NAME,
    schemaVersion: 1,
    machine,
    finishedAt: new Date().toISOString(),
    loadAverageAtEnd: os.loadavg().map((n) => round(n)),
    settings: {
      sizes: settings.sizes,
      servers: settings.servers,
      warmupS: settings.warmupS,
      measureS: settings.measureS,
      charsPerSecond: settings.charsPerSecond,
      awarenessEveryKeystrokes: settings.awarenessEvery,
      backspaceRatio: settings.backspaceRatio,
      typingDuty: settings.duty,
      probeRooms: settings.probeRooms,
      generators: settings.generators ?? 'auto (1 up to 1,000 connections, else 2)',
      batch: settings.batch,
      privateDoc: settings.privateDoc,
      database: useServer ? (database ? 'postgres' : 'pglite') : null,
      serverEntry: path.relative(repoRoot, SERVER_ENTRY),
      serverBuild: build,
      baselineEntry: path.relative(repoRoot, BASELINE_ENTRY),
      baselineLoader: BASELINE_LOADER,
      providerVersion,
      candidate: settings.candidate,
      roomsCreated: rooms?.length ?? 0,
      setupS: r2(setupS, 1),
    },
    target,
    steps: stepJson,
    problems,
  };
  const file = writeResult(NAME, result);

  const times = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${fmt(v, 2)}×`);
  const lines = [
    '',
    `room benchmark: ${settings.charsPerSecond} chars/s per typing client` +
      (settings.duty < 1 ? ` for ${Math.round(settings.duty * 100)} % of the time` : '') +
      `, cursor every ${settings.awarenessEvery} keystrokes, ` +
      `${settings.warmupS} s warm-up + ${settings.measureS} s measured per step; server database ${result.settings.database ?? '–'}`,
    `${machine.cpuModel}, ${machine.cores} cores; Node ${machine.nodeVersion}; commit ${machine.gitCommit?.slice(0, 12) ?? 'none'}`,
    '',
    table(
      [
        { header: 'conns' },
        { header: 'server', align: 'left' },
        { header: 'p50 ms' },
        { header: 'p99 ms' },
        { header: 'ack p50' },
        { header: 'ack p99' },
        { header: 'CPU %' },
        { header: 'CPU ms/1k edits' },
        { header: 'pg CPU %' },
        { header: 'RSS MiB' },
        { header: 'KiB/conn' },
        { header: 'connect p50/p99 ms' },
        { header: 'p99 vs base' },
        { header: 'CPU/edit vs base' },
        { header: 'mem vs base' },
        { header: 'errors' },
      ],
      stepJson.map((s) => [
        fmt(s.connections),
        s.server,
        fmt(s.latencyMs?.p50, 2),
        fmt(s.latencyMs?.p99, 2),
        fmt(s.ackMs?.p50, 1),
        fmt(s.ackMs?.p99, 1),
        fmt(s.process.cpuPercent, 0),
        fmt(s.process.cpuMsPer1000Edits, 0),
        fmt(s.process.postgresCpuPercent, 0),
        fmt(s.process.rssMiB, 0),
        fmt(s.process.rssKiBPerConnection, 1),
        `${fmt(s.connect.ms?.p50, 1)} / ${fmt(s.connect.ms?.p99, 1)}`,
        times(s.vsBaseline?.latencyP99),
        times(s.vsBaseline?.cpuPerEdit),
        times(s.vsBaseline?.rssPerConnection),
        fmt(s.errors.connectFailed + s.errors.droppedInWindow + s.errors.refusedUpdates + s.errors.unackedAfterDrain),
      ]),
    ),
    '',
    table(
      [
        { header: 'conns' },
        { header: 'server', align: 'left' },
        { header: 'edits/s (planned)' },
        { header: 'cursor/s' },
        { header: 'frames in/s' },
        { header: 'ack backlog' },
        { header: 'probe edits unapplied' },
        { header: 'HTTP ping p50/p99 ms' },
        { header: 'ramp s' },
        { header: 'machine busy %' },
        { header: 'generators CPU % / loop p99 ms' },
        { header: 'probe loop p99 ms' },
      ],
      stepJson.map((s) => {
        const gens = s.clients.filter((c) => c.name !== 'probe');
        const probe = s.clients.find((c) => c.name === 'probe');
        return [
          fmt(s.connections),
          s.server,
          `${fmt(s.traffic.editsPerS)} (${fmt(s.traffic.plannedEditsPerS)})`,
          fmt(s.traffic.awarenessPerS),
          fmt(s.traffic.framesInPerS),
          s.server === 'server' ? fmt(s.ackBacklogAtEnd) : '–',
          fmt(s.unappliedEdits),
          `${fmt(s.httpPingMs?.p50, 1)} / ${fmt(s.httpPingMs?.p99, 1)}`,
          fmt(s.connect.rampS, 1),
          fmt(s.machineBusyPercent, 0),
          gens.map((g) => `${fmt(g.cpuPercent, 0)} / ${fmt(g.loopDelayP99Ms, 0)}`).join(', '),
          fmt(probe?.loopDelayP99Ms, 1),
        ];
      }),
    ),
    '',
    'Latency: keystroke → applied by the other client of the room, read by the probe process (one clock).',
    'ack: update sent → the server acknowledged it (our server holds that until the edit log committed the update).',
    'CPU % is of one core; CPU ms/1k edits = server CPU time / edits typed; KiB/conn = (RSS under load − RSS idle) / connections.',
    '"vs base" = server / baseline at the same size. ack backlog = edits still unacknowledged at the end of the window.',
    target.met === null
      ? `Target (${fmt(TARGET.connections)} connections, p99 < ${TARGET.p99Ms} ms): not measured in this run.`
      : `Target (${fmt(TARGET.connections)} connections, p99 < ${TARGET.p99Ms} ms): ${target.met ? 'MET' : 'NOT MET'} (p99 ${fmt(target.measuredP99Ms, 1)} ms).`,
    ...problems.map((p) => `PROBLEM: ${p}`),
    `Results: ${displayPath(file)}`,
  ];
  print(lines.join('\n'));
  return problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nSee bench/README.md for the settings.\n`);
      process.exit(2);
    }
    process.stderr.write(
      `room benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    void stopAll().finally(() => process.exit(1));
  },
);
