/**
 * Interactive terminal sessions really run in the sandbox: a REPL on a pty,
 * Ctrl-C through the pty, the idle timeout, the session cap, no network, an
 * unprivileged host uid and nothing left behind after close.
 */
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalLanguage } from '@interviewselect/contracts';
import {
  startTerminalManager,
  TerminalLimitError,
  type TerminalExit,
  type TerminalManager,
  type TerminalSession,
} from './terminal/index.js';

const UID_BASE = 63_000;
const MAX_SESSIONS = 4;

/** Colour and cursor escape sequences, stripped from the collected output. */
// eslint-disable-next-line no-control-regex -- matching ESC is the point
const ANSI_ESCAPE = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** A session with its output collected and waiters for text and for the exit. */
interface OpenSession {
  session: TerminalSession;
  output(): string;
  /** Resolves once the output since `from` contains `text`. */
  waitFor(text: string, from?: number): Promise<void>;
  exited: Promise<TerminalExit>;
}

function openSession(manager: TerminalManager, language: TerminalLanguage): OpenSession {
  let out = '';
  const waiters: { text: string; from: number; resolve: () => void }[] = [];
  let resolveExit: (exit: TerminalExit) => void = () => undefined;
  const exited = new Promise<TerminalExit>((resolve) => (resolveExit = resolve));
  const check = (): void => {
    for (const w of [...waiters]) {
      if (out.indexOf(w.text, w.from) >= 0) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const session = manager.open(language, {
    onData(chunk) {
      // Answer cursor-position requests as a terminal would (irb's line editor waits for one).
      if (chunk.includes('\x1b[6n')) session.write('\x1b[1;1R');
      out += chunk.replace(ANSI_ESCAPE, '');
      check();
    },
    onExit: (exit) => resolveExit(exit),
  });
  return {
    session,
    output: () => out,
    waitFor: (text, from = 0) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ text, from, resolve });
        check();
        void exited.then(() => reject(new Error(`session ended before "${text}" appeared; output:\n${out}`)));
      }),
    exited,
  };
}

/** Processes on the host running as one of the session uids. */
function sessionProcesses(): { pid: string; uid: number; name: string }[] {
  const found: { pid: string; uid: number; name: string }[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      if (uid >= UID_BASE && uid < UID_BASE + MAX_SESSIONS)
        found.push({ pid, uid, name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '' });
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

let manager: TerminalManager;
let honeypot: net.Server;
let honeypotPort = 0;
let honeypotConnections = 0;

beforeAll(async () => {
  manager = await startTerminalManager({ uidBase: UID_BASE, maxSessions: MAX_SESSIONS });
  honeypot = net.createServer((socket) => {
    honeypotConnections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => honeypot.listen(0, '127.0.0.1', resolve));
  honeypotPort = (honeypot.address() as net.AddressInfo).port;
});

afterEach(() => manager.closeAll());

afterAll(async () => {
  await manager.closeAll();
  await new Promise<void>((resolve) => honeypot.close(() => resolve()));
});

describe('terminal sessions', () => {
  it('runs a Python REPL on a pty: input in, output out', async () => {
    const s = openSession(manager, 'python');
    await s.waitFor('>>> ');
    s.session.write('print(6*7)\n');
    await s.waitFor('42\r\n');
    s.session.close();
    expect(await s.exited).toEqual({ reason: 'closed', exitCode: null });
  });

  it('interrupts a busy loop with Ctrl-C and the REPL stays usable', async () => {
    const s = openSession(manager, 'python');
    await s.waitFor('>>> ');
    s.session.write('import itertools\nfor i in itertools.count():\n  if i == 0: print("spinning", flush=True)\n\n');
    await s.waitFor('spinning\r\n');
    s.session.interrupt();
    await s.waitFor('KeyboardInterrupt');
    const mark = s.output().length;
    s.session.write('print("alive")\n');
    await s.waitFor('alive\r\n', mark);
    s.session.close();
    expect((await s.exited).reason).toBe('closed');
  });

  it('ends an idle session', async () => {
    const idle = await startTerminalManager({ uidBase: UID_BASE, maxSessions: 1, idleMs: 800 });
    const s = openSession(idle, 'python');
    const started = performance.now();
    expect(await s.exited).toEqual({ reason: 'idle', exitCode: null });
    expect(performance.now() - started).toBeGreaterThanOrEqual(800);
  });

  it('reports the exit of the program itself', async () => {
    const s = openSession(manager, 'bash');
    await s.waitFor('sandbox:');
    s.session.write('exit 3\n');
    expect(await s.exited).toEqual({ reason: 'exit', exitCode: 3 });
  });

  it('refuses a fifth concurrent session', async () => {
    const sessions = Array.from({ length: MAX_SESSIONS }, () => openSession(manager, 'bash'));
    expect(manager.active).toBe(MAX_SESSIONS);
    expect(() => manager.open('bash', { onData: () => undefined, onExit: () => undefined })).toThrow(
      TerminalLimitError,
    );
    for (const s of sessions) s.session.close();
    await Promise.all(sessions.map((s) => s.exited));
    expect(manager.active).toBe(0);
  });

  it('cannot reach 127.0.0.1, runs as an unprivileged host uid and leaves nothing behind', async () => {
    const s = openSession(manager, 'python');
    await s.waitFor('>>> ');
    s.session.write(
      `import socket\ntry:\n  socket.create_connection(("127.0.0.1", ${honeypotPort}), timeout=2); print("REACHED")\nexcept OSError as e:\n  print("blocked", type(e).__name__)\n\n`,
    );
    await s.waitFor('blocked ');
    expect(s.output()).not.toContain('REACHED\r\n');
    expect(honeypotConnections).toBe(0);

    const procs = sessionProcesses();
    expect(procs.map((p) => p.name)).toContain('python3');
    for (const p of procs) expect(p.uid).toBeGreaterThanOrEqual(UID_BASE);

    s.session.close();
    await s.exited;
    expect(sessionProcesses()).toEqual([]);
  });

  it('offers a Node.js REPL, irb and a shell', async () => {
    const cases: [TerminalLanguage, string, string][] = [
      ['javascript', '> ', 'console.log(6*7)\n'],
      ['ruby', '>> ', 'puts 6*7\n'],
      ['bash', 'sandbox:', 'echo $((6*7))\n'],
    ];
    for (const [language, prompt, line] of cases) {
      const s = openSession(manager, language);
      await s.waitFor(prompt);
      s.session.write(line);
      await s.waitFor('42\r\n');
      s.session.close();
      await s.exited;
    }
  });
});
