import { VERDICTS, type Verdict } from '@interviewselect/contracts';
import { describe, expect, it } from 'vitest';
import {
  classifyRun,
  countPassed,
  overallVerdict,
  signalName,
  VERDICT_ORDER,
  worstVerdict,
  type SandboxOutcome,
} from './verdict.js';

const MIB = 1024 * 1024;
const limits = { memoryLimitBytes: 256 * MIB };

/** A clean exit with code 0; tests override what they exercise. */
function outcome(overrides: Partial<SandboxOutcome> = {}): SandboxOutcome {
  return {
    status: 'exited',
    limit: null,
    exitCode: 0,
    cpuMs: 12,
    wallMs: 20,
    memoryBytes: 8 * MIB,
    oomKills: 0,
    pidsLimitHits: 0,
    stdoutBytes: 3,
    stderrBytes: 0,
    ...overrides,
  };
}

function tests(...verdicts: Verdict[]): { verdict: Verdict }[] {
  return verdicts.map((verdict) => ({ verdict }));
}

describe('signalName', () => {
  it('names the signals a judge sees', () => {
    expect(signalName(11)).toBe('SIGSEGV');
    expect(signalName(9)).toBe('SIGKILL');
    expect(signalName(6)).toBe('SIGABRT');
    expect(signalName(8)).toBe('SIGFPE');
    expect(signalName(7)).toBe('SIGBUS');
    expect(signalName(24)).toBe('SIGXCPU');
    expect(signalName(25)).toBe('SIGXFSZ');
    expect(signalName(13)).toBe('SIGPIPE');
    expect(signalName(31)).toBe('SIGSYS');
  });

  it('falls back to the number', () => {
    expect(signalName(0)).toBe('signal 0');
    expect(signalName(40)).toBe('signal 40');
    expect(signalName(64)).toBe('signal 64');
  });
});

describe('classifyRun', () => {
  it('accepts a clean exit (output is compared by the caller)', () => {
    expect(classifyRun(outcome(), limits)).toEqual({ verdict: 'accepted', detail: null, exitCode: 0, signal: null });
  });

  it('reports sandbox faults as internal errors', () => {
    expect(classifyRun(outcome({ status: 'internal', exitCode: -1, error: 'cgroup write failed' }), limits)).toEqual({
      verdict: 'internal_error',
      detail: 'cgroup write failed',
      exitCode: null,
      signal: null,
    });
    expect(classifyRun(outcome({ status: 'setup-failed', exitCode: -1 }), limits)).toMatchObject({
      verdict: 'internal_error',
      detail: 'sandbox setup failed',
    });
  });

  it('prefers an internal error over every limit', () => {
    const broken = outcome({ status: 'internal', exitCode: 137, oomKills: 1, pidsLimitHits: 3 });
    expect(classifyRun(broken, limits)).toMatchObject({ verdict: 'internal_error', detail: 'sandbox setup failed' });
  });

  it('names the stream that exceeded the output limit', () => {
    expect(classifyRun(outcome({ status: 'output-limit', limit: 'stdout', exitCode: -1 }), limits)).toEqual({
      verdict: 'output_limit_exceeded',
      detail: 'stdout',
      exitCode: null,
      signal: null,
    });
    expect(classifyRun(outcome({ status: 'output-limit', limit: 'stderr', exitCode: 137 }), limits)).toMatchObject({
      verdict: 'output_limit_exceeded',
      detail: 'stderr',
    });
    expect(classifyRun(outcome({ status: 'output-limit', limit: null }), limits).detail).toBe('output');
  });

  it('ranks the output limit above an OOM kill', () => {
    const both = outcome({ status: 'output-limit', limit: 'stdout', oomKills: 1 });
    expect(classifyRun(both, limits).verdict).toBe('output_limit_exceeded');
  });

  describe('memory limit', () => {
    it('follows the oom status', () => {
      expect(classifyRun(outcome({ status: 'oom', exitCode: 137 }), limits)).toEqual({
        verdict: 'memory_limit_exceeded',
        detail: null,
        exitCode: null,
        signal: null,
      });
    });

    it('follows the cgroup oom_kill counter, even when the program survived', () => {
      expect(classifyRun(outcome({ oomKills: 1 }), limits).verdict).toBe('memory_limit_exceeded');
      expect(classifyRun(outcome({ exitCode: 1, oomKills: 2 }), limits).verdict).toBe('memory_limit_exceeded');
    });

    it('reads a SIGKILL at the memory peak as MLE', () => {
      const killed = outcome({ status: 'killed', exitCode: 137, memoryBytes: 0.95 * 256 * MIB });
      expect(classifyRun(killed, limits).verdict).toBe('memory_limit_exceeded');
    });

    it('reads a SIGKILL well below the peak as a runtime error', () => {
      const killed = outcome({ status: 'killed', exitCode: 137, memoryBytes: 0.9 * 256 * MIB });
      expect(classifyRun(killed, limits)).toEqual({
        verdict: 'runtime_error',
        detail: 'SIGKILL',
        exitCode: null,
        signal: 'SIGKILL',
      });
    });

    it('ignores the peak rule without a memory limit', () => {
      const killed = outcome({ exitCode: 137, memoryBytes: 0 });
      expect(classifyRun(killed, { memoryLimitBytes: 0 }).verdict).toBe('runtime_error');
    });

    it('ranks above the time limit', () => {
      const both = outcome({ status: 'timeout', limit: 'cpu', exitCode: 137, oomKills: 1 });
      expect(classifyRun(both, limits).verdict).toBe('memory_limit_exceeded');
    });
  });

  it('names the cpu or wall clock for time limits', () => {
    expect(classifyRun(outcome({ status: 'timeout', limit: 'cpu', exitCode: 137 }), limits)).toEqual({
      verdict: 'time_limit_exceeded',
      detail: 'cpu',
      exitCode: null,
      signal: null,
    });
    expect(classifyRun(outcome({ status: 'timeout', limit: 'wall', exitCode: -1 }), limits).detail).toBe('wall');
    expect(classifyRun(outcome({ status: 'timeout', limit: null }), limits).detail).toBe('wall');
  });

  it('does not read a SIGKILL from the time limit as MLE', () => {
    const slow = outcome({ status: 'timeout', limit: 'wall', exitCode: 137, memoryBytes: 10 * MIB });
    expect(classifyRun(slow, limits).verdict).toBe('time_limit_exceeded');
  });

  it('reports a cancelled run as an internal error', () => {
    expect(classifyRun(outcome({ status: 'terminated', limit: 'terminated', exitCode: -1 }), limits)).toEqual({
      verdict: 'internal_error',
      detail: 'run cancelled',
      exitCode: null,
      signal: null,
    });
  });

  it('names the signal of a crash', () => {
    expect(classifyRun(outcome({ status: 'killed', exitCode: 139 }), limits)).toEqual({
      verdict: 'runtime_error',
      detail: 'SIGSEGV',
      exitCode: null,
      signal: 'SIGSEGV',
    });
    expect(classifyRun(outcome({ exitCode: 134 }), limits).signal).toBe('SIGABRT');
    expect(classifyRun(outcome({ exitCode: 136 }), limits).signal).toBe('SIGFPE');
    expect(classifyRun(outcome({ exitCode: 128 + 64 }), limits).signal).toBe('signal 64');
  });

  it('keeps exit codes outside the signal range as exit codes', () => {
    expect(classifyRun(outcome({ exitCode: 1 }), limits)).toEqual({
      verdict: 'runtime_error',
      detail: 'exit code 1',
      exitCode: 1,
      signal: null,
    });
    expect(classifyRun(outcome({ exitCode: 128 }), limits)).toMatchObject({ detail: 'exit code 128', exitCode: 128 });
    expect(classifyRun(outcome({ exitCode: 193 }), limits)).toMatchObject({ detail: 'exit code 193', exitCode: 193 });
    expect(classifyRun(outcome({ exitCode: 255 }), limits)).toMatchObject({ detail: 'exit code 255', signal: null });
  });

  it('handles a missing exit status', () => {
    expect(classifyRun(outcome({ status: 'killed', exitCode: -1 }), limits)).toMatchObject({
      verdict: 'runtime_error',
      detail: 'killed',
      exitCode: null,
    });
    expect(classifyRun(outcome({ exitCode: -1 }), limits).verdict).toBe('internal_error');
  });

  describe('process limit', () => {
    it('explains a failed program', () => {
      expect(classifyRun(outcome({ exitCode: 1, pidsLimitHits: 1 }), limits).detail).toBe(
        'exit code 1 (process limit reached)',
      );
      expect(classifyRun(outcome({ exitCode: 134, pidsLimitHits: 5 }), limits).detail).toBe(
        'SIGABRT (process limit reached)',
      );
      expect(classifyRun(outcome({ status: 'timeout', limit: 'wall', pidsLimitHits: 2 }), limits).detail).toBe(
        'wall (process limit reached)',
      );
      expect(classifyRun(outcome({ status: 'oom', pidsLimitHits: 2 }), limits).detail).toBe('process limit reached');
    });

    it('leaves successful runs and sandbox faults alone', () => {
      expect(classifyRun(outcome({ pidsLimitHits: 3 }), limits).detail).toBeNull();
      expect(classifyRun(outcome({ status: 'terminated', pidsLimitHits: 3 }), limits).detail).toBe('run cancelled');
    });
  });
});

describe('overallVerdict', () => {
  it('is accepted for no tests or all accepted', () => {
    expect(overallVerdict([])).toBe('accepted');
    expect(overallVerdict(tests('accepted', 'accepted'))).toBe('accepted');
  });

  it('is the first failure in test order, not the most severe', () => {
    expect(overallVerdict(tests('accepted', 'wrong_answer', 'runtime_error'))).toBe('wrong_answer');
    expect(overallVerdict(tests('time_limit_exceeded', 'internal_error'))).toBe('time_limit_exceeded');
  });

  it('looks past skipped tests', () => {
    expect(overallVerdict(tests('skipped', 'accepted'))).toBe('accepted');
    expect(overallVerdict(tests('accepted', 'skipped', 'memory_limit_exceeded'))).toBe('memory_limit_exceeded');
  });
});

describe('worstVerdict', () => {
  it('follows the order of VERDICTS', () => {
    expect(worstVerdict('accepted', 'wrong_answer')).toBe('wrong_answer');
    expect(worstVerdict('runtime_error', 'time_limit_exceeded')).toBe('time_limit_exceeded');
    expect(worstVerdict('internal_error', 'compilation_error')).toBe('internal_error');
    expect(worstVerdict('skipped', 'accepted')).toBe('accepted');
    expect(worstVerdict('output_limit_exceeded', 'output_limit_exceeded')).toBe('output_limit_exceeded');
  });

  it('is symmetric over every pair', () => {
    for (const a of VERDICTS) {
      for (const b of VERDICTS) expect(worstVerdict(a, b)).toBe(worstVerdict(b, a));
    }
  });

  it('ranks every verdict by its index', () => {
    VERDICTS.forEach((verdict, index) => expect(VERDICT_ORDER[verdict]).toBe(index));
  });
});

describe('countPassed', () => {
  it('counts accepted tests only', () => {
    expect(countPassed([])).toBe(0);
    expect(countPassed(tests('accepted', 'wrong_answer', 'accepted', 'skipped'))).toBe(2);
  });
});
