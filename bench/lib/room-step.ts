/**
 * One measured step of the `room` benchmark: one server at one connection
 * count. Starts the server, connects the generators' bulk rooms and the
 * probe's rooms, types through a warm-up and a measured window while sampling
 * the server's CPU and memory, then collects the workers' reports and drains.
 */
import os from 'node:os';
import { ROOM_WS_PATH } from '@interviewselect/contracts';
import { fmt, progress } from './report.js';
import type { RoomProtocol } from './room-client.js';
import { machineCpu, postgresBackendsCpu, postgresCpuDelta, processCpuSeconds } from './room-proc.js';
import type { ServerKind, Settings } from './room-settings.js';
import type { BenchRoom } from './room-setup.js';
import { startTarget } from './room-target.js';
import { Worker } from './room-worker-process.js';
import type { ConnectResult, DrainResult, RoomSpec, WorkerReport } from './room-worker.js';
import { median, summarize, type Summary } from './stats.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface StepResult {
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

export async function runStep(
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
