import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';

/**
 * Servers under test run as child processes, so the load generator (this
 * process) and the server do not share an event loop or a heap. Every child
 * started here is stopped on stopAll(), on SIGINT/SIGTERM, and (forcibly) on exit.
 */

export interface ServerSpec {
  /** Short name used in messages and the report. */
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Polled with GET until it answers 200. */
  readyUrl: string;
  readyTimeoutMs?: number;
  /** How long to wait after SIGTERM before SIGKILL. */
  stopTimeoutMs?: number;
}

export interface MemoryUsage {
  /** Resident set size now (VmRSS), bytes. */
  rssBytes: number;
  /** Peak resident set size since start (VmHWM), bytes. */
  peakRssBytes: number;
}

export interface RunningServer {
  readonly name: string;
  readonly pid: number;
  /** Milliseconds from spawn until readyUrl answered 200. */
  readonly readyMs: number;
  /** Memory of the child from /proc/<pid>/status; null where /proc is unavailable. */
  memory(): MemoryUsage | null;
  /** SIGTERM, wait for exit (SIGKILL after the stop timeout). Resolves with the exit code or signal. */
  stop(): Promise<string>;
}

const live = new Set<RunningServer>();
const children = new Set<ChildProcess>();

/** A TCP port on 127.0.0.1 that was free a moment ago (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('could not read the probe port'))));
    });
  });
}

function readStatusBytes(field: string, status: string): number | null {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
  return match?.[1] ? Number(match[1]) * 1024 : null;
}

function memoryOf(pid: number): MemoryUsage | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const rss = readStatusBytes('VmRSS', status);
  const peak = readStatusBytes('VmHWM', status);
  return rss === null || peak === null ? null : { rssBytes: rss, peakRssBytes: peak };
}

/** Keeps the last `max` lines a stream wrote, for error messages. */
function tail(max: number) {
  const lines: string[] = [];
  return {
    push(chunk: Buffer) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        lines.push(line);
        if (lines.length > max) lines.shift();
      }
    },
    text: () => lines.map((l) => `    ${l}`).join('\n'),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function exitDescription(child: ChildProcess): string {
  return child.signalCode ? `signal ${child.signalCode}` : `exit code ${child.exitCode}`;
}

/** Starts a child process and resolves once spec.readyUrl answers 200. */
export async function startServer(spec: ServerSpec): Promise<RunningServer> {
  installSignalHandlers();
  const started = performance.now();
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const output = tail(40);
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
  const exit = new Promise<string>((resolve) => {
    child.on('exit', () => {
      children.delete(child);
      resolve(exitDescription(child));
    });
  });
  const spawnError = new Promise<Error>((resolve) => child.on('error', resolve));

  const stopTimeoutMs = spec.stopTimeoutMs ?? 15_000;
  let stopping: Promise<string> | undefined;
  let readyMs = Number.NaN;
  const server: RunningServer = {
    name: spec.name,
    pid: child.pid ?? -1,
    get readyMs() {
      return readyMs;
    },
    memory: () => (child.pid && !exited(child) ? memoryOf(child.pid) : null),
    stop: () => {
      stopping ??= (async () => {
        if (!exited(child)) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
          await exit;
          clearTimeout(timer);
        }
        live.delete(server);
        return exitDescription(child);
      })();
      return stopping;
    },
  };
  live.add(server);

  const deadline = started + (spec.readyTimeoutMs ?? 120_000);
  let lastProblem: string;
  for (;;) {
    if (exited(child) || child.pid === undefined) {
      const reason = child.pid === undefined ? (await spawnError).message : exitDescription(child);
      await server.stop();
      throw new Error(`${spec.name} stopped before it was ready (${reason}). Its last output:\n${output.text()}`);
    }
    try {
      const res = await fetch(spec.readyUrl, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
      lastProblem = `HTTP ${res.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    if (performance.now() > deadline) {
      await server.stop();
      throw new Error(
        `${spec.name} was not ready at ${spec.readyUrl} within ${Math.round((deadline - started) / 1000)} s ` +
          `(last: ${lastProblem}). Its last output:\n${output.text()}`,
      );
    }
    await sleep(100);
  }
  readyMs = Math.round(performance.now() - started);
  return server;
}

/** Stops every server started here that is still running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((s) => s.stop()));
}

let handlersInstalled = false;
function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) {
      // A second Ctrl-C: do not wait for graceful shutdowns.
      for (const child of children) child.kill('SIGKILL');
      process.exit(130);
    }
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping ${live.size} server(s)…\n`);
    void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Last resort (uncaught exception, process.exit elsewhere): never leave a server behind.
  process.on('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
}
