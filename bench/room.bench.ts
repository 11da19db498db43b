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
 *
 * This file is the run's order; the parts are in bench/lib/room-*.ts: settings,
 * target (servers), database, setup (rooms), step (one measured step), report.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machineInfo } from './lib/machine-info.js';
import { repoRoot } from './lib/paths.js';
import { progress } from './lib/report.js';
import { chooseDatabase } from './lib/room-database.js';
import { reportRoomBench, stepProblems } from './lib/room-report.js';
import { readSettings, UsageError, type Settings } from './lib/room-settings.js';
import { setUpServerRooms, type BenchRoom } from './lib/room-setup.js';
import { runStep, type StepResult } from './lib/room-step.js';
import { ensureServerBuilt } from './lib/room-target.js';
import { stopAll } from './lib/server-process.js';

/** Probe rooms at one size (8 by default, fewer at small sizes) and the bulk rooms of the rest. */
function roomsAt(settings: Settings, size: number): { bulk: number; probe: number } {
  const probe = Math.max(1, Math.min(settings.probeRooms, Math.floor(size / 8)));
  return { bulk: Math.floor((size - 2 * probe) / 2), probe };
}

function readProviderVersion(): string {
  const file = path.join(repoRoot, 'node_modules', '@hocuspocus', 'provider', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

async function main(): Promise<number> {
  const settings = readSettings();
  const machine = machineInfo();
  const useServer = settings.servers.includes('server');
  const build = useServer ? await ensureServerBuilt() : null;
  const providerVersion = readProviderVersion();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'interviewselect-bench-room-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  process.once('exit', removeDataDir);
  const database = useServer ? await chooseDatabase(settings) : null;
  const problems: string[] = [];
  const steps: StepResult[] = [];
  const maxProbeRooms = roomsAt(settings, Math.max(...settings.sizes)).probe;
  const maxBulkRooms = Math.max(...settings.sizes.map((s) => roomsAt(settings, s).bulk));
  let rooms: BenchRoom[] | null = null;
  let setupS: number | null = null;
  const servers = [...settings.servers];

  try {
    if (useServer) {
      const setup = await setUpServerRooms(
        settings,
        { dataDir, databaseUrl: database?.url, database: database ? 'postgres' : 'pglite' },
        { bulk: maxBulkRooms, probe: maxProbeRooms },
        providerVersion,
      );
      ({ rooms, setupS } = setup);
      if (setup.problem) {
        problems.push(setup.problem);
        progress(`PROBLEM: ${setup.problem}`);
        servers.splice(servers.indexOf('server'), 1);
      }
    }

    const ctx = { dataDir, databaseUrl: database?.url, databaseName: database?.name ?? null, rooms, maxBulkRooms };
    for (const size of settings.sizes) {
      for (const kind of servers) {
        try {
          steps.push(await runStep(settings, kind, size, ctx, providerVersion));
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

  problems.push(...stepProblems(steps));
  reportRoomBench({
    settings,
    machine,
    steps,
    problems,
    database: useServer ? (database ? 'postgres' : 'pglite') : null,
    build,
    providerVersion,
    roomsCreated: rooms?.length ?? 0,
    setupS,
  });
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
