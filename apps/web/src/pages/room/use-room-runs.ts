import type { ConsoleEntry, LanguageId } from '@interviewselect/contracts';
import { useState } from 'react';
import { newTestCase, toInlineTests, type TestCase } from '../code-runner/test-cases';
import { useExecution, type ExecutionRun } from '../code-runner/use-execution';
import { pickShownRun, type ConsoleMode, type ShownRun } from './console-view';

export interface RoomRuns {
  stdin: string;
  setStdin: (stdin: string) => void;
  cases: TestCase[];
  setCases: (cases: TestCase[]) => void;
  submittedIds: readonly string[];
  isStopOnFirstFailure: boolean;
  setIsStopOnFirstFailure: (value: boolean) => void;
  runExecution: ExecutionRun;
  testExecution: ExecutionRun;
  isBusy: boolean;
  /** The last kind of run this browser started, for the live region. */
  lastMode: ConsoleMode | null;
  /** Which judged run this browser last started: the visible tests, or all of them (submit). */
  testKind: 'test' | 'submit';
  /** The question on screen is a bank problem: Test runs its visible tests and Submit all of them. */
  hasProblem: boolean;
  run: () => void;
  test: () => void;
  submit: () => void;
  shown: (mode: ConsoleMode) => ShownRun | null;
}

/**
 * Run (custom stdin) and Test of the current buffer: the custom tests, or —
 * when the question on screen comes from the question bank — its visible
 * tests, and Submit with the hidden ones too (their data stays on the
 * server; only verdicts come back). The
 * execution carries the interview id, so the server also writes it into the
 * shared console everybody sees; this browser follows its own run over SSE
 * for the full record (compiler output, diffs).
 */
export function useRoomRuns(opts: {
  interviewId: string;
  consoleEntries: readonly ConsoleEntry[];
  /** The current language and its code, read when a run starts. */
  readSource: () => { language: LanguageId; source: string } | null;
  canRun: boolean;
  /** The problem version of the question on screen, if it comes from the question bank. */
  problemVersionId: string | null;
  onStart?: (mode: ConsoleMode) => void;
}): RoomRuns {
  const [stdin, setStdin] = useState('');
  const [cases, setCases] = useState<TestCase[]>(() => [newTestCase()]);
  const [submittedIds, setSubmittedIds] = useState<readonly string[]>([]);
  const [isStopOnFirstFailure, setIsStopOnFirstFailure] = useState(false);
  const [lastMode, setLastMode] = useState<ConsoleMode | null>(null);
  const [testKind, setTestKind] = useState<'test' | 'submit'>('test');
  const [startIndex, setStartIndex] = useState({ run: 0, test: 0 });
  const runExecution = useExecution();
  const testExecution = useExecution();
  const isBusy = runExecution.isRunning || testExecution.isRunning;

  function begin(mode: ConsoleMode) {
    if (isBusy || !opts.canRun) return null;
    const source = opts.readSource();
    if (!source) return null;
    setLastMode(mode);
    setStartIndex((s) => ({ ...s, [mode]: opts.consoleEntries.length }));
    opts.onStart?.(mode);
    return source;
  }

  function run() {
    const source = begin('run');
    if (!source) return;
    void runExecution.start({
      ...source,
      mode: 'run',
      stdin,
      interviewId: opts.interviewId,
      stopOnFirstFailure: false,
    });
  }

  function judge(kind: 'test' | 'submit') {
    const problemVersionId = opts.problemVersionId;
    if (kind === 'submit' && !problemVersionId) return;
    const source = begin('test');
    if (!source) return;
    setTestKind(kind);
    const common = { ...source, interviewId: opts.interviewId, stopOnFirstFailure: isStopOnFirstFailure };
    if (problemVersionId) {
      setSubmittedIds([]);
      void testExecution.start({ ...common, mode: kind, problemVersionId });
      return;
    }
    setSubmittedIds(cases.map((c) => c.id));
    void testExecution.start({ ...common, mode: 'test', tests: toInlineTests(cases) });
  }

  function shown(mode: ConsoleMode): ShownRun | null {
    const execution = mode === 'run' ? runExecution : testExecution;
    const local = execution.view ? { id: execution.view.id, startIndex: startIndex[mode], view: execution.view } : null;
    return pickShownRun(opts.consoleEntries, mode, local);
  }

  return {
    stdin,
    setStdin,
    cases,
    setCases,
    submittedIds,
    isStopOnFirstFailure,
    setIsStopOnFirstFailure,
    runExecution,
    testExecution,
    isBusy,
    lastMode,
    testKind,
    hasProblem: opts.problemVersionId !== null,
    run,
    test: () => judge('test'),
    submit: () => judge('submit'),
    shown,
  };
}
