/**
 * A generator or probe process of the `room` benchmark: bench/lib/room-worker.ts
 * forked under tsx, with request/answer over its IPC channel. Every such child
 * is killed when the benchmark exits.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths.js';
import type { WorkerCommand } from './room-worker.js';

const WORKER_ENTRY = path.join(repoRoot, 'bench', 'lib', 'room-worker.ts');

const workerChildren = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of workerChildren) child.kill('SIGKILL');
});

/** A forked room-worker.ts and request/answer over its IPC channel. */
export class Worker {
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
