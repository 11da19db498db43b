/**
 * Attacks specific to the warm pool (ADR 0021), with real bubblewrap and the
 * real stub: nothing of a run reaches the next one, a run cannot reach a
 * waiting warm sandbox, malformed hand-overs are refused without writing
 * outside /box, big stdin arrives intact, and the clocks start at hand-over.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxEngine } from './engine.js';
import { CATALOGUE, DEFAULT_LIMITS } from './languages/catalogue.js';
import { collectRun, probeCgroup, type SandboxHost, type SandboxLimits, type SandboxRun } from './sandbox/sandbox.js';
import { createSpawner, type Spawner } from './sandbox/spawner.js';
import {
  encodeHandOver,
  runInWarmSandbox,
  warmHelperArgs,
  type HandOver,
  type WarmSandbox,
} from './sandbox/warm-sandbox.js';
import type { EngineResult, ExecutionEngine } from './types.js';

const UID_BASE = 62_400;
let engine: ExecutionEngine;
let spawner: Spawner;
let host: SandboxHost;

beforeAll(async () => {
  engine = await createSandboxEngine({ slots: 2, uidBase: UID_BASE });
  spawner = createSpawner();
  const cgroup = await probeCgroup();
  if (cgroup === 'none') throw new Error('no cgroup hierarchy');
  host = { cgroup, cgroupParent: 'isel-runner', uid: UID_BASE + 10, gid: UID_BASE + 10 };
});

afterAll(async () => {
  spawner.close();
  await engine.close();
});

/** A warm sandbox probe: only warm sandboxes have the stub bound at this path. */
const WARM_PROBE = 'test -e /opt/isel/warm-stub && echo WARM || echo COLD\n';

async function bash(source: string, stdin = '', on: ExecutionEngine = engine): Promise<EngineResult> {
  return on.execute({
    id: 'pool',
    language: 'bash',
    source,
    mode: 'run',
    stdin,
    tests: [],
    stopOnFirstFailure: false,
  });
}

/** Runs until the run lands in a warm sandbox (the first of a profile is cold, then the slot has one ready). */
async function bashWarm(source: string, stdin = ''): Promise<EngineResult> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = await bash(WARM_PROBE + source, stdin);
    if (result.stdout?.startsWith('WARM')) return result;
  }
  throw new Error('no run landed in a warm sandbox in 20 tries');
}

const LIMITS: SandboxLimits = {
  cpuMs: 2000,
  wallMs: 5000,
  memoryBytes: 256 * 1024 * 1024,
  pids: 64,
  fileSizeBytes: DEFAULT_LIMITS.fileSizeBytes,
  openFiles: 256,
  stackBytes: DEFAULT_LIMITS.stackBytes,
  stdoutBytes: 1 << 20,
  stderrBytes: 65536,
  tmpfsBytes: DEFAULT_LIMITS.tmpfsBytes,
};

/** A ready warm sandbox made directly through the spawner (no engine, no pool). */
async function warmSandbox(limits: SandboxLimits = LIMITS): Promise<WarmSandbox> {
  const sandbox = spawner.warm(warmHelperArgs(host, `warm-test-${randomBytes(6).toString('hex')}`, limits, []));
  await sandbox.ready;
  return sandbox;
}

/** Hands raw bytes (a message and stdin) to a ready warm sandbox. */
async function handRaw(sandbox: WarmSandbox, payload: Buffer, limits: SandboxLimits = LIMITS): Promise<SandboxRun> {
  const collected = collectRun({});
  return collected.finish(await sandbox.start(payload, collected.sink, limits.wallMs + 10_000));
}

/** Names of the host processes running as this uid. */
function processesOf(uid: number): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]) === uid) found.push(/^Name:\s+(.*)$/m.exec(status)?.[1] ?? '');
    } catch {
      // ended while we looked
    }
  }
  return found;
}

/** Checks the condition every 20 ms until it holds (true) or 10 s passed (false). */
async function eventually(condition: () => boolean): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}

const sh = (script: string): HandOver => ({
  files: [],
  argv: ['/bin/sh', '-c', script],
  env: { PATH: '/usr/bin:/bin' },
});

describe('one warm sandbox, one run', () => {
  it('a daemon, files in /box, /tmp and /dev/shm, and a changed program do not reach the next run', async () => {
    const attack = await bashWarm(
      [
        '(setsid sleep 300 &) ; (nohup sleep 300 >/dev/null 2>&1 &)',
        'echo marker > /tmp/marker; echo marker > /dev/shm/marker; echo marker > /box/marker',
        'echo planted',
        // The program's own copy is writable by its owner once chmodded: change it for "the next run".
        'chmod u+w main.sh && echo "echo HIJACKED" >> main.sh',
      ].join('\n'),
    );
    expect(attack.stdout).toContain('planted');
    for (let i = 0; i < 3; i++) {
      const next = await bashWarm(
        'ls -A /box; cat /tmp/marker /dev/shm/marker 2>/dev/null; cat /proc/[0-9]*/comm | grep -c sleep || true',
      );
      expect(next.verdict).toBe('accepted');
      // Only the program's own file is in /box, nothing in /tmp or /dev/shm, no sleeping daemon.
      expect(next.stdout).toBe('WARM\nmain.sh\n0\n');
    }
  });

  it('a run sees neither another waiting warm sandbox nor its hand-over pipe, even under the same uid', async () => {
    const other = await warmSandbox();
    const probe = await warmSandbox();
    const snoop = await handRaw(
      probe,
      encodeHandOver(
        sh(
          [
            'echo pids $(ls /proc | grep -E "^[0-9]+$" | sort -n | tr "\\n" " ")',
            'for f in /proc/[0-9]*/fd/*; do echo fd $f $(readlink $f); done',
            // The stub's status pipe (its fd 3) closed on exec; bwrap's init keeps only stdio.
            '(printf Eforged > /proc/1/fd/3) 2>/dev/null && echo FORGED || echo no-status-pipe',
            'ls -A /box | tr "\\n" " "; echo',
            // The stub binary itself is readable, but without the helper's status pipe (fd 3) it stops at once.
            'echo secret | /opt/isel/warm-stub 100; echo stub-exit $?',
          ].join('\n'),
        ),
      ),
    );
    expect(snoop.outcome.status).toBe('exited');
    const text = snoop.stdout.toString('utf8');
    expect(text).toMatch(/^pids 1 2 /m);
    expect(text).not.toMatch(/^fd \/proc\/1\/fd\/3 /m);
    expect(text).toContain('no-status-pipe');
    expect(text).toContain('stub-exit 125');
    // The other sandbox is untouched: it takes its own run normally.
    const run = await runInWarmSandbox(
      other,
      { ...sh('cat data.txt; ls -A /box'), files: [{ name: 'data.txt', mode: 0o644, data: Buffer.from('mine\n') }] },
      { limits: LIMITS },
    );
    expect(run?.outcome.status).toBe('exited');
    expect(run?.stdout.toString()).toBe('mine\ndata.txt\n');
  });
});

describe('malformed hand-overs are refused', () => {
  const file = (name: string, data = 'x') => ({ name, mode: 0o644, data: Buffer.from(data) });
  const cases: [string, () => Buffer][] = [
    ['a parent path', () => encodeHandOver({ ...sh('echo RAN'), files: [file('../x')] })],
    ['a path with a slash', () => encodeHandOver({ ...sh('echo RAN'), files: [file('sub/x')] })],
    ['an absolute path', () => encodeHandOver({ ...sh('echo RAN'), files: [file('/tmp/x')] })],
    ['a dot', () => encodeHandOver({ ...sh('echo RAN'), files: [file('..')] })],
    ['a control character', () => encodeHandOver({ ...sh('echo RAN'), files: [file('a\nb')] })],
    ['a duplicate name', () => encodeHandOver({ ...sh('echo RAN'), files: [file('a'), file('a')] })],
    [
      'files over the budget',
      () => encodeHandOver({ ...sh('echo RAN'), files: [file('big', 'y'.repeat(DEFAULT_LIMITS.fileSizeBytes + 1))] }),
    ],
    ['a wrong magic', () => Buffer.concat([Buffer.from('ISW2'), Buffer.alloc(12)])],
    ['a truncated message', () => encodeHandOver({ ...sh('echo RAN'), files: [file('a', 'abcdef')] }).subarray(0, 20)],
    ['an environment entry without =', () => encodeHandOver({ files: [], argv: ['/bin/true'], env: { '': 'x' } })],
    ['no program', () => encodeHandOver({ files: [], argv: [], env: {} })],
  ];
  for (const [what, payload] of cases) {
    it(`${what}: internal error, the program never runs`, async () => {
      const sandbox = await warmSandbox();
      const run = await handRaw(sandbox, payload());
      expect(run.outcome.status).toBe('internal');
      expect(run.outcome.error).toMatch(/^warm sandbox: /);
      expect(run.stdout.toString()).not.toContain('RAN');
    });
  }

  it('a valid hand-over writes its file in /box and nowhere else', async () => {
    expect(existsSync('/x')).toBe(false);
    const sandbox = await warmSandbox();
    const ok = await handRaw(sandbox, encodeHandOver({ ...sh('ls -A /box; ls -A /tmp'), files: [file('x')] }));
    expect(ok.outcome.status).toBe('exited');
    expect(ok.stdout.toString()).toBe('x\n');
  });
});

describe('stdin and clocks', () => {
  it('stdin much larger than a pipe buffer arrives intact', async () => {
    const stdin = randomBytes(3 * 1024 * 1024).toString('base64');
    const expected = createHash('sha256').update(stdin).digest('hex');
    const result = await bashWarm('sha256sum | cut -d" " -f1', stdin);
    expect(result.stdout?.split('\n')[1]).toBe(expected);
  });

  it('warm sandboxes that waited 5 s still give a program its whole wall time and CPU time', async () => {
    // Two runs, each close to one limit and far from the other (the machine is shared and noisy).
    const wallLimits = { ...LIMITS, cpuMs: 1000, wallMs: 2000 };
    const cpuLimits = { ...LIMITS, cpuMs: 1000, wallMs: 10_000 };
    const forWall = await warmSandbox(wallLimits);
    const forCpu = await warmSandbox(cpuLimits);
    await new Promise((resolve) => setTimeout(resolve, 5000)); // both idle: the scenario, not a sync
    const python = (program: string): HandOver => ({
      files: [],
      argv: ['/usr/bin/python3', '-I', '-B', '-c', program],
      env: CATALOGUE.python.env,
    });
    const sleeper = await runInWarmSandbox(forWall, python('import time\ntime.sleep(1.0)\nprint("slept")'), {
      limits: wallLimits,
    });
    expect(sleeper?.outcome.status).toBe('exited');
    expect(sleeper?.stdout.toString()).toBe('slept\n');
    expect(sleeper?.outcome.wallMs).toBeGreaterThanOrEqual(1000);
    expect(sleeper?.outcome.wallMs).toBeLessThan(2000);
    const spinner = await runInWarmSandbox(
      forCpu,
      python('import time\nt = time.process_time()\nwhile time.process_time() - t < 0.7: pass\nprint("spun")'),
      { limits: cpuLimits },
    );
    expect(spinner?.outcome.status).toBe('exited');
    expect(spinner?.stdout.toString()).toBe('spun\n');
    expect(spinner?.outcome.cpuMs).toBeGreaterThanOrEqual(700);
    expect(spinner?.outcome.cpuMs).toBeLessThan(1000);
  });

  it('the limits still apply from the hand-over: a spin is TLE (cpu), a sleep is TLE (wall)', async () => {
    // Each run is far from the other limit: a busy shared machine must not turn one into the other.
    const cpuLimits = { ...LIMITS, cpuMs: 300, wallMs: 10_000 };
    const spin = await handRaw(await warmSandbox(cpuLimits), encodeHandOver(sh('while :; do :; done')), cpuLimits);
    expect(spin.outcome).toMatchObject({ status: 'timeout', limit: 'cpu' });
    const wallLimits = { ...LIMITS, cpuMs: 2000, wallMs: 800 };
    const sleep = await handRaw(await warmSandbox(wallLimits), encodeHandOver(sh('sleep 30')), wallLimits);
    expect(sleep.outcome).toMatchObject({ status: 'timeout', limit: 'wall' });
    expect(sleep.outcome.wallMs).toBeLessThan(2000);
  });
});

describe('pool sizing', () => {
  it('a slot gets a warm sandbox after a run, which is discarded when idle', async () => {
    const uid = UID_BASE + 20;
    const small = await createSandboxEngine({ slots: 1, uidBase: uid, warmPool: { idleMs: 300 } });
    try {
      const result = await bash('echo hi', '', small);
      expect(result.stdout).toBe('hi\n');
      expect(await eventually(() => processesOf(uid).includes('warm-stub'))).toBe(true);
      expect(await eventually(() => processesOf(uid).length === 0)).toBe(true);
    } finally {
      await small.close();
    }
  });

  it("at the cap, a new profile's warm sandbox replaces the one that waited longest", async () => {
    const uid = UID_BASE + 40;
    const small = await createSandboxEngine({ slots: 1, uidBase: uid, warmPool: { maxSandboxes: 1 } });
    const pythonProbe = (): Promise<EngineResult> =>
      small.execute({
        id: 'pool',
        language: 'python',
        source: 'import os\nprint("WARM" if os.path.exists("/opt/isel/warm-stub") else "COLD")',
        mode: 'run',
        stdin: '',
        tests: [],
        stopOnFirstFailure: false,
      });
    try {
      expect((await bash(WARM_PROBE, '', small)).stdout).toBe('COLD\n');
      expect(await eventually(() => processesOf(uid).includes('warm-stub'))).toBe(true);
      // The only place is Bash's: Python runs cold, then takes the place.
      expect((await pythonProbe()).stdout).toBe('COLD\n');
      let warm = false;
      for (let attempt = 0; attempt < 20 && !warm; attempt++) warm = (await pythonProbe()).stdout === 'WARM\n';
      expect(warm).toBe(true);
      expect((await bash(WARM_PROBE, '', small)).stdout).toBe('COLD\n');
    } finally {
      await small.close();
    }
  });

  it('closing the engine removes its waiting warm sandboxes before it resolves', async () => {
    const uid = UID_BASE + 30;
    const small = await createSandboxEngine({ slots: 1, uidBase: uid });
    await bash('echo hi', '', small);
    expect(await eventually(() => processesOf(uid).includes('warm-stub'))).toBe(true);
    await small.close();
    expect(processesOf(uid)).toEqual([]);
  });
});
