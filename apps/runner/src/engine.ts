/**
 * The sandbox execution engine: compiles once (cached), runs each test in a
 * fresh sandbox on one of N slots (one unprivileged uid each), judges the
 * output and streams progress. Used in-process by the server (embedded mode)
 * and by `npm run runner` processes (scaled mode).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { LanguageId, LanguageInfo, TestResult } from '@interviewselect/contracts';
import { ArtefactCache, type CachedArtefact } from './cache/artefact-cache.js';
import { parseArtefactTar } from './cache/tar.js';
import { DEFAULT_COMPARATOR } from './judge/compare.js';
import { createTestJudge, skippedTest } from './judge/test-judge.js';
import { classifyRun, countPassed, overallVerdict } from './judge/verdict.js';
import { hostVersion } from './languages/version.js';
import { CATALOGUE, DEFAULT_LIMITS, type CompileStep, type LanguageDefinition } from './languages/catalogue.js';
import {
  probeCgroup,
  runInSandbox,
  sandboxUnavailableReason,
  type Bind,
  type SandboxHost,
  type SandboxLimits,
  type SandboxRun,
} from './sandbox/sandbox.js';
import { createSpawner } from './sandbox/spawner.js';
import { createWarmPool } from './sandbox/warm-pool.js';
import { prepareWarmRun, runWarmOrCold } from './sandbox/warm-runs.js';
import type { EngineEvent, EngineResult, ExecutionEngine, ExecutionJob } from './types.js';

export { HIDDEN_MISMATCH } from './judge/test-judge.js';

export interface EngineLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SandboxEngineOptions {
  /** Where staging files and the artefact cache live (default: <tmp>/interviewselect-runner). */
  workDir?: string;
  /** Concurrent sandboxes (default: twice the number of cores, see defaultSlots). */
  slots?: number;
  /** First slot uid/gid; slot i runs as base + i (default 60000). */
  uidBase?: number;
  /** cgroup directory (relative to the runner's own cgroup, or absolute under /sys/fs/cgroup for v2). */
  cgroupParent?: string;
  /** Artefact cache size bound (default 512 MiB). */
  cacheBytes?: number;
  /** Warm sandboxes for run steps (ADR 0021; default on). Unused ones are discarded after idleMs (default 60 s). */
  warmPool?: false | { idleMs?: number; maxSandboxes?: number };
  logger?: EngineLogger;
}

/**
 * Twice the cores: a run spends part of its life in exec, mounts and reaping rather than on
 * a CPU, and verdicts use cgroup CPU time, not wall time, so oversubscribing does not change
 * them (bench/results/execution.json: 38.6 Python runs/s with 2 slots, 58.6 with 4, on 2 cores).
 */
export function defaultSlots(): number {
  return 2 * os.availableParallelism();
}

/** Thrown when the host cannot sandbox: the engine refuses to start rather than run code unsandboxed. */
export class SandboxUnavailableError extends Error {}

interface Slot {
  index: number;
  host: SandboxHost;
}

interface Prepared {
  binds: Bind[];
  release(): void;
}

type CompileOutcome = { ok: true; prepared: Prepared } | { ok: false; result: EngineResult };

/** A result with every figure empty: the base of compile-error and internal-error results. */
export const EMPTY_RESULT: Omit<EngineResult, 'verdict' | 'detail'> = {
  languageVersion: null,
  exitCode: null,
  signal: null,
  stdout: null,
  stderr: null,
  compileOutput: null,
  cpuMs: null,
  wallMs: null,
  memoryKb: null,
  tests: [],
  testsPassed: null,
  testsTotal: null,
};

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Creates the engine after checking bubblewrap, the helper and cgroups; throws SandboxUnavailableError otherwise. */
export async function createSandboxEngine(options: SandboxEngineOptions = {}): Promise<ExecutionEngine> {
  const unavailable = sandboxUnavailableReason();
  if (unavailable) throw new SandboxUnavailableError(unavailable);
  const cgroup = await probeCgroup();
  if (cgroup === 'none')
    throw new SandboxUnavailableError(
      'no usable cgroup hierarchy (need cgroup v1 memory+pids+cpuacct or cgroup v2 with memory and pids)',
    );
  const slotCount = Math.max(1, options.slots ?? defaultSlots());
  const uidBase = options.uidBase ?? 60_000;
  const cgroupParent = options.cgroupParent ?? 'isel-runner';
  const base = options.workDir ?? path.join(os.tmpdir(), 'interviewselect-runner');
  await mkdir(base, { recursive: true, mode: 0o711 });
  const root = path.join(base, `${process.pid}-${randomBytes(4).toString('hex')}`);
  const stagingRoot = path.join(root, 'staging');
  const cacheRoot = path.join(root, 'cache');
  await mkdir(stagingRoot, { recursive: true, mode: 0o711 });
  await mkdir(cacheRoot, { recursive: true, mode: 0o711 });
  const cache = new ArtefactCache(cacheRoot, options.cacheBytes ?? 512 * 1024 * 1024);
  const spawner = createSpawner();
  const inflightCompiles = new Map<string, Promise<CompileOutcome>>();
  const logger = options.logger;
  const pool =
    options.warmPool === false
      ? null
      : createWarmPool({
          create: (args) => spawner.warm(args),
          idleMs: options.warmPool?.idleMs,
          maxSandboxes: options.warmPool?.maxSandboxes ?? 4 * slotCount,
          onProfileDisabled: (profile, reason) =>
            logger?.warn({ profile, reason }, 'warm sandboxes keep failing for this profile: it runs cold from now on'),
        });

  const freeSlots: Slot[] = Array.from({ length: slotCount }, (_, index) => ({
    index,
    host: { cgroup, cgroupParent, uid: uidBase + index, gid: uidBase + index },
  }));
  const waiters: ((slot: Slot) => void)[] = [];
  /** Runs fn on the free slot `rank` likes best (e.g. one with a warm sandbox waiting), or the next freed one. */
  async function withSlot<T>(fn: (slot: Slot) => Promise<T>, rank?: (slot: Slot) => number): Promise<T> {
    let best = freeSlots.length - 1;
    if (rank)
      for (let i = best - 1; i >= 0; i--) if (rank(freeSlots[i] as Slot) > rank(freeSlots[best] as Slot)) best = i;
    const slot =
      (best >= 0 ? freeSlots.splice(best, 1)[0] : undefined) ??
      (await new Promise<Slot>((resolve) => waiters.push(resolve)));
    try {
      return await fn(slot);
    } finally {
      const next = waiters.shift();
      if (next) next(slot);
      else freeSlots.push(slot);
    }
  }

  let languagesPromise: Promise<Map<LanguageId, LanguageInfo>> | null = null;
  function installed(): Promise<Map<LanguageId, LanguageInfo>> {
    languagesPromise ??= (async () => {
      const map = new Map<LanguageId, LanguageInfo>();
      const defs = Object.values(CATALOGUE).filter((def) => def.requires.every((p) => existsSync(p)));
      const versions = await Promise.all(defs.map((def) => hostVersion(def)));
      defs.forEach((def, i) => {
        const version = versions[i];
        if (!version) return;
        map.set(def.id, {
          id: def.id,
          name: def.name,
          version: def.id === 'sql' ? `PGlite ${version}` : version,
          fileName: def.fileName,
          compiled: Boolean(def.compile),
          editorMode: def.editorMode,
          helloWorld: def.helloWorld,
        });
      });
      return map;
    })();
    return languagesPromise;
  }

  async function stage(files: Record<string, string | Buffer>): Promise<{ dir: string; remove(): Promise<void> }> {
    const dir = path.join(stagingRoot, randomBytes(8).toString('hex'));
    await mkdir(dir, { mode: 0o755 });
    for (const [name, data] of Object.entries(files)) await writeFile(path.join(dir, name), data, { mode: 0o644 });
    return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
  }

  function runLimits(
    def: LanguageDefinition,
    job: Pick<ExecutionJob, 'timeLimitMs' | 'memoryLimitMb'>,
    outputBytes: number,
  ): SandboxLimits {
    const cpuMs = Math.min((job.timeLimitMs ?? DEFAULT_LIMITS.cpuMs) * def.timeFactor, DEFAULT_LIMITS.maxCpuMs);
    const memoryMb =
      job.memoryLimitMb && !def.memoryFixed ? Math.min(job.memoryLimitMb * def.memoryFactor, 1024) : def.memoryMb;
    return {
      cpuMs,
      wallMs: Math.min(2 * cpuMs + 1000, DEFAULT_LIMITS.maxWallMs),
      memoryBytes: memoryMb * 1024 * 1024,
      pids: def.pids,
      fileSizeBytes: DEFAULT_LIMITS.fileSizeBytes,
      openFiles: DEFAULT_LIMITS.openFiles,
      stackBytes: DEFAULT_LIMITS.stackBytes,
      stdoutBytes: outputBytes,
      stderrBytes: outputBytes,
      tmpfsBytes: DEFAULT_LIMITS.tmpfsBytes,
    };
  }

  /** Compiles (or finds in the cache) and returns the binds a run needs. */
  async function prepare(def: LanguageDefinition, version: string, source: string): Promise<CompileOutcome> {
    let setup: Prepared | null = null;
    if (def.setup) {
      const built = await build(def, version, def.setup, null);
      if (!built.ok)
        return {
          ok: false,
          result: {
            ...built.result,
            verdict: 'internal_error',
            detail: `${def.name} runtime setup failed: ${built.result.detail ?? ''}`,
          },
        };
      setup = built.prepared;
    }
    const withSetup = (prepared: Prepared): Prepared =>
      setup
        ? { binds: [...setup.binds, ...prepared.binds], release: () => (setup.release(), prepared.release()) }
        : prepared;
    if (!def.compile) {
      const staged = await stage({ [def.fileName]: source });
      return {
        ok: true,
        prepared: withSetup({
          binds: [{ host: path.join(staged.dir, def.fileName), sandbox: `/box/${def.fileName}` }],
          release: () => void staged.remove(),
        }),
      };
    }
    const compiled = await build(def, version, def.compile, source);
    if (!compiled.ok) setup?.release();
    return compiled.ok ? { ok: true, prepared: withSetup(compiled.prepared) } : compiled;
  }

  /** Runs a build step (compile, or a language's one-time setup when source is null), cached by its inputs. */
  async function build(
    def: LanguageDefinition,
    version: string,
    step: CompileStep,
    source: string | null,
  ): Promise<CompileOutcome> {
    const argv = step.argv;
    const key = createHash('sha256')
      .update(JSON.stringify([def.id, version, argv, source]))
      .digest('hex');
    const toPrepared = (artefact: CachedArtefact): Prepared => ({
      binds: artefact.files.map((f) => ({ host: path.join(artefact.dir, f), sandbox: `/box/${f}` })),
      release: () => artefact.release(),
    });
    const hit = cache.acquire(key);
    if (hit) return { ok: true, prepared: toPrepared(hit) };
    let pending = inflightCompiles.get(key);
    if (!pending) {
      pending = compile(def, key, source).finally(() => inflightCompiles.delete(key));
      inflightCompiles.set(key, pending);
      return pending;
    }
    const outcome = await pending;
    if (!outcome.ok) return outcome;
    outcome.prepared.release();
    const again = cache.acquire(key);
    return again ? { ok: true, prepared: toPrepared(again) } : compile(def, key, source);

    async function compile(d: LanguageDefinition, k: string, src: string | null): Promise<CompileOutcome> {
      const staged = await stage(src === null ? {} : { [d.fileName]: src });
      const limits = DEFAULT_LIMITS.compile;
      let run: SandboxRun;
      try {
        run = await withSlot((slot) =>
          runInSandbox(
            slot.host,
            {
              // The compiler's own stdout goes to stderr; stdout carries only the artefact tarball.
              argv: [
                '/bin/sh',
                '-c',
                'mkdir out && exec 3>&1 1>&2 && "$@" && exec tar -cf - -C out . >&3',
                'compile',
                ...argv,
              ],
              env: d.env,
              binds: [
                ...d.binds,
                ...(src === null ? [] : [{ host: path.join(staged.dir, d.fileName), sandbox: `/box/${d.fileName}` }]),
              ],
              limits: {
                cpuMs: limits.cpuMs,
                wallMs: limits.wallMs,
                memoryBytes: step.memoryMb ? step.memoryMb * 1024 * 1024 : limits.memoryBytes,
                pids: limits.pids,
                fileSizeBytes: limits.artefactBytes,
                openFiles: 1024,
                stackBytes: DEFAULT_LIMITS.stackBytes,
                stdoutBytes: limits.artefactBytes,
                stderrBytes: limits.diagnosticsBytes,
                tmpfsBytes: limits.tmpfsBytes,
              },
            },
            spawner.launch,
          ),
        );
      } finally {
        await staged.remove();
      }
      const diagnostics = run.stderr.toString('utf8');
      const o = run.outcome;
      const failed = (detail: string): CompileOutcome => ({
        ok: false,
        result: {
          ...EMPTY_RESULT,
          verdict: 'compilation_error',
          detail,
          languageVersion: version,
          compileOutput: diagnostics,
          cpuMs: round(o.cpuMs),
          wallMs: round(o.wallMs),
        },
      });
      if (o.status === 'internal' || o.status === 'setup-failed' || o.status === 'terminated')
        return {
          ok: false,
          result: {
            ...EMPTY_RESULT,
            verdict: 'internal_error',
            detail: o.error ?? 'compile sandbox failed',
            languageVersion: version,
            compileOutput: diagnostics,
          },
        };
      if (o.status === 'timeout') return failed('Compilation time limit exceeded.');
      if (o.status === 'oom') return failed('The compiler ran out of memory.');
      if (o.status === 'output-limit')
        return failed(o.limit === 'stdout' ? 'The compiled program is too large.' : 'Too many compiler messages.');
      if (o.exitCode !== 0) return failed('The compiler reported errors.');
      let files;
      try {
        files = parseArtefactTar(run.stdout);
      } catch (error) {
        return failed(`The compiler produced unexpected files (${(error as Error).message}).`);
      }
      if (files.length === 0) return failed('The compiler produced no program.');
      const artefact = await cache.put(k, files);
      return { ok: true, prepared: toPrepared(artefact) };
    }
  }

  interface ProgramRun {
    run: SandboxRun;
    classified: ReturnType<typeof classifyRun>;
    limits: SandboxLimits;
  }

  async function runProgram(
    def: LanguageDefinition,
    prepared: Prepared,
    limits: SandboxLimits,
    stdin: string,
    extra: { binds?: Bind[]; args?: string[]; onEvent?: (event: EngineEvent) => void },
  ): Promise<ProgramRun> {
    const decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
    const emit = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const data = decoders[stream].write(chunk);
      if (data) extra.onEvent?.({ type: 'output', stream, data });
    };
    const spec = {
      argv: [...def.run, ...(extra.args ?? [])],
      env: def.env,
      binds: [...def.binds, ...prepared.binds, ...(extra.binds ?? [])],
      limits,
      stdin,
      ...(extra.onEvent ? { onStdout: emit('stdout'), onStderr: emit('stderr') } : {}),
    };
    // Checker runs (extra binds) and languages with a setup artefact stay cold (ADR 0021).
    const warm =
      pool && !extra.binds && !def.setup ? await prepareWarmRun(def.id, def.binds, prepared.binds, spec) : null;
    const run = await withSlot(
      (slot) =>
        pool && warm
          ? runWarmOrCold(pool, spawner.launch, slot, warm, spec)
          : runInSandbox(slot.host, spec, spawner.launch),
      pool && warm ? (slot) => pool.rank(slot.index, warm.profileKey) : undefined,
    );
    return { run, limits, classified: classifyRun(run.outcome, { memoryLimitBytes: limits.memoryBytes }) };
  }

  const { judgeTest } = createTestJudge({ prepare, stage, runProgram, runLimits });

  async function execute(job: ExecutionJob, onEvent?: (event: EngineEvent) => void): Promise<EngineResult> {
    const versions = await installed();
    const info = versions.get(job.language);
    if (!info)
      return { ...EMPTY_RESULT, verdict: 'internal_error', detail: `${job.language} is not installed on this runner` };
    const def = CATALOGUE[job.language];
    if (def.compile) onEvent?.({ type: 'phase', phase: 'compiling' });
    const compiled = await prepare(def, info.version, job.source);
    if (!compiled.ok) return compiled.result;
    const prepared = compiled.prepared;
    onEvent?.({ type: 'phase', phase: 'running' });
    try {
      if (job.mode === 'run') {
        const limits = runLimits(def, job, DEFAULT_LIMITS.runOutputBytes);
        const { run, classified } = await runProgram(
          def,
          prepared,
          limits,
          job.stdin ?? '',
          onEvent ? { onEvent } : {},
        );
        return {
          ...EMPTY_RESULT,
          verdict: classified.verdict,
          detail: classified.detail,
          languageVersion: info.version,
          exitCode: classified.exitCode,
          signal: classified.signal,
          stdout: run.stdout.toString('utf8'),
          stderr: run.stderr.toString('utf8'),
          cpuMs: round(run.outcome.cpuMs),
          wallMs: round(run.outcome.wallMs),
          memoryKb: Math.round(run.outcome.memoryBytes / 1024),
        };
      }
      const tests: TestResult[] = [];
      let failedAlready = false;
      for (const test of job.tests) {
        if (failedAlready && job.stopOnFirstFailure) {
          const skipped = skippedTest(test);
          tests.push(skipped);
          onEvent?.({ type: 'test', test: skipped });
          continue;
        }
        const limits = runLimits(def, job, DEFAULT_LIMITS.judgeOutputBytes);
        const { run, classified } = await runProgram(def, prepared, limits, test.input, {});
        const actual = run.stdout.toString('utf8');
        const comparator = test.comparator ?? job.comparator ?? DEFAULT_COMPARATOR;
        const { verdict, detail, diff } = await judgeTest(test, comparator, classified, actual, versions);
        const result: TestResult = {
          ordinal: test.ordinal,
          hidden: test.hidden,
          verdict,
          detail,
          cpuMs: round(run.outcome.cpuMs),
          wallMs: round(run.outcome.wallMs),
          memoryKb: Math.round(run.outcome.memoryBytes / 1024),
          input: test.input,
          expectedOutput: test.expectedOutput,
          actualOutput: actual,
          stderr: run.stderr.toString('utf8'),
          diff,
        };
        tests.push(result);
        onEvent?.({ type: 'test', test: result });
        if (verdict !== 'accepted') failedAlready = true;
      }
      const first = tests.find((t) => t.verdict !== 'accepted' && t.verdict !== 'skipped');
      const sum = (pick: (t: TestResult) => number | null) => tests.reduce((acc, t) => acc + (pick(t) ?? 0), 0);
      return {
        ...EMPTY_RESULT,
        verdict: overallVerdict(tests),
        detail: first ? `test ${first.ordinal}: ${first.detail ?? first.verdict}` : null,
        languageVersion: info.version,
        cpuMs: round(sum((t) => t.cpuMs)),
        wallMs: round(sum((t) => t.wallMs)),
        memoryKb: tests.reduce((acc, t) => Math.max(acc, t.memoryKb ?? 0), 0),
        tests,
        testsPassed: countPassed(tests),
        testsTotal: tests.length,
      };
    } finally {
      prepared.release();
    }
  }

  logger?.info({ slots: slotCount, cgroup, workDir: root }, 'sandbox engine ready');
  return {
    slots: slotCount,
    async languages() {
      return [...(await installed()).values()];
    },
    execute,
    async close() {
      await pool?.close();
      spawner.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
