import type { ConsoleEntry } from '@interviewselect/contracts';
import { describe, expect, it } from 'vitest';
import { startView } from '../code-runner/execution-view';
import { consoleEntryView, pickShownRun } from './console-view';

function entry(overrides: Partial<ConsoleEntry> = {}): ConsoleEntry {
  return {
    executionId: 'e1',
    at: 1,
    by: 'Interviewer 1',
    mode: 'run',
    language: 'python',
    status: 'completed',
    verdict: 'accepted',
    stdout: 'hello\n',
    stderr: '',
    timeMs: 12,
    memoryKb: 9000.4,
    tests: [],
    ...overrides,
  };
}

describe('console entries as execution views', () => {
  it('streams output while running and has a record once finished', () => {
    const running = consoleEntryView(entry({ status: 'running', verdict: null, stdout: 'hel' }));
    expect(running.execution).toBeNull();
    expect(running.output).toEqual([{ stream: 'stdout', data: 'hel' }]);

    const done = consoleEntryView(entry({ stderr: 'warn' }));
    expect(done.execution).toMatchObject({ verdict: 'accepted', wallMs: 12, memoryKb: 9000, stdout: 'hello\n' });
    expect(done.output).toEqual([
      { stream: 'stdout', data: 'hello\n' },
      { stream: 'stderr', data: 'warn' },
    ]);
  });

  it('shows a compile error as compiler output, not as stderr', () => {
    const view = consoleEntryView(entry({ verdict: 'compilation_error', stdout: '', stderr: 'main.c:1: error' }));
    expect(view.execution?.compileOutput).toBe('main.c:1: error');
    expect(view.output).toEqual([]);
  });

  it('turns tests into results with a pass count, unknown verdicts as internal errors', () => {
    const view = consoleEntryView(
      entry({
        mode: 'test',
        verdict: 'wrong_answer',
        tests: [
          { index: 1, name: 'Test 2', hidden: false, verdict: 'wrong_answer', timeMs: 3, memoryKb: 100 },
          { index: 0, name: 'Test 1', hidden: true, verdict: 'accepted', timeMs: 2, memoryKb: null },
          { index: 2, name: 'Test 3', hidden: false, verdict: 'mystery', timeMs: null, memoryKb: null },
        ],
      }),
    );
    expect(view.mode).toBe('test');
    expect(view.tests.map((t) => [t.ordinal, t.verdict, t.hidden])).toEqual([
      [0, 'accepted', true],
      [1, 'wrong_answer', false],
      [2, 'internal_error', false],
    ]);
    expect(view.execution).toMatchObject({ testsPassed: 1, testsTotal: 3 });
  });
});

describe('which run the console shows', () => {
  const local = (id: string | null, startIndex: number) => ({ id, startIndex, view: startView('run') });

  it('shows the newest entry of the kind, with who ran it', () => {
    const entries = [
      entry({ executionId: 'a' }),
      entry({ executionId: 'b', mode: 'test' }),
      entry({ executionId: 'c', by: 'Candidate' }),
    ];
    expect(pickShownRun(entries, 'run', null)).toMatchObject({ by: 'Candidate', isLocal: false, view: { id: 'c' } });
    expect(pickShownRun(entries, 'test', null)).toMatchObject({ view: { id: 'b' } });
    expect(pickShownRun([], 'run', null)).toBeNull();
  });

  it('prefers this browser’s own run until someone runs after it', () => {
    const entries = [entry({ executionId: 'a' })];
    // Just started: the POST has not answered yet.
    expect(pickShownRun(entries, 'run', local(null, 1))).toMatchObject({ isLocal: true });
    // Its entry arrived and is the newest.
    const withMine = [...entries, entry({ executionId: 'mine' })];
    expect(pickShownRun(withMine, 'run', local('mine', 1))).toMatchObject({ isLocal: true });
    // Someone else ran after it.
    const later = [...withMine, entry({ executionId: 'theirs', by: 'Candidate' })];
    expect(pickShownRun(later, 'run', local('mine', 1))).toMatchObject({ isLocal: false, by: 'Candidate' });
    // Their entry landed before ours was written: theirs counts as newer.
    const racing = [...entries, entry({ executionId: 'theirs' })];
    expect(pickShownRun(racing, 'run', local('mine', 1))).toMatchObject({ isLocal: false });
  });
});
