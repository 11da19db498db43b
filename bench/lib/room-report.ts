/**
 * What the `room` benchmark reports: the problems its steps show, the result
 * file (bench/results/room.json) and the two tables it prints.
 */
import os from 'node:os';
import path from 'node:path';
import type { machineInfo } from './machine-info.js';
import { repoRoot } from './paths.js';
import { fmt, print, table, writeResult } from './report.js';
import type { Settings } from './room-settings.js';
import type { StepResult } from './room-step.js';
import { BASELINE_ENTRY, BASELINE_LOADER, SERVER_ENTRY } from './room-target.js';
import { ratio, round, type Summary } from './stats.js';

const NAME = 'room';
const TARGET = { connections: 5000, p99Ms: 50 };

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

/** The problems the measured steps show (failed, dropped, refused or unacknowledged work; no samples). */
export function stepProblems(steps: StepResult[]): string[] {
  const problems: string[] = [];
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
  return problems;
}

export interface RoomBenchRun {
  settings: Settings;
  machine: ReturnType<typeof machineInfo>;
  steps: StepResult[];
  problems: string[];
  /** The server's database (null when only the baseline ran). */
  database: 'postgres' | 'pglite' | null;
  build: 'up-to-date' | 'built' | null;
  providerVersion: string;
  roomsCreated: number;
  setupS: number | null;
}

/** Writes bench/results/room.json and prints the tables. */
export function reportRoomBench(run: RoomBenchRun): void {
  const { settings, machine, steps, problems, build, providerVersion } = run;
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
      database: run.database,
      serverEntry: path.relative(repoRoot, SERVER_ENTRY),
      serverBuild: build,
      baselineEntry: path.relative(repoRoot, BASELINE_ENTRY),
      baselineLoader: BASELINE_LOADER,
      providerVersion,
      candidate: settings.candidate,
      roomsCreated: run.roomsCreated,
      setupS: r2(run.setupS, 1),
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
}
