/**
 * The sandbox security suite: hostile programs really run in the sandbox and
 * must end with the right verdict, leave no trace on the host, and leave the
 * next run a clean slate (research/execution.md §2.5, §6.7).
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanguageId } from '@interviewselect/contracts';
import { createSandboxEngine } from './engine.js';
import type { EngineResult, ExecutionEngine } from './types.js';

const UID_BASE = 62_000;
const SLOTS = 2;
const CANARY = `isel-canary-${process.pid}`;
let engine: ExecutionEngine;
let honeypot: net.Server;
let honeypotPort = 0;
let honeypotConnections = 0;

beforeAll(async () => {
  process.env.ISEL_SECRET_CANARY = CANARY;
  engine = await createSandboxEngine({ slots: SLOTS, uidBase: UID_BASE });
  honeypot = net.createServer((socket) => {
    honeypotConnections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => honeypot.listen(0, '127.0.0.1', resolve));
  honeypotPort = (honeypot.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await engine.close();
  await new Promise<void>((resolve) => honeypot.close(() => resolve()));
});

async function run(language: LanguageId, source: string, opts: { stdin?: string; timeLimitMs?: number } = {}) {
  const result = await engine.execute({
    id: 'security',
    language,
    source,
    mode: 'run',
    stdin: opts.stdin ?? '',
    tests: [],
    stopOnFirstFailure: false,
    ...(opts.timeLimitMs ? { timeLimitMs: opts.timeLimitMs } : {}),
  });
  return result;
}

/**
 * A process of an idle warm sandbox (ADR 0021): bubblewrap or the stub, in a warm-* cgroup. A
 * used warm sandbox's cgroup is gone before its result returns, so nothing of a finished run can
 * hide here, and a run cannot move itself to another cgroup.
 */
function inIdleWarmSandbox(pid: string, name: string | undefined): boolean {
  if (name !== 'bwrap' && name !== 'warm-stub') return false;
  const cgroup = readFileSync(`/proc/${pid}/cgroup`, 'utf8');
  return /^\d+:[^:\n]*:.*\/isel-runner\/warm-[0-9a-f]+$/m.test(cgroup);
}

/** Host post-conditions after every attack: no process left with a slot uid (bar idle warm sandboxes), no run cgroup left. */
function slotProcesses(): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      const name = /^Name:\s+(.*)$/m.exec(status)?.[1];
      if (uid >= UID_BASE && uid < UID_BASE + SLOTS && !inIdleWarmSandbox(pid, name)) found.push(`${pid}:${name}`);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

function leftoverCgroups(): string[] {
  const own = readFileSync('/proc/self/cgroup', 'utf8');
  const memoryPath = /^\d+:memory:(.*)$/m.exec(own)?.[1] ?? '/';
  const parent = path.join('/sys/fs/cgroup/memory', memoryPath, 'isel-runner');
  if (!existsSync(parent)) return [];
  return readdirSync(parent).filter(
    (name) => name.startsWith('run-') && statSync(path.join(parent, name)).isDirectory(),
  );
}

function expectCleanHost(): void {
  expect(slotProcesses()).toEqual([]);
  expect(leftoverCgroups()).toEqual([]);
}

function expectVerdict(result: EngineResult, verdict: EngineResult['verdict']): void {
  expect({ verdict: result.verdict, detail: result.detail, stderr: result.stderr?.slice(0, 300) }).toMatchObject({
    verdict,
  });
}

describe('resource exhaustion', () => {
  it('a shell fork bomb is stopped by the pids limit and leaves nothing behind', async () => {
    const result = await run('bash', ':(){ :|:& };:\nsleep 0.2\necho survived', { timeLimitMs: 1000 });
    expect(['runtime_error', 'time_limit_exceeded', 'accepted']).toContain(result.verdict);
    expect(result.stdout ?? '').not.toContain('ESCAPED');
    expectCleanHost();
  });

  it('a C fork loop hits the process limit (EAGAIN) instead of the host', async () => {
    const source = `#include <stdio.h>\n#include <unistd.h>\nint main(void){int n=0;for(;;){pid_t p=fork();if(p<0)break;if(p==0){pause();return 0;}n++;}printf("forks %d\\n",n);return 0;}\n`;
    const result = await run('c', source);
    expectVerdict(result, 'accepted');
    const forks = Number(/forks (\d+)/.exec(result.stdout ?? '')?.[1]);
    expect(forks).toBeGreaterThan(0);
    expect(forks).toBeLessThan(64);
    expectCleanHost();
  });

  it('a memory bomb is Memory Limit Exceeded', async () => {
    const result = await run('python', 'chunks = []\nwhile True:\n    chunks.append(bytearray(16 * 1024 * 1024))\n');
    expectVerdict(result, 'memory_limit_exceeded');
    expectCleanHost();
  });

  it('a CPU spin is Time Limit Exceeded (cpu), measured over all processes', async () => {
    const result = await run('bash', 'spin() { while :; do :; done; }\nspin & spin & spin', { timeLimitMs: 300 });
    expectVerdict(result, 'time_limit_exceeded');
    expect(result.detail).toBe('cpu');
    expectCleanHost();
  });

  it('sleeping past the wall limit is Time Limit Exceeded (wall)', async () => {
    const result = await run('bash', 'sleep 30', { timeLimitMs: 200 });
    expectVerdict(result, 'time_limit_exceeded');
    expect(result.detail).toBe('wall');
    expect(result.wallMs).toBeLessThan(5000);
    expectCleanHost();
  });

  it('gigabytes of output are Output Limit Exceeded with a bounded buffer', async () => {
    const result = await run('bash', 'yes ESCAPEE');
    expectVerdict(result, 'output_limit_exceeded');
    expect(result.stdout?.length).toBeLessThanOrEqual(1024 * 1024);
    expectCleanHost();
  });

  it('filling the work dir and /tmp ends in ENOSPC, and the next run starts empty', async () => {
    const fill = await run(
      'bash',
      'dd if=/dev/zero of=/box/fill bs=1M count=200 2>/dev/null || echo box-full\ndd if=/dev/zero of=/tmp/fill bs=1M count=200 2>/dev/null || echo tmp-full\n',
    );
    expect(fill.stdout).toContain('box-full');
    expect(fill.stdout).toContain('tmp-full');
    const next = await run('bash', 'ls -A /box /tmp');
    expect(next.stdout).not.toContain('fill');
    expectCleanHost();
  });
});

describe('network', () => {
  it('cannot reach this machine: the test honeypot, PostgreSQL, Redis, or DNS', async () => {
    const source = [
      'import socket',
      `for port in (${honeypotPort}, 5432, 6379, 3000):`,
      '    s = socket.socket()',
      '    s.settimeout(1)',
      '    try:',
      '        s.connect(("127.0.0.1", port))',
      '        print("ESCAPED", port)',
      '    except OSError as e:',
      '        print("blocked", port)',
      'try:',
      '    socket.getaddrinfo("localhost", 80)',
      '    print("ESCAPED dns")',
      'except OSError:',
      '    print("blocked dns")',
      'try:',
      '    socket.socket(40, socket.SOCK_STREAM)',
      '    print("ESCAPED vsock")',
      'except OSError as e:',
      '    print("blocked vsock", e.errno)',
    ].join('\n');
    const result = await run('python', source);
    expectVerdict(result, 'accepted');
    expect(result.stdout).not.toContain('ESCAPED');
    expect(result.stdout).toContain(`blocked ${honeypotPort}`);
    expect(result.stdout).toContain('blocked vsock 97');
    expect(honeypotConnections).toBe(0);
    expectCleanHost();
  });
});

describe('filesystem', () => {
  it('cannot read /etc/shadow, the app, its data dir, or any secret in the environment', async () => {
    const repo = path.resolve(import.meta.dirname, '../../..');
    const source = [
      'import os',
      `for p in ("/etc/shadow", "/root", ${JSON.stringify(path.join(repo, 'package.json'))}, ${JSON.stringify(path.join(repo, 'data'))}, ${JSON.stringify(path.join(repo, '.env'))}):`,
      '    try:',
      '        open(p).read() if not os.path.isdir(p) else os.listdir(p)',
      '        print("ESCAPED", p)',
      '    except OSError:',
      '        print("blocked", p)',
      'print("env", sorted(os.environ.items()))',
      'print("init", open("/proc/1/environ").read())',
      'print("procs", sorted(p for p in os.listdir("/proc") if p.isdigit()))',
    ].join('\n');
    const result = await run('python', source);
    expectVerdict(result, 'accepted');
    expect(result.stdout).not.toContain('ESCAPED');
    expect(result.stdout).not.toContain(CANARY);
    expect(result.stdout).toContain('blocked /etc/shadow');
    // Only the sandbox's own processes are visible (namespace init + the program).
    expect(result.stdout).toMatch(/procs \['1', '2'\]/);
    expectCleanHost();
  });

  it('cannot write outside its work dir, and its symlinks do not reach the host', async () => {
    const source = [
      'for p in /usr/pwned /etc/pwned /pwned /opt/pwned; do',
      '  if echo x > "$p" 2>/dev/null; then echo "ESCAPED $p"; else echo "blocked $p"; fi',
      'done',
      'ln -s /etc/shadow /box/link && (cat /box/link >/dev/null 2>&1 && echo ESCAPED-link || echo blocked-link)',
      'ln -s / /box/root; ls /box/root/ | tr "\\n" " "; echo',
      'if echo x > main.sh 2>/dev/null; then echo "ESCAPED source-write"; else echo "blocked source-write"; fi',
    ].join('\n');
    const result = await run('bash', source);
    expectVerdict(result, 'accepted');
    expect(result.stdout).not.toContain('ESCAPED');
    expect(existsSync('/usr/pwned')).toBe(false);
    expect(existsSync('/etc/pwned')).toBe(false);
    expect(existsSync('/pwned')).toBe(false);
    // The root the symlink sees is the sandbox's, without the host's home or repo.
    expect(result.stdout).not.toMatch(/\b(root|home|work|var)\b/);
    expectCleanHost();
  });

  it('files left in /tmp, /dev/shm and the work dir do not persist into the next run', async () => {
    await run('bash', 'echo marker > /tmp/marker; echo marker > /dev/shm/marker; echo marker > /box/marker; echo done');
    const next = await run('bash', 'cat /tmp/marker /dev/shm/marker /box/marker 2>/dev/null || echo clean');
    expect(next.stdout?.trim()).toBe('clean');
    expectCleanHost();
  });
});

describe('processes and kernel interfaces', () => {
  it('kill -9 -1 only kills the sandbox', async () => {
    const result = await run('bash', 'kill -9 -1; echo after');
    expect(['runtime_error', 'accepted']).toContain(result.verdict);
    // This test process (and the host) is still here to check.
    expect(process.kill(process.pid, 0)).toBe(true);
    expectCleanHost();
  });

  it('ptrace, setuid, keyctl, io_uring, unshare and mount are refused', async () => {
    const source = [
      'import ctypes, os',
      'libc = ctypes.CDLL(None, use_errno=True)',
      'def sys(name, nr, *args):',
      '    r = libc.syscall(nr, *args)',
      '    print(name, "ESCAPED" if r >= 0 else "blocked", ctypes.get_errno())',
      'sys("ptrace", 101, 16, 1, 0, 0)', // PTRACE_ATTACH to pid 1
      'sys("keyctl", 250, 1, 0, 0, 0)', // KEYCTL_JOIN_SESSION_KEYRING
      'sys("io_uring_setup", 425, 8, 0)',
      'sys("unshare", 272, 0x10000000)', // CLONE_NEWUSER
      'sys("mount", 165, 0, 0, 0, 0, 0)',
      'try:',
      '    os.setuid(0)',
      '    print("setuid ESCAPED")',
      'except OSError:',
      '    print("setuid blocked")',
      'print("uid", os.getuid())',
    ].join('\n');
    const result = await run('python', source);
    expectVerdict(result, 'accepted');
    expect(result.stdout).not.toContain('ESCAPED');
    expect(result.stdout).toContain('uid 65534');
    expectCleanHost();
  });

  it('a daemon that tries to outlive the run is gone when the run ends', async () => {
    const result = await run('bash', '(setsid sleep 300 &) ; (nohup sleep 300 >/dev/null 2>&1 &) ; echo started');
    expectVerdict(result, 'accepted');
    expect(result.stdout?.trim()).toBe('started');
    expectCleanHost();
  });

  it('the sandboxed program runs as an unprivileged host uid, never root', async () => {
    // While the program sleeps, find it in the host's /proc and read its host uid
    // (scanning again until it is found: under load the sleep may start a little after "ready").
    const seen: number[] = [];
    let finished = false;
    const scan = () => {
      for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
        try {
          if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('1.2345')) continue;
          const status = readFileSync(`/proc/${pid}/status`, 'utf8');
          seen.push(Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]));
        } catch {
          // gone already
        }
      }
      if (seen.length === 0 && !finished) setImmediate(scan);
    };
    const result = await engine.execute(
      {
        id: 'uid-check',
        language: 'bash',
        source: 'sleep 1.2345 &\necho ready\nwait\n',
        mode: 'run',
        stdin: '',
        tests: [],
        stopOnFirstFailure: false,
      },
      (event) => {
        if (event.type === 'output' && event.data.includes('ready')) scan();
      },
    );
    finished = true;
    expectVerdict(result, 'accepted');
    expect(seen.length).toBeGreaterThan(0);
    for (const uid of seen) expect(uid).toBeGreaterThanOrEqual(UID_BASE);
    expectCleanHost();
  });
});
