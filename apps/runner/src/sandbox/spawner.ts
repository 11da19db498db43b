/**
 * Starts sandbox helpers through a small long-lived child process (see
 * spawner-process.ts for why) and relays their output over IPC. If the
 * spawner dies, its in-flight runs fail (the engine reports Internal Error)
 * and the next run starts a new one.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { HelperExit, HelperLauncher, HelperSink } from './sandbox.js';

export type SpawnerRequest = {
  type: 'run';
  id: number;
  args: string[];
  stdin: string | Buffer | undefined;
  killAfterMs: number;
};

export type SpawnerReply =
  | { type: 'stdout'; id: number; data: Uint8Array }
  | { type: 'stderr'; id: number; data: Uint8Array }
  | { type: 'exit'; id: number; exitCode: number | null; result: string }
  | { type: 'error'; id: number; message: string };

interface Pending {
  sink: HelperSink;
  resolve(exit: HelperExit): void;
  reject(error: Error): void;
}

export interface Spawner {
  launch: HelperLauncher;
  close(): void;
}

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

  function failAll(reason: string): void {
    for (const p of pending.values()) p.reject(new Error(reason));
    pending.clear();
  }

  /** Keeps the IPC channel referenced only while runs are in flight. */
  function holdWhileBusy(): void {
    if (pending.size > 0) child?.channel?.ref();
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
      if (message.type === 'stdout') p.sink.onStdout(Buffer.from(message.data));
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

  return {
    launch(args, stdin, sink, killAfterMs) {
      const target = ensure();
      const id = nextId++;
      return new Promise<HelperExit>((resolve, reject) => {
        pending.set(id, { sink, resolve, reject });
        holdWhileBusy();
        const request: SpawnerRequest = { type: 'run', id, args, stdin, killAfterMs };
        target.send(request, (error) => {
          if (!error) return;
          pending.delete(id);
          holdWhileBusy();
          reject(error);
        });
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
