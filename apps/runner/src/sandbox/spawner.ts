/**
 * Starts sandbox helpers through a small long-lived child process (see
 * spawner-process.ts for why) and relays their output over IPC. If the
 * spawner dies, its in-flight runs fail (the engine reports Internal Error),
 * its warm sandboxes end, and the next run starts a new one.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { HelperExit, HelperLauncher, HelperSink } from './sandbox.js';
import { WarmSandboxGone, type WarmSandbox } from './warm-sandbox.js';

export type SpawnerRequest =
  | { type: 'run'; id: number; args: string[]; stdin: string | Buffer | undefined; killAfterMs: number }
  | { type: 'warm'; id: number; args: string[] }
  | { type: 'start'; id: number; payload: Uint8Array; killAfterMs: number }
  | { type: 'discard'; id: number };

export type SpawnerReply =
  | { type: 'ready'; id: number }
  | { type: 'stdout'; id: number; data: Uint8Array }
  | { type: 'stderr'; id: number; data: Uint8Array }
  | { type: 'exit'; id: number; exitCode: number | null; result: string }
  | { type: 'error'; id: number; message: string };

interface Pending {
  sink: HelperSink;
  resolve(exit: HelperExit): void;
  reject(error: Error): void;
  onReady?: () => void;
}

export interface Spawner {
  launch: HelperLauncher;
  /** Starts a warm sandbox from the helper's argv (warmHelperArgs). */
  warm(args: string[]): WarmSandbox;
  close(): void;
}

const DROP: HelperSink = { onStdout: () => undefined, onStderr: () => undefined };

/** The spawner entry: the .js next to this file in production, the .ts under tests (run through tsx). */
function entry(): { file: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  return {
    file: path.join(import.meta.dirname, fromSource ? 'spawner-process.ts' : 'spawner-process.js'),
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  };
}

export function createSpawner(): Spawner {
  let child: ChildProcess | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  /** Runs in flight (cold or handed over): only these keep the engine's process alive. */
  const busy = new Set<number>();

  function failAll(reason: string): void {
    for (const p of pending.values()) p.reject(new Error(reason));
    pending.clear();
    busy.clear();
  }

  /** Keeps the IPC channel referenced only while runs are in flight. */
  function holdWhileBusy(): void {
    if (busy.size > 0) child?.channel?.ref();
    else child?.channel?.unref();
  }

  function ensure(): ChildProcess {
    if (child && child.connected) return child;
    const { file, execArgv } = entry();
    const started = fork(file, [], {
      execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: {},
    });
    started.on('message', (message: SpawnerReply) => {
      const p = pending.get(message.id);
      if (!p) return;
      if (message.type === 'ready') p.onReady?.();
      else if (message.type === 'stdout') p.sink.onStdout(Buffer.from(message.data));
      else if (message.type === 'stderr') p.sink.onStderr(Buffer.from(message.data));
      else {
        pending.delete(message.id);
        holdWhileBusy();
        if (message.type === 'exit') p.resolve({ exitCode: message.exitCode, result: message.result });
        else p.reject(new Error(`sandbox spawner: ${message.message}`));
      }
    });
    started.on('exit', (code, signal) => {
      if (child === started) child = null;
      failAll(`the sandbox spawner exited (${signal ?? code})`);
    });
    // The engine's process should not stay alive just for an idle spawner (see holdWhileBusy).
    started.unref();
    started.channel?.unref();
    child = started;
    return started;
  }

  function send(target: ChildProcess, request: SpawnerRequest): void {
    target.send(request, (error) => {
      if (!error) return;
      const p = pending.get(request.id);
      pending.delete(request.id);
      holdWhileBusy();
      p?.reject(error);
    });
  }

  /** A warm sandbox: its pending entry lives until the helper exits; output is dropped until the hand-over. */
  function warm(args: string[]): WarmSandbox {
    const target = ensure();
    const id = nextId++;
    let state: 'starting' | 'ready' | 'started' | 'gone' = 'starting';
    const entry: Pending = { sink: DROP, resolve: () => undefined, reject: () => undefined };
    const exit = new Promise<HelperExit>((resolve, reject) => {
      entry.resolve = resolve;
      entry.reject = reject;
    }).finally(() => (state = 'gone'));
    exit.catch(() => undefined); // an unused sandbox's end is nobody's error
    // Making one is work in flight (it holds the channel, so awaiting `ready` works anywhere);
    // a waiting one is not: idle warm sandboxes never keep the engine's process alive.
    const settled = () => {
      busy.delete(id);
      holdWhileBusy();
    };
    const ready = new Promise<void>((resolve, reject) => {
      entry.onReady = () => {
        if (state === 'starting') state = 'ready';
        settled();
        resolve();
      };
      exit.then(
        () => reject(new WarmSandboxGone('the warm sandbox ended before it was ready')),
        (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
      );
    });
    ready.catch(() => undefined);
    exit.then(settled, settled);
    pending.set(id, entry);
    busy.add(id);
    holdWhileBusy();
    send(target, { type: 'warm', id, args });
    return {
      ready,
      ended: exit.then(
        () => undefined,
        () => undefined,
      ),
      isReady: () => state === 'ready',
      isGone: () => state === 'gone',
      start(payload, sink, killAfterMs) {
        if (state !== 'ready' || !child?.connected)
          return Promise.reject(new WarmSandboxGone('the warm sandbox is not ready'));
        state = 'started';
        entry.sink = sink;
        busy.add(id);
        holdWhileBusy();
        send(child, { type: 'start', id, payload, killAfterMs });
        return exit.finally(() => {
          busy.delete(id);
          holdWhileBusy();
        });
      },
      discard() {
        if (state === 'starting' || state === 'ready') {
          state = 'gone';
          if (!child?.connected) return;
          // Until its helper exits, so that awaiting `ended` (the engine's close) works anywhere.
          busy.add(id);
          holdWhileBusy();
          send(child, { type: 'discard', id });
        }
      },
    };
  }

  return {
    warm,
    launch(args, stdin, sink, killAfterMs) {
      const target = ensure();
      const id = nextId++;
      return new Promise<HelperExit>((resolve, reject) => {
        pending.set(id, { sink, resolve, reject });
        busy.add(id);
        holdWhileBusy();
        send(target, { type: 'run', id, args, stdin, killAfterMs });
      }).finally(() => {
        busy.delete(id);
        holdWhileBusy();
      });
    },
    close() {
      const current = child;
      child = null;
      failAll('the engine closed');
      if (current?.connected) current.disconnect();
      current?.kill();
    },
  };
}
