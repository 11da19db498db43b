/**
 * Judging one test case once its program ran: the run's own verdict, then the
 * output against the expected output with the test's comparator — a built-in
 * one, or a checker program compiled and run in the sandbox like any program
 * (`checker input expected actual`; exit 0 accepts, exit 1 rejects with its
 * stdout as the reason, anything else is an internal error).
 */
import path from 'node:path';
import type { Comparator, LanguageId, LanguageInfo, TestResult } from '@interviewselect/contracts';
import { CATALOGUE, DEFAULT_LIMITS, type LanguageDefinition } from '../languages/catalogue.js';
import type { Bind, SandboxLimits, SandboxRun } from '../sandbox/sandbox.js';
import type { EngineResult, ExecutionJob, JudgeTest } from '../types.js';
import { compareOutput } from './compare.js';
import { unifiedDiff } from './diff.js';
import type { RunClassification } from './verdict.js';

/** The only wrong-answer detail a hidden test gets (comparator reasons may quote its expected output). */
export const HIDDEN_MISMATCH = 'the output differs from the expected output';

interface CheckerProgram {
  binds: Bind[];
  release(): void;
}

/** What the engine lends the judge to compile (cached), stage and run a checker program. */
export interface CheckerHost {
  prepare: (
    def: LanguageDefinition,
    version: string,
    source: string,
  ) => Promise<{ ok: true; prepared: CheckerProgram } | { ok: false; result: EngineResult }>;
  stage: (files: Record<string, string>) => Promise<{ dir: string; remove(): Promise<void> }>;
  runProgram: (
    def: LanguageDefinition,
    prepared: CheckerProgram,
    limits: SandboxLimits,
    stdin: string,
    extra: { binds?: Bind[]; args?: string[] },
  ) => Promise<{ run: SandboxRun; classified: RunClassification }>;
  runLimits: (
    def: LanguageDefinition,
    job: Pick<ExecutionJob, 'timeLimitMs' | 'memoryLimitMb'>,
    outputBytes: number,
  ) => SandboxLimits;
}

/** A test's verdict, its detail and (for a wrong answer) the diff of expected and actual output. */
export type TestJudgement = Pick<TestResult, 'verdict' | 'detail' | 'diff'>;

export function createTestJudge(host: CheckerHost) {
  async function check(
    comparator: Comparator,
    test: JudgeTest,
    actual: string,
    versions: Map<LanguageId, LanguageInfo>,
  ): Promise<{ ok: boolean; reason?: string; internal?: string }> {
    if (comparator.kind !== 'checker') return compareOutput(test.expectedOutput, actual, comparator);
    const def = CATALOGUE[comparator.language];
    const info = versions.get(comparator.language);
    if (!info) return { ok: false, internal: `checker language ${comparator.language} is not installed` };
    const prepared = await host.prepare(def, info.version, comparator.source);
    if (!prepared.ok)
      return { ok: false, internal: `the checker does not compile: ${prepared.result.compileOutput ?? ''}` };
    const files = await host.stage({ input: test.input, expected: test.expectedOutput, actual });
    try {
      const { run, classified } = await host.runProgram(
        def,
        prepared.prepared,
        host.runLimits(def, { timeLimitMs: 5000 }, DEFAULT_LIMITS.judgeOutputBytes),
        '',
        {
          binds: ['input', 'expected', 'actual'].map((f) => ({ host: path.join(files.dir, f), sandbox: `/box/${f}` })),
          args: ['input', 'expected', 'actual'],
        },
      );
      const message = run.stdout.toString('utf8').trim().slice(0, 500);
      if (classified.verdict === 'accepted') return { ok: true };
      if (classified.exitCode === 1) return { ok: false, reason: message || 'the checker rejected the output' };
      return { ok: false, internal: `the checker failed (${classified.detail ?? classified.verdict})` };
    } finally {
      prepared.prepared.release();
      await files.remove();
    }
  }

  /** The verdict of one test whose program ran (classified) and printed `actual`. */
  async function judgeTest(
    test: JudgeTest,
    comparator: Comparator,
    classified: RunClassification,
    actual: string,
    versions: Map<LanguageId, LanguageInfo>,
  ): Promise<TestJudgement> {
    if (classified.verdict !== 'accepted')
      return { verdict: classified.verdict, detail: classified.detail, diff: null };
    const judged = await check(comparator, test, actual, versions);
    if (judged.internal) return { verdict: 'internal_error', detail: judged.internal, diff: null };
    if (judged.ok) return { verdict: classified.verdict, detail: classified.detail, diff: null };
    // Only an exact comparison cares about trailing whitespace: keep the others' diffs free of that noise.
    const shown = (text: string) => (comparator.kind === 'exact' ? text : trimTrailing(text));
    return {
      verdict: 'wrong_answer',
      // A reason may quote the expected output: never for a hidden test.
      detail: test.hidden ? HIDDEN_MISMATCH : (judged.reason ?? null),
      diff: unifiedDiff(shown(test.expectedOutput), shown(actual)) || null,
    };
  }

  return { judgeTest };
}

/** Trailing whitespace of each line and trailing blank lines removed, one final newline. */
function trimTrailing(text: string): string {
  const lines = text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The result of a test not run because an earlier one failed (stopOnFirstFailure). */
export function skippedTest(test: JudgeTest): TestResult {
  return {
    ordinal: test.ordinal,
    hidden: test.hidden,
    verdict: 'skipped',
    detail: 'skipped after an earlier failure',
    cpuMs: null,
    wallMs: null,
    memoryKb: null,
    input: test.input,
    expectedOutput: test.expectedOutput,
    actualOutput: null,
    stderr: null,
    diff: null,
  };
}
