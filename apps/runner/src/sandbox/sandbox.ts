/**
 * One sandboxed process: builds the strict bubblewrap argv and runs it under
 * the native helper (apps/runner/native/sandbox-run.c), which owns the
 * cgroup, rlimits, uid drop, seccomp, output budgets, wall clock and reaping.
 * Everything is passed as argv arrays; no shell is involved on the host.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SandboxOutcome } from '../judge/verdict.js';
import { RUNNER_ROOT } from '../package-root.js';

/** The helper binary built by apps/runner/native/build.sh. */
export const HELPER_PATH = path.join(RUNNER_ROOT, 'native/build/sandbox-run');
const SANDBOX_FILES = path.join(RUNNER_ROOT, 'sandbox-files');
export const BWRAP_PATH = '/usr/bin/bwrap';

export type CgroupVersion = 'v1' | 'v2';

/** A read-only bind of a host path (file or directory) at a sandbox path. */
export interface Bind {
  host: string;
  sandbox: string;
}

/** Limits of one sandboxed process. */
export interface SandboxLimits {
  cpuMs: number;
  wallMs: number;
  memoryBytes: number;
  pids: number;
  fileSizeBytes: number;
  openFiles: number;
  stackBytes: number;
  stdoutBytes: number;
  stderrBytes: number;
  /** Size of each of the writable tmpfs mounts (/tmp and /box). */
  tmpfsBytes: number;
  /** CPU bandwidth cap in percent of one core (interactive sessions); absent = none. */
  cpuQuotaPercent?: number;
}

export interface SandboxSpec {
  argv: string[];
  env: Record<string, string>;
  binds: Bind[];
  limits: SandboxLimits;
  stdin?: string | Buffer;
  /** Live output (already within the byte budgets). */
  onStdout?: (chunk: Buffer) => void;
  onStderr?: (chunk: Buffer) => void;
}

export interface SandboxRun {
  outcome: SandboxOutcome;
  stdout: Buffer;
  stderr: Buffer;
}

/** The unprivileged host uid/gid a slot runs as, and the cgroup settings. */
export interface SandboxHost {
  cgroup: CgroupVersion;
  cgroupParent: string;
  uid: number;
  gid: number;
}

/** Why this host cannot run sandboxes, or null when it can. Never falls back to running unsandboxed. */
export function sandboxUnavailableReason(): string | null {
  if (!existsSync(BWRAP_PATH))
    return 'bubblewrap is not installed: install the Debian package `bubblewrap` (apt-get install bubblewrap) — code never runs unsandboxed';
  try {
    accessSync(HELPER_PATH, constants.X_OK);
  } catch {
    return `the sandbox helper is not built: run \`sh apps/runner/native/build.sh\` (needs gcc and libseccomp-dev)`;
  }
  if (process.getuid?.() !== 0)
    return 'the runner must start as root to create cgroups and drop each run to its own unprivileged uid';
  return null;
}

/** Asks the helper which cgroup hierarchy this host offers. */
export async function probeCgroup(): Promise<CgroupVersion | 'none'> {
  const child = spawn(HELPER_PATH, ['--probe'], { stdio: ['ignore', 'pipe', 'inherit'], env: {} });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', () => resolve());
  });
  const value = out.trim();
  return value === 'v1' || value === 'v2' ? value : 'none';
}

const PROBE_SANDBOX_PATHS = ['/etc/alternatives', '/etc/ld.so.cache'];

/** The strict bubblewrap arguments of research/execution.md §4.1 with our binds. */
export function bwrapArgs(spec: Pick<SandboxSpec, 'argv' | 'env' | 'binds' | 'limits'>): string[] {
  const args = [
    BWRAP_PATH,
    '--unshare-all',
    '--unshare-user',
    '--disable-userns',
    '--die-with-parent',
    '--new-session',
    '--cap-drop',
    'ALL',
    '--uid',
    '65534',
    '--gid',
    '65534',
    '--hostname',
    'sandbox',
    '--clearenv',
  ];
  for (const [key, value] of Object.entries(spec.env)) args.push('--setenv', key, value);
  args.push('--ro-bind', '/usr', '/usr');
  for (const link of ['bin', 'lib', 'lib64', 'sbin']) args.push('--symlink', `usr/${link}`, `/${link}`);
  for (const p of PROBE_SANDBOX_PATHS) if (existsSync(p)) args.push('--ro-bind', p, p);
  args.push('--ro-bind', path.join(SANDBOX_FILES, 'passwd'), '/etc/passwd');
  args.push('--ro-bind', path.join(SANDBOX_FILES, 'group'), '/etc/group');
  args.push('--proc', '/proc', '--dev', '/dev');
  const size = String(spec.limits.tmpfsBytes);
  args.push('--size', size, '--tmpfs', '/tmp', '--size', size, '--tmpfs', '/box');
  for (const bind of spec.binds) args.push('--ro-bind', bind.host, bind.sandbox);
  // The sandbox's root is bwrap's own tmpfs: make it read-only so only /box and /tmp are writable.
  args.push('--remount-ro', '/', '--chdir', '/box', '--', ...spec.argv);
  return args;
}

/** The native helper's argv for one run (everything before `--` and the bwrap argv). */
export function helperArgs(host: SandboxHost, runId: string, limits: SandboxLimits): string[] {
  const quota = limits.cpuQuotaPercent ? ['--cpu-quota-percent', String(Math.round(limits.cpuQuotaPercent))] : [];
  return [
    ...quota,
    '--cgroup',
    host.cgroup,
    '--cgroup-parent',
    host.cgroupParent,
    '--run-id',
    runId,
    '--uid',
    String(host.uid),
    '--gid',
    String(host.gid),
    '--memory',
    String(limits.memoryBytes),
    '--pids',
    String(limits.pids),
    '--cpu-ms',
    String(Math.ceil(limits.cpuMs)),
    '--wall-ms',
    String(Math.ceil(limits.wallMs)),
    '--fsize',
    String(limits.fileSizeBytes),
    '--nofile',
    String(limits.openFiles),
    '--stack',
    String(limits.stackBytes),
    '--stdout-max',
    String(limits.stdoutBytes),
    '--stderr-max',
    String(limits.stderrBytes),
  ];
}

/** The outcome in the helper's last JSON line, or an internal outcome when there is none. */
export function parseOutcome(line: string, helperExit: number | null, stderr: string): SandboxOutcome {
  try {
    const parsed = JSON.parse(line) as Partial<SandboxOutcome> & { error?: string };
    if (typeof parsed.status === 'string') {
      return {
        status: parsed.status,
        limit: parsed.limit ?? null,
        exitCode: parsed.exitCode ?? -1,
        cpuMs: parsed.cpuMs ?? 0,
        wallMs: parsed.wallMs ?? 0,
        memoryBytes: parsed.memoryBytes ?? 0,
        oomKills: parsed.oomKills ?? 0,
        pidsLimitHits: parsed.pidsLimitHits ?? 0,
        stdoutBytes: parsed.stdoutBytes ?? 0,
        stderrBytes: parsed.stderrBytes ?? 0,
        ...(parsed.error ? { error: parsed.error } : {}),
      };
    }
  } catch {
    // fall through to the internal outcome
  }
  return {
    status: 'internal',
    limit: null,
    exitCode: -1,
    cpuMs: 0,
    wallMs: 0,
    memoryBytes: 0,
    oomKills: 0,
    pidsLimitHits: 0,
    stdoutBytes: 0,
    stderrBytes: 0,
    error: `sandbox helper exited ${helperExit ?? 'by signal'} without a result: ${stderr.slice(0, 300)}`,
  };
}

/** Where a helper's output goes while it runs. */
export interface HelperSink {
  onStdout(chunk: Buffer): void;
  onStderr(chunk: Buffer): void;
}

export interface HelperExit {
  exitCode: number | null;
  /** The helper's JSON result line(s) from fd 3. */
  result: string;
}

/**
 * Starts the native helper with an argv array and feeds it stdin; resolves when
 * it has exited and every pipe is drained. `killAfterMs` is only a backstop for
 * a wedged helper: the helper enforces the run's own wall clock.
 */
export function launchHelper(
  args: string[],
  stdin: string | Buffer | undefined,
  sink: HelperSink,
  killAfterMs: number,
): Promise<HelperExit> {
  const child = spawn(HELPER_PATH, args, { stdio: ['pipe', 'pipe', 'pipe', 'pipe'], env: {} });
  let result = '';
  child.stdout.on('data', (chunk: Buffer) => sink.onStdout(chunk));
  child.stderr.on('data', (chunk: Buffer) => sink.onStderr(chunk));
  const resultPipe = child.stdio[3];
  if (!resultPipe || !('on' in resultPipe)) throw new Error('sandbox helper result pipe missing');
  resultPipe.on('data', (chunk: Buffer) => (result += chunk.toString('utf8')));
  // A program that never reads its stdin closes the pipe early: that is not an error.
  child.stdin.on('error', () => undefined);
  if (stdin !== undefined && stdin.length > 0) child.stdin.end(stdin);
  else child.stdin.end();
  const watchdog = setTimeout(() => child.kill('SIGTERM'), killAfterMs);
  return new Promise<HelperExit>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ exitCode: code, result }));
  }).finally(() => clearTimeout(watchdog));
}

/** Something that can launch the helper: in this process, or through a small spawner process. */
export type HelperLauncher = typeof launchHelper;

/**
 * Runs one process in a fresh sandbox and resolves with its outcome; rejects only if the
 * helper cannot start. `launcher` defaults to spawning from this process.
 */
export async function runInSandbox(
  host: SandboxHost,
  spec: SandboxSpec,
  launcher: HelperLauncher = launchHelper,
): Promise<SandboxRun> {
  const runId = `run-${randomBytes(8).toString('hex')}`;
  const args = [...helperArgs(host, runId, spec.limits), '--', ...bwrapArgs(spec)];
  const collected = collectRun(spec);
  return collected.finish(await launcher(args, spec.stdin, collected.sink, spec.limits.wallMs + 10_000));
}

/** A sink that keeps a run's output and forwards it live; `finish` makes the run of the helper's exit. */
export function collectRun(spec: Pick<SandboxSpec, 'onStdout' | 'onStderr'>): {
  sink: HelperSink;
  finish(exit: HelperExit): SandboxRun;
} {
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  return {
    sink: {
      onStdout: (chunk) => {
        stdout.push(chunk);
        spec.onStdout?.(chunk);
      },
      onStderr: (chunk) => {
        stderr.push(chunk);
        spec.onStderr?.(chunk);
      },
    },
    finish(exit) {
      const errText = Buffer.concat(stderr).toString('utf8');
      const outcome = parseOutcome(exit.result.trim().split('\n').pop() ?? '', exit.exitCode, errText);
      return { outcome, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) };
    },
  };
}
