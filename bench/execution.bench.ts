/**
 * `npm run bench -- execution`: the code-execution engine on this machine.
 *
 * 1. Per-run sandbox overhead: the same hello-world command run bare (spawned
 *    directly) and through the whole per-run sequence (helper: cgroup, rlimits,
 *    uid drop, seccomp, bubblewrap, reap), interleaved round by round, plus
 *    the floor: bubblewrap alone with the same argv, spawned directly (what
 *    any bwrap sandbox costs here, before our helper adds cgroups and reaping),
 *    and the warm pool's path (ADR 0021): reading the program's files, the
 *    hand-over to a ready warm sandbox, the run, kill and reap (the warm
 *    sandbox is made and waited for before the round's timings start).
 * 2. Per language: median and p99 of a hello-world run and of a small
 *    test-case submission (5 tests of "add two numbers") through the engine
 *    (staging, compile cache warm, judge), with the bare hello world as baseline.
 * 3. Compile cache: C++ compile + run (miss) vs a cached rerun (hit).
 * 4. Throughput: Python hello-world runs/s with every slot busy, with the warm
 *    pool (the default) and without it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LanguageId } from '@interviewselect/contracts';
import { CATALOGUE, HOST_NODE, type LanguageDefinition } from '../apps/runner/src/languages/catalogue.js';
import { createSandboxEngine } from '../apps/runner/src/engine.js';
import { bwrapArgs, probeCgroup, runInSandbox, type SandboxHost } from '../apps/runner/src/sandbox/sandbox.js';
import { createSpawner } from '../apps/runner/src/sandbox/spawner.js';
import { runInWarmSandbox, warmHelperArgs } from '../apps/runner/src/sandbox/warm-sandbox.js';
import { prepareWarmRun } from '../apps/runner/src/sandbox/warm-runs.js';
import { SUM_PROGRAMS, sumTests } from '../apps/runner/src/languages/fixtures.js';
import type { ExecutionEngine } from '../apps/runner/src/types.js';
import { machineInfo } from './lib/machine-info.js';
import { fmt, print, progress, table, writeResult } from './lib/report.js';
import { quantile, median, ratio, round } from './lib/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const LANG_ROUNDS = Number(process.env.BENCH_LANG_ROUNDS ?? 15);
const THROUGHPUT_RUNS = Number(process.env.BENCH_THROUGHPUT_RUNS ?? 240);

/** Times one process from spawn to exit (stdio to pipes, drained). */
function timeSpawn(argv: string[], cwd: string): Promise<number> {
  const [cmd, ...args] = argv;
  if (!cmd) throw new Error('empty argv');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: '/usr/bin:/bin', HOME: cwd },
    });
    child.stdout.resume();
    child.stderr.resume();
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`${argv.join(' ')} exited ${code}`)),
    );
  });
}

/** The language's run argv with sandbox paths mapped to a host directory, for the bare baseline. */
function bareArgv(def: LanguageDefinition, dir: string): string[] {
  return def.run.map((a) => (a === '/opt/node/bin/node' ? HOST_NODE : a.startsWith('/box') ? dir + a.slice(4) : a));
}

/** Compiles a hello world on the host (trusted source) so its artefact can run bare. */
async function bareCompile(def: LanguageDefinition, dir: string): Promise<void> {
  writeFileSync(path.join(dir, def.fileName), def.helloWorld);
  if (!def.compile) return;
  rmSync(path.join(dir, 'out'), { recursive: true, force: true });
  await timeSpawn(['/usr/bin/mkdir', '-p', 'out'], dir);
  await timeSpawn(def.compile.argv, dir).catch((error: unknown) => {
    throw new Error(`bare compile of ${def.id} failed: ${String(error)}`);
  });
  await timeSpawn(['/bin/sh', '-c', 'cp -r out/. .'], dir);
}

function stats(values: number[]) {
  return { median: round(median(values), 2) ?? 0, p99: round(quantile(values, 0.99), 2) ?? 0 };
}

const OVERHEAD_LIMITS = {
  cpuMs: 2000,
  wallMs: 5000,
  memoryBytes: 256 * 1024 * 1024,
  pids: 64,
  fileSizeBytes: 16 << 20,
  openFiles: 256,
  stackBytes: 64 << 20,
  stdoutBytes: 65536,
  stderrBytes: 65536,
  tmpfsBytes: 64 << 20,
};

async function overhead(host: SandboxHost, dir: string) {
  // The engine starts helpers through its small spawner process; measure the same path.
  const spawner = createSpawner();
  const results: Record<string, { bare: number[]; bwrap: number[]; sandboxed: number[]; warm: number[] }> = {};
  const defs = [CATALOGUE.c, CATALOGUE.python];
  for (const def of defs) await bareCompile(def, path.join(dir, def.id));
  for (let r = 0; r < ROUNDS; r++) {
    for (const def of defs) {
      const langDir = path.join(dir, def.id);
      const entry = (results[def.id] ??= { bare: [], bwrap: [], sandboxed: [], warm: [] });
      const warmSandbox = spawner.warm(warmHelperArgs(host, `warm-bench-${r}-${def.id}`, OVERHEAD_LIMITS, def.binds));
      await warmSandbox.ready;
      const bare = await timeSpawn(bareArgv(def, langDir), langDir);
      const files = def.compile ? ['main'] : [def.fileName];
      const spec = {
        argv: def.run,
        env: def.env,
        binds: [...def.binds, ...files.map((f) => ({ host: path.join(langDir, f), sandbox: `/box/${f}` }))],
        limits: OVERHEAD_LIMITS,
      };
      const bwrapOnly = await timeSpawn(bwrapArgs(spec), langDir);
      const started = performance.now();
      const run = await runInSandbox(host, spec, spawner.launch);
      const sandboxed = performance.now() - started;
      if (run.outcome.status !== 'exited' || run.outcome.exitCode !== 0)
        throw new Error(`${def.id} sandboxed hello world failed: ${JSON.stringify(run.outcome)}`);
      const warmStarted = performance.now();
      const prepared = await prepareWarmRun(def.id, def.binds, spec.binds.slice(def.binds.length), spec);
      if (!prepared) throw new Error(`${def.id} hello world cannot use the warm pool`);
      const warmRun = await runInWarmSandbox(warmSandbox, prepared.handOver, spec);
      const warm = performance.now() - warmStarted;
      if (warmRun?.outcome.status !== 'exited' || warmRun.outcome.exitCode !== 0)
        throw new Error(`${def.id} warm hello world failed: ${JSON.stringify(warmRun?.outcome)}`);
      if (r > 0) {
        entry.bare.push(bare);
        entry.bwrap.push(bwrapOnly);
        entry.sandboxed.push(sandboxed);
        entry.warm.push(warm);
      }
    }
  }
  spawner.close();
  return results;
}

async function perLanguage(engine: ExecutionEngine, dir: string) {
  const installed = new Set((await engine.languages()).map((l) => l.id));
  const rows: {
    language: LanguageId;
    bare: number[];
    hello: number[];
    tests: number[];
    verdicts: Set<string>;
  }[] = [];
  for (const def of Object.values(CATALOGUE)) {
    if (!installed.has(def.id)) continue;
    progress(`language ${def.id}…`);
    const langDir = path.join(dir, `lang-${def.id}`);
    const canBare = def.id !== 'sql';
    if (canBare) {
      rmSync(langDir, { recursive: true, force: true });
      await timeSpawn(['/usr/bin/mkdir', '-p', langDir], dir);
      await bareCompile(def, langDir);
    }
    const row = {
      language: def.id,
      bare: [] as number[],
      hello: [] as number[],
      tests: [] as number[],
      verdicts: new Set<string>(),
    };
    const rounds = def.id === 'sql' ? Math.min(LANG_ROUNDS, 4) : LANG_ROUNDS;
    for (let r = 0; r <= rounds; r++) {
      const bare = canBare ? await timeSpawn(bareArgv(def, langDir), langDir) : null;
      let started = performance.now();
      const hello = await engine.execute({
        id: 'bench',
        language: def.id,
        source: def.helloWorld,
        mode: 'run',
        stdin: '',
        tests: [],
        stopOnFirstFailure: false,
      });
      const helloMs = performance.now() - started;
      started = performance.now();
      const judged = await engine.execute({
        id: 'bench',
        language: def.id,
        source: SUM_PROGRAMS[def.id],
        mode: 'submit',
        tests: sumTests(def.id),
        stopOnFirstFailure: false,
      });
      const testsMs = performance.now() - started;
      row.verdicts.add(hello.verdict);
      row.verdicts.add(judged.verdict);
      if (r === 0) continue; // warm-up: the compile cache fills here
      if (bare !== null) row.bare.push(bare);
      row.hello.push(helloMs);
      row.tests.push(testsMs);
    }
    rows.push(row);
  }
  return rows;
}

async function compileCache(engine: ExecutionEngine) {
  const miss: number[] = [];
  const hit: number[] = [];
  for (let r = 0; r < 6; r++) {
    const source = `${CATALOGUE.cpp.helloWorld}// bench variant ${r} ${Date.now()}\n`;
    const job = {
      id: 'bench',
      language: 'cpp' as const,
      source,
      mode: 'run' as const,
      stdin: '',
      tests: [],
      stopOnFirstFailure: false,
    };
    let started = performance.now();
    await engine.execute(job);
    miss.push(performance.now() - started);
    for (let k = 0; k < 3; k++) {
      started = performance.now();
      const result = await engine.execute(job);
      hit.push(performance.now() - started);
      if (result.verdict !== 'accepted') throw new Error(`cached C++ rerun: ${result.verdict}`);
    }
  }
  return { miss, hit };
}

async function throughput(engine: ExecutionEngine) {
  const job = {
    id: 'bench',
    language: 'python' as const,
    source: CATALOGUE.python.helloWorld,
    mode: 'run' as const,
    stdin: '',
    tests: [],
    stopOnFirstFailure: false,
  };
  await Promise.all(Array.from({ length: engine.slots * 2 }, () => engine.execute(job)));
  const started = performance.now();
  let failed = 0;
  await Promise.all(
    Array.from({ length: THROUGHPUT_RUNS }, async () => {
      const result = await engine.execute(job);
      if (result.verdict !== 'accepted') failed++;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    slots: engine.slots,
    runs: THROUGHPUT_RUNS,
    seconds: round(seconds, 2) ?? 0,
    runsPerSecond: round(THROUGHPUT_RUNS / seconds, 1) ?? 0,
    failed,
  };
}

async function main(): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'interviewselect-bench-exec-'));
  // The bare baseline runs as root here; the sandbox runs as slot uids, which must read the binds.
  await timeSpawn(['/bin/chmod', '-R', 'a+rX', dir], dir);
  for (const id of ['c', 'python']) await timeSpawn(['/usr/bin/mkdir', '-p', path.join(dir, id)], dir);
  const engine = await createSandboxEngine({ uidBase: 63_000, slots: os.availableParallelism() });
  const cgroup = await probeCgroup();
  if (cgroup === 'none') throw new Error('no usable cgroup hierarchy');
  const host: SandboxHost = { cgroup, cgroupParent: 'isel-runner', uid: 63_100, gid: 63_100 };
  try {
    progress(`per-run overhead (${ROUNDS} interleaved rounds)…`);
    const over = await overhead(host, dir);
    await timeSpawn(['/bin/chmod', '-R', 'a+rX', dir], dir);
    const languages = await perLanguage(engine, dir);
    progress('compile cache…');
    const cache = await compileCache(engine);
    progress(`throughput (${THROUGHPUT_RUNS} Python runs on ${engine.slots} slots)…`);
    const tput = await throughput(engine);
    // The same with twice as many slots as cores: the default RUNNER_SLOTS.
    const wide = await createSandboxEngine({ uidBase: 63_200, slots: engine.slots * 2 });
    progress(`throughput (${THROUGHPUT_RUNS} Python runs on ${wide.slots} slots)…`);
    const tputWide = await throughput(wide).finally(() => wide.close());
    const cold = await createSandboxEngine({ uidBase: 63_300, slots: engine.slots * 2, warmPool: false });
    progress(`throughput without the warm pool (${THROUGHPUT_RUNS} Python runs on ${cold.slots} slots)…`);
    const tputCold = await throughput(cold).finally(() => cold.close());

    const overheadRows = Object.entries(over).map(([id, v]) => {
      const bare = stats(v.bare);
      const bwrapFloor = stats(v.bwrap);
      const sandboxed = stats(v.sandboxed);
      const warm = stats(v.warm);
      return {
        language: id,
        bare,
        bwrapFloor,
        sandboxed,
        addedMedianMs: round(sandboxed.median - bare.median, 2),
        bwrapAddedMedianMs: round(bwrapFloor.median - bare.median, 2),
        helperAddedMedianMs: round(sandboxed.median - bwrapFloor.median, 2),
        ratio: round(ratio(sandboxed.median, bare.median) ?? 0, 2),
        warm,
        warmAddedMedianMs: round(warm.median - bare.median, 2),
        warmRatio: round(ratio(warm.median, bare.median) ?? 0, 2),
      };
    });
    print(
      'Per-run sandbox overhead (hello world; cold = helper + cgroup + seccomp + bwrap + reap; warm = hand-over to a ready warm sandbox)',
    );
    print(
      table(
        [
          { header: 'language' },
          { header: 'bare p50 ms', align: 'right' },
          { header: 'bwrap alone p50', align: 'right' },
          { header: 'cold p50 ms', align: 'right' },
          { header: 'cold p99 ms', align: 'right' },
          { header: 'cold added', align: 'right' },
          { header: 'warm p50 ms', align: 'right' },
          { header: 'warm p99 ms', align: 'right' },
          { header: 'warm added', align: 'right' },
          { header: 'warm ratio', align: 'right' },
        ],
        overheadRows.map((r) => [
          r.language,
          fmt(r.bare.median, 2),
          fmt(r.bwrapFloor.median, 2),
          fmt(r.sandboxed.median, 2),
          fmt(r.sandboxed.p99, 2),
          fmt(r.addedMedianMs, 2),
          fmt(r.warm.median, 2),
          fmt(r.warm.p99, 2),
          fmt(r.warmAddedMedianMs, 2),
          `${fmt(r.warmRatio, 2)}×`,
        ]),
      ),
    );
    const langRows = languages.map((l) => ({
      language: l.language,
      bare: l.bare.length ? stats(l.bare) : null,
      hello: stats(l.hello),
      tests: stats(l.tests),
      verdicts: [...l.verdicts],
    }));
    print('\nPer language through the engine (warm compile cache; "tests" = a 5-test submission)');
    print(
      table(
        [
          { header: 'language' },
          { header: 'bare hello p50', align: 'right' },
          { header: 'hello p50', align: 'right' },
          { header: 'hello p99', align: 'right' },
          { header: 'vs bare', align: 'right' },
          { header: '5 tests p50', align: 'right' },
          { header: '5 tests p99', align: 'right' },
          { header: 'verdicts' },
        ],
        langRows.map((l) => [
          l.language,
          l.bare ? fmt(l.bare.median, 1) : '-',
          fmt(l.hello.median, 1),
          fmt(l.hello.p99, 1),
          l.bare ? `${fmt(ratio(l.hello.median, l.bare.median), 2)}×` : '-',
          fmt(l.tests.median, 1),
          fmt(l.tests.p99, 1),
          l.verdicts.join(','),
        ]),
      ),
    );
    const cacheStats = { miss: stats(cache.miss), hit: stats(cache.hit) };
    print(
      `\nC++ compile cache: miss (compile + run) p50 ${fmt(cacheStats.miss.median, 1)} ms, hit (cached rerun) p50 ${fmt(cacheStats.hit.median, 1)} ms, p99 ${fmt(cacheStats.hit.p99, 1)} ms`,
    );
    print(
      `Throughput: ${tput.runsPerSecond} Python hello-world runs/s on ${engine.slots} slots (${tput.runs} runs in ${tput.seconds} s, ${tput.failed} failed)`,
    );
    print(`            ${tputWide.runsPerSecond} runs/s on ${tputWide.slots} slots (${tputWide.failed} failed)`);
    print(
      `            ${tputCold.runsPerSecond} runs/s on ${tputCold.slots} slots without the warm pool (${tputCold.failed} failed)`,
    );
    const file = writeResult('execution', {
      benchmark: 'execution',
      machine: machineInfo(),
      settings: { rounds: ROUNDS, languageRounds: LANG_ROUNDS, throughputRuns: THROUGHPUT_RUNS, slots: engine.slots },
      overhead: overheadRows,
      languages: langRows,
      compileCache: cacheStats,
      throughput: tput,
      throughputTwiceTheSlots: tputWide,
      throughputTwiceTheSlotsCold: tputCold,
    });
    print(`\nwrote ${path.relative(process.cwd(), file)}`);
    const bad = langRows.filter((l) => l.verdicts.some((v) => v !== 'accepted'));
    if (bad.length) print(`languages with non-accepted verdicts: ${bad.map((b) => b.language).join(', ')}`);
    return bad.length === 0 && tput.failed + tputWide.failed + tputCold.failed === 0 ? 0 : 1;
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
