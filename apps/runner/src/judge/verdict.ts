/**
 * Verdicts of a run (research/execution.md §6.3): what the sandbox helper saw
 * becomes a verdict before output comparison, and per-test verdicts fold into
 * the execution's overall verdict.
 */
import { VERDICTS, type Verdict } from '@interviewselect/contracts';

/** What the sandbox helper reports about one process run. */
export interface SandboxOutcome {
  status: 'exited' | 'timeout' | 'oom' | 'output-limit' | 'killed' | 'setup-failed' | 'terminated' | 'internal';
  /** Which limit ended the run, if any. */
  limit: 'cpu' | 'wall' | 'stdout' | 'stderr' | 'terminated' | null;
  /** -1 if none; a program killed by signal N shows 128 + N. */
  exitCode: number;
  cpuMs: number;
  wallMs: number;
  /** Peak memory of the run's cgroup. */
  memoryBytes: number;
  /** The cgroup's oom_kill counter. */
  oomKills: number;
  /** Times a fork failed on the cgroup's pids.max. */
  pidsLimitHits: number;
  stdoutBytes: number;
  stderrBytes: number;
  error?: string;
}

/**
 * The verdict of the program run alone. `accepted` means "ran fine"; the caller
 * then compares output and may turn it into `wrong_answer`. `exitCode` and
 * `signal` describe how the program ended by itself, so they stay null when the
 * sandbox stopped it (limits, cancellation, faults).
 */
export interface RunClassification {
  verdict: Verdict;
  detail: string | null;
  exitCode: number | null;
  signal: string | null;
}

/** Shells report death by signal N as exit status 128 + N. */
const SIGNAL_EXIT_BASE = 128;
const MAX_SIGNAL = 64;
/** SIGKILL as an exit status; the OOM killer and our own limits both send it. */
const SIGKILL_EXIT = SIGNAL_EXIT_BASE + 9;
/** Peak memory this close to the limit plus a SIGKILL counts as MLE (§6.3, step 4). */
const OOM_PEAK_RATIO = 0.95;

/** Linux signal numbers (x86 and ARM; they agree on 1–31). */
const SIGNAL_NAMES: Readonly<Record<number, string>> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  4: 'SIGILL',
  5: 'SIGTRAP',
  6: 'SIGABRT',
  7: 'SIGBUS',
  8: 'SIGFPE',
  9: 'SIGKILL',
  10: 'SIGUSR1',
  11: 'SIGSEGV',
  12: 'SIGUSR2',
  13: 'SIGPIPE',
  14: 'SIGALRM',
  15: 'SIGTERM',
  16: 'SIGSTKFLT',
  17: 'SIGCHLD',
  18: 'SIGCONT',
  19: 'SIGSTOP',
  20: 'SIGTSTP',
  21: 'SIGTTIN',
  22: 'SIGTTOU',
  23: 'SIGURG',
  24: 'SIGXCPU',
  25: 'SIGXFSZ',
  26: 'SIGVTALRM',
  27: 'SIGPROF',
  28: 'SIGWINCH',
  29: 'SIGIO',
  30: 'SIGPWR',
  31: 'SIGSYS',
};

/** Severity rank of each verdict: lower is more severe (the order of contracts' VERDICTS). */
export const VERDICT_ORDER: Readonly<Record<Verdict, number>> = Object.fromEntries(
  VERDICTS.map((verdict, index) => [verdict, index]),
) as Record<Verdict, number>;

/** `SIGSEGV` for 11 and so on; `signal N` for numbers without a name. */
export function signalName(n: number): string {
  return SIGNAL_NAMES[n] ?? `signal ${n}`;
}

/** Classifies one run by the precedence of §6.3: internal, OLE, MLE, TLE, cancelled, signal, exit code. */
export function classifyRun(outcome: SandboxOutcome, opts: { memoryLimitBytes: number }): RunClassification {
  const result = classifyOutcome(outcome, opts.memoryLimitBytes);
  if (outcome.pidsLimitHits > 0 && isProgramFailure(result.verdict)) {
    const note = 'process limit reached';
    return { ...result, detail: result.detail === null ? note : `${result.detail} (${note})` };
  }
  return result;
}

function classifyOutcome(outcome: SandboxOutcome, memoryLimitBytes: number): RunClassification {
  const { status, exitCode } = outcome;
  if (status === 'internal' || status === 'setup-failed') {
    return stopped('internal_error', outcome.error ?? 'sandbox setup failed');
  }
  if (status === 'output-limit') return stopped('output_limit_exceeded', outputLimitDetail(outcome.limit));
  if (isOutOfMemory(outcome, memoryLimitBytes)) return stopped('memory_limit_exceeded', null);
  if (status === 'timeout') return stopped('time_limit_exceeded', outcome.limit === 'cpu' ? 'cpu' : 'wall');
  if (status === 'terminated') return stopped('internal_error', 'run cancelled');
  if (exitCode > SIGNAL_EXIT_BASE && exitCode <= SIGNAL_EXIT_BASE + MAX_SIGNAL) {
    const signal = signalName(exitCode - SIGNAL_EXIT_BASE);
    return { verdict: 'runtime_error', detail: signal, exitCode: null, signal };
  }
  // -1: the helper saw no exit status; only a kill explains that for a program.
  if (exitCode < 0) {
    return status === 'killed'
      ? stopped('runtime_error', 'killed')
      : stopped('internal_error', 'sandbox reported no exit status');
  }
  if (exitCode !== 0) return { verdict: 'runtime_error', detail: `exit code ${exitCode}`, exitCode, signal: null };
  return { verdict: 'accepted', detail: null, exitCode: 0, signal: null };
}

/** §6.3 step 4: the OOM killer fired, or a SIGKILL came with peak memory at the limit. */
function isOutOfMemory(outcome: SandboxOutcome, memoryLimitBytes: number): boolean {
  if (outcome.status === 'oom' || outcome.oomKills > 0) return true;
  return (
    outcome.exitCode === SIGKILL_EXIT &&
    memoryLimitBytes > 0 &&
    outcome.memoryBytes >= OOM_PEAK_RATIO * memoryLimitBytes
  );
}

function outputLimitDetail(limit: SandboxOutcome['limit']): string {
  return limit === 'stdout' || limit === 'stderr' ? limit : 'output';
}

/** A verdict for a run the program did not end by itself. */
function stopped(verdict: Verdict, detail: string | null): RunClassification {
  return { verdict, detail, exitCode: null, signal: null };
}

/** Failures of the program (not of the sandbox), where hitting pids.max may explain the failure. */
function isProgramFailure(verdict: Verdict): boolean {
  return verdict !== 'accepted' && verdict !== 'internal_error' && verdict !== 'skipped';
}

/** The first verdict in test order that is neither accepted nor skipped; `accepted` if there is none. */
export function overallVerdict(tests: readonly { verdict: Verdict }[]): Verdict {
  return tests.find((test) => test.verdict !== 'accepted' && test.verdict !== 'skipped')?.verdict ?? 'accepted';
}

/** The more severe of two verdicts by VERDICT_ORDER. */
export function worstVerdict(a: Verdict, b: Verdict): Verdict {
  return VERDICT_ORDER[b] < VERDICT_ORDER[a] ? b : a;
}

/** Tests whose verdict is `accepted`. */
export function countPassed(tests: readonly { verdict: Verdict }[]): number {
  return tests.filter((test) => test.verdict === 'accepted').length;
}
