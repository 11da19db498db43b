import type { CandidateProblemView } from '@interviewselect/contracts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startView } from '../code-runner/execution-view';
import { executionOf, testResultOf } from '../code-runner/test-fixtures';
import type { ExecutionRun } from '../code-runner/use-execution';
import { ProblemTestsPanel } from './problem-tests-panel';

afterEach(cleanup);

const PROBLEM: CandidateProblemView = {
  problemId: '0197b2a4-0000-7000-8000-000000000001',
  versionId: '0197b2a4-0000-7000-8000-000000000002',
  version: 1,
  title: 'Sum',
  difficulty: 'easy',
  category: 'coding',
  statement: 'Add.',
  constraints: '',
  examples: [],
  tests: [
    { name: 'small', input: '1 2\n', expectedOutput: '3\n' },
    { name: 'zero', input: '0 0\n', expectedOutput: '0\n' },
  ],
  hiddenTestCount: 1,
  starterCode: {},
  timeLimitMs: 2000,
  memoryLimitMb: 256,
  estimatedMinutes: 20,
};

const runOf = (view: ExecutionRun['view']): ExecutionRun => ({ view, failure: null, isRunning: false, start: vi.fn() });

describe('ProblemTestsPanel', () => {
  it('lists the visible tests with their data before anything ran', () => {
    render(
      <ProblemTestsPanel
        problem={PROBLEM}
        run={runOf(null)}
        by={null}
        isStopOnFirstFailure={false}
        onStopOnFirstFailureChange={vi.fn()}
      />,
    );
    expect(screen.getByText('2 visible, 1 hidden — Submit runs all of them')).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      expect.stringMatching(/^smallInput and expected outputInput1 2\s+Expected output3/),
      expect.stringMatching(/^zeroInput and expected outputInput0 0\s+Expected output0/),
    ]);
  });

  it('after a submit: hidden tests by number with verdicts only, visible ones with their diff', () => {
    const diff = '--- expected\n+++ actual\n@@ -1 +1 @@\n-0\n+1\n';
    const tests = [
      testResultOf({ ordinal: 0, verdict: 'accepted' }),
      testResultOf({ ordinal: 1, verdict: 'wrong_answer', diff, actualOutput: '1\n' }),
      testResultOf({ ordinal: 2, verdict: 'wrong_answer', hidden: true }),
    ];
    const execution = executionOf({
      mode: 'submit',
      status: 'completed',
      verdict: 'wrong_answer',
      testsPassed: 1,
      testsTotal: 3,
      tests,
    });
    const view = { ...startView('test'), status: 'completed' as const, tests, execution };
    const onStop = vi.fn();
    render(
      <ProblemTestsPanel
        problem={PROBLEM}
        run={runOf(view)}
        by="Casey"
        isStopOnFirstFailure={false}
        onStopOnFirstFailureChange={onStop}
      />,
    );
    expect(screen.getByText('Submit by Casey: 1 / 3 passed')).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[2]!).getByRole('rowheader').textContent).toBe('Hidden test 1');
    expect(within(rows[2]!).queryByText('Input and expected output')).toBeNull();
    fireEvent.click(within(rows[1]!).getByText('Input and expected output'));
    expect(within(rows[1]!).getByText('Difference')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Stop on first failure' }));
    expect(onStop).toHaveBeenCalledWith(true);
  });
});
