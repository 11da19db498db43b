/**
 * Warm sandboxes (ADR 0021): a sandbox made ahead of demand whose program is
 * the static stub apps/runner/native/warm-stub.c, waiting for one run. The
 * hand-over message (files, argv, env) and the run's stdin go down the
 * helper's stdin; the helper starts the clocks at the first byte, the stub
 * writes the files into the fresh /box and execs the program. One sandbox
 * serves exactly one run; then the helper kills and removes it as for any run.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { RUNNER_ROOT } from '../package-root.js';
import {
  bwrapArgs,
  collectRun,
  helperArgs,
  HELPER_PATH,
  type Bind,
  type HelperExit,
  type HelperSink,
  type SandboxHost,
  type SandboxLimits,
  type SandboxRun,
  type SandboxSpec,
} from './sandbox.js';

/** The stub binary built by apps/runner/native/build.sh, and where it is bound read-only in the sandbox. */
export const STUB_PATH = path.join(RUNNER_ROOT, 'native/build/warm-stub');
const STUB_SANDBOX_PATH = '/opt/isel/warm-stub';

/** Caps the stub enforces too (warm-stub.c): the host refuses earlier, with a reason. */
export const HAND_OVER_LIMITS = { files: 64, nameBytes: 128, fileBytes: 16 * 1024 * 1024, args: 256, env: 64 };

/** One file for /box: a plain name (no '/'), its mode and bytes. */
export interface HandOverFile {
  name: string;
  mode: number;
  data: Buffer;
}

export interface HandOver {
  files: HandOverFile[];
  argv: string[];
  env: Record<string, string>;
}

const SAFE_FILE_NAME = /^[\x21-\x2e\x30-\x7e]{1,128}$/;

/** True for a name the stub accepts: printable ASCII without '/', not "." or "..". */
export function isHandOverName(name: string): boolean {
  return SAFE_FILE_NAME.test(name) && name !== '.' && name !== '..';
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function lengthPrefixed(text: string): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  return [u32(bytes.length), bytes];
}

/**
 * The stub's hand-over message (format in warm-stub.c). Not validated here on purpose: the
 * engine checks names before choosing the warm path (isHandOverName) and the stub validates
 * everything again, which the attack tests exercise with messages this function would refuse.
 */
export function encodeHandOver(handOver: HandOver): Buffer {
  const parts: Buffer[] = [Buffer.from('ISW1'), u32(handOver.files.length)];
  for (const file of handOver.files) {
    const name = Buffer.from(file.name, 'utf8');
    parts.push(u16(name.length), name, u32(file.mode), u32(file.data.length), file.data);
  }
  parts.push(u32(handOver.argv.length));
  for (const arg of handOver.argv) parts.push(...lengthPrefixed(arg));
  const env = Object.entries(handOver.env);
  parts.push(u32(env.length));
  for (const [key, value] of env) parts.push(...lengthPrefixed(`${key}=${value}`));
  return Buffer.concat(parts);
}

/** The helper's argv for a warm sandbox with these limits and read-only binds (the program comes later). */
export function warmHelperArgs(host: SandboxHost, runId: string, limits: SandboxLimits, binds: Bind[]): string[] {
  const budget = Math.min(HAND_OVER_LIMITS.fileBytes, limits.tmpfsBytes, limits.fileSizeBytes);
  const bwrap = bwrapArgs({
    argv: [STUB_SANDBOX_PATH, String(budget)],
    env: {},
    binds: [...binds, { host: STUB_PATH, sandbox: STUB_SANDBOX_PATH }],
    limits,
  });
  return [...helperArgs(host, runId, limits), '--warm', '--', ...bwrap];
}

/** A warm helper process as the spawner process holds it. */
export interface WarmHelper {
  /** Hands the run over (message + stdin); the backstop kill starts now. */
  start(payload: Buffer, killAfterMs: number): void;
  /** Ends an unused sandbox (EOF before any byte: the helper kills and removes it). */
  discard(): void;
  exit: Promise<HelperExit>;
}

/** Starts a helper in warm mode; onReady fires once the stub waits for its run. */
export function launchWarmHelper(args: string[], sink: HelperSink, onReady: () => void): WarmHelper {
  const child = spawn(HELPER_PATH, args, { stdio: ['pipe', 'pipe', 'pipe', 'pipe'], env: {} });
  let result = '';
  let ready = false;
  let watchdog: NodeJS.Timeout | undefined;
  child.stdout.on('data', (chunk: Buffer) => sink.onStdout(chunk));
  child.stderr.on('data', (chunk: Buffer) => sink.onStderr(chunk));
  const resultPipe = child.stdio[3];
  if (!resultPipe || !('on' in resultPipe)) throw new Error('sandbox helper result pipe missing');
  resultPipe.on('data', (chunk: Buffer) => {
    result += chunk.toString('utf8');
    if (!ready && result.startsWith('{"ready":true}\n')) {
      ready = true;
      onReady();
    }
  });
  // A program that never reads its stdin closes the pipe early: that is not an error.
  child.stdin.on('error', () => undefined);
  const exit = new Promise<HelperExit>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ exitCode: code, result }));
  }).finally(() => clearTimeout(watchdog));
  return {
    start(payload, killAfterMs) {
      child.stdin.end(payload);
      watchdog = setTimeout(() => child.kill('SIGTERM'), killAfterMs);
    },
    discard() {
      child.stdin.end();
    },
    exit,
  };
}

/** A warm sandbox as the engine sees it (through the spawner). */
export interface WarmSandbox {
  isReady(): boolean;
  /** True once the helper exited (used or not). */
  isGone(): boolean;
  /** Resolves when the stub waits; rejects if the sandbox ended first. */
  readonly ready: Promise<void>;
  /** Resolves once the helper exited (its cgroup removed), used or not. */
  readonly ended: Promise<void>;
  /** Hands the run over; rejects with WarmSandboxGone if it ended before. */
  start(payload: Buffer, sink: HelperSink, killAfterMs: number): Promise<HelperExit>;
  discard(): void;
}

export class WarmSandboxGone extends Error {}

/** Runs one program in a ready warm sandbox; null when the sandbox was gone (the caller runs cold). */
export async function runInWarmSandbox(
  sandbox: WarmSandbox,
  handOver: HandOver,
  spec: Pick<SandboxSpec, 'limits' | 'stdin' | 'onStdout' | 'onStderr'>,
): Promise<SandboxRun | null> {
  const stdin = spec.stdin === undefined ? Buffer.alloc(0) : Buffer.from(spec.stdin);
  const collected = collectRun(spec);
  let exit: HelperExit;
  try {
    const payload = Buffer.concat([encodeHandOver(handOver), stdin]);
    exit = await sandbox.start(payload, collected.sink, spec.limits.wallMs + 10_000);
  } catch (error) {
    if (error instanceof WarmSandboxGone) return null;
    throw error;
  }
  const run = collected.finish(exit);
  // The helper reports these only when no byte was handed over: the program never ran, run it cold.
  const status: string = run.outcome.status;
  return status === 'discarded' || status === 'setup-failed' ? null : run;
}
