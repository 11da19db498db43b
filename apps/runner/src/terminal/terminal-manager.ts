/**
 * Interactive terminal sessions: a REPL (or a shell) on a pty created inside
 * the same bubblewrap sandbox and native helper as judged runs, with the
 * interactive limits of research/execution.md §6.2 — half a core, 512 MiB,
 * 128 processes, output capped at 1 MiB/s, idle timeout 5 min, absolute
 * 30 min. Each concurrent session has its own unprivileged host uid from a
 * range apart from the judge slots'.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import type { Readable, Writable } from 'node:stream';
import type { TerminalExitReason, TerminalLanguage } from '@interviewselect/contracts';
import { hostVersion } from '../languages/version.js';
import { CATALOGUE, DEFAULT_LIMITS } from '../languages/catalogue.js';
import {
  bwrapArgs,
  helperArgs,
  HELPER_PATH,
  probeCgroup,
  sandboxUnavailableReason,
  type CgroupVersion,
  type SandboxLimits,
} from '../sandbox/sandbox.js';
import { SandboxUnavailableError } from '../engine.js';
import { createOutputRate, RATE_LIMITED_NOTE } from './output-rate.js';
import { REPLS, replArgv, replInstalled } from './repls.js';

export interface TerminalManagerOptions {
  cgroup: CgroupVersion;
  /** cgroup directory for sessions (default isel-terminal). */
  cgroupParent?: string;
  /** First session uid/gid; session slot i runs as base + i (default 61000, apart from the judge slots' 60000+). */
  uidBase?: number;
  /** Concurrent sessions of this process (default 4). */
  maxSessions?: number;
  /** A session with no input and no output for this long ends (default 5 min). */
  idleMs?: number;
  /** Absolute session length (default 30 min). */
  maxMs?: number;
  /** Output forwarded per second before the rest is dropped (default 1 MiB). */
  outputBytesPerSecond?: number;
}

export interface TerminalExit {
  reason: TerminalExitReason;
  exitCode: number | null;
}

export interface TerminalHandlers {
  /** Terminal output (UTF-8 text with the pty's CR-LF line ends and escape sequences). */
  onData(chunk: string): void;
  /** Called once, after the sandbox is gone and its cgroup empty. */
  onExit(info: TerminalExit): void;
}

export interface TerminalSession {
  id: string;
  /** Keystrokes, written to the pty as is. */
  write(data: string): void;
  /** Ctrl-C through the pty: SIGINT to the foreground program. */
  interrupt(): void;
  /** Ends the session (SIGTERM to the helper, which kills the cgroup and reaps). */
  close(): void;
}

export interface TerminalManager {
  readonly maxSessions: number;
  /** Sessions open now. */
  readonly active: number;
  /** The languages with an interactive session on this host. */
  languages(): TerminalLanguage[];
  /** The toolchain version shown in the `ready` message; null if unknown. */
  version(language: TerminalLanguage): Promise<string | null>;
  /** Starts a session; throws TerminalLimitError when all sessions are taken. */
  open(language: TerminalLanguage, handlers: TerminalHandlers): TerminalSession;
  /** Closes every session and waits until they are gone. */
  closeAll(): Promise<void>;
}

/** Thrown by open() when the process already runs its maximum of sessions. */
export class TerminalLimitError extends Error {}

/** Thrown by open() for a language this host has no session for. */
export class TerminalLanguageError extends Error {}

const MIB = 1024 * 1024;

/** The interactive limits (research/execution.md §6.2). */
export function terminalLimits(maxMs: number): SandboxLimits {
  return {
    cpuMs: Math.ceil(maxMs / 2),
    // The helper's wall clock is a backstop a little past our own timer, which reports 'timeout'.
    wallMs: maxMs + 5_000,
    memoryBytes: 512 * MIB,
    pids: 128,
    fileSizeBytes: DEFAULT_LIMITS.fileSizeBytes,
    openFiles: 256,
    stackBytes: DEFAULT_LIMITS.stackBytes,
    stdoutBytes: 64 * MIB,
    stderrBytes: MIB,
    tmpfsBytes: 64 * MIB,
    cpuQuotaPercent: 50,
  };
}

type HelperProcess = ChildProcessByStdio<Writable, Readable, Readable>;

interface HelperResult {
  status?: string;
  limit?: string | null;
  exitCode?: number;
}

function parseResult(text: string): HelperResult {
  const line = text.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as HelperResult;
  } catch {
    return {};
  }
}

/** How the helper's own outcome maps onto the session's exit reason. */
function exitFromResult(result: HelperResult): TerminalExit {
  if (result.status === 'exited') return { reason: 'exit', exitCode: result.exitCode ?? null };
  if (result.status === 'timeout' && result.limit === 'wall') return { reason: 'timeout', exitCode: null };
  return { reason: 'limit', exitCode: null };
}

export function createTerminalManager(options: TerminalManagerOptions): TerminalManager {
  const uidBase = options.uidBase ?? 61_000;
  const maxSessions = options.maxSessions ?? 4;
  const idleMs = options.idleMs ?? 5 * 60_000;
  const maxMs = options.maxMs ?? 30 * 60_000;
  const bytesPerSecond = options.outputBytesPerSecond ?? MIB;
  const cgroupParent = options.cgroupParent ?? 'isel-terminal';
  const limits = terminalLimits(maxMs);
  const freeSlots = Array.from({ length: maxSessions }, (_, i) => maxSessions - 1 - i);
  const running = new Map<string, { close(): void; done: Promise<void> }>();
  const versions = new Map<TerminalLanguage, Promise<string | null>>();

  function open(language: TerminalLanguage, handlers: TerminalHandlers): TerminalSession {
    if (!replInstalled(language)) throw new TerminalLanguageError(`${language} is not installed on this server`);
    const slot = freeSlots.pop();
    if (slot === undefined) {
      throw new TerminalLimitError(
        `all ${maxSessions} interactive sessions of this server are in use; close one or try again later`,
      );
    }
    const id = `term-${randomBytes(8).toString('hex')}`;
    const repl = REPLS[language];
    const host = { cgroup: options.cgroup, cgroupParent, uid: uidBase + slot, gid: uidBase + slot };
    const args = [
      ...helperArgs(host, id, limits),
      '--',
      ...bwrapArgs({ argv: replArgv(language), env: repl.env, binds: repl.binds, limits }),
    ];
    const child = spawn(HELPER_PATH, args, { stdio: ['pipe', 'pipe', 'pipe', 'pipe'], env: {} }) as HelperProcess;

    let ownReason: TerminalExitReason | null = null;
    let ended = false;
    let result = '';
    const rate = createOutputRate({ bytesPerSecond });
    let dropping = false;
    const decoder = new StringDecoder('utf8');
    const errDecoder = new StringDecoder('utf8');

    function stop(reason: TerminalExitReason): void {
      if (ended || ownReason) return;
      ownReason = reason;
      child.kill('SIGTERM');
    }
    let idleTimer = setTimeout(() => stop('idle'), idleMs);
    const maxTimer = setTimeout(() => stop('timeout'), maxMs);
    function touch(): void {
      clearTimeout(idleTimer);
      if (!ended && !ownReason) idleTimer = setTimeout(() => stop('idle'), idleMs);
    }

    function forward(chunk: Buffer, dec: StringDecoder): void {
      touch();
      if (!rate.admit(chunk.length)) {
        if (!dropping) handlers.onData(RATE_LIMITED_NOTE);
        dropping = true;
        return;
      }
      dropping = false;
      const text = dec.write(chunk);
      if (text) handlers.onData(text);
    }
    child.stdout.on('data', (chunk: Buffer) => forward(chunk, decoder));
    child.stderr.on('data', (chunk: Buffer) => forward(chunk, errDecoder));
    const resultPipe = child.stdio[3];
    if (resultPipe && 'on' in resultPipe) resultPipe.on('data', (chunk: Buffer) => (result += chunk.toString('utf8')));
    // Writes after the program ended fail with EPIPE: the exit is reported by 'close'.
    child.stdin.on('error', () => undefined);

    const done = new Promise<void>((resolve) => {
      const finish = (exit: TerminalExit): void => {
        if (ended) return;
        ended = true;
        clearTimeout(idleTimer);
        clearTimeout(maxTimer);
        running.delete(id);
        freeSlots.push(slot);
        const tail = decoder.end() + errDecoder.end();
        if (tail) handlers.onData(tail);
        handlers.onExit(exit);
        resolve();
      };
      child.once('error', () => finish({ reason: ownReason ?? 'limit', exitCode: null }));
      child.once('close', () => {
        const exit = exitFromResult(parseResult(result));
        finish(ownReason ? { reason: ownReason, exitCode: exit.reason === 'exit' ? exit.exitCode : null } : exit);
      });
    });
    running.set(id, { close: () => stop('closed'), done });

    return {
      id,
      write(data) {
        if (ended || ownReason || data.length === 0) return;
        touch();
        child.stdin.write(data);
      },
      interrupt() {
        if (ended || ownReason) return;
        touch();
        child.stdin.write('\x03');
      },
      close() {
        stop('closed');
      },
    };
  }

  return {
    maxSessions,
    get active() {
      return running.size;
    },
    languages: () => (Object.keys(REPLS) as TerminalLanguage[]).filter((l) => replInstalled(l)),
    version(language) {
      let v = versions.get(language);
      if (!v) {
        v = hostVersion(CATALOGUE[language]);
        versions.set(language, v);
      }
      return v;
    },
    open,
    async closeAll() {
      const sessions = [...running.values()];
      for (const s of sessions) s.close();
      await Promise.all(sessions.map((s) => s.done));
    },
  };
}

/**
 * The terminal manager of this host after checking bubblewrap, the helper and
 * cgroups; throws SandboxUnavailableError otherwise (never runs unsandboxed).
 */
export async function startTerminalManager(
  options: Omit<TerminalManagerOptions, 'cgroup'> = {},
): Promise<TerminalManager> {
  const unavailable = sandboxUnavailableReason();
  if (unavailable) throw new SandboxUnavailableError(unavailable);
  const cgroup = await probeCgroup();
  if (cgroup === 'none') throw new SandboxUnavailableError('no usable cgroup hierarchy for interactive sessions');
  return createTerminalManager({ ...options, cgroup });
}
