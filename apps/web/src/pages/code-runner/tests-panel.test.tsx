import type { CreateExecutionInput } from '@interviewselect/contracts';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import { EXECUTION_ID, executionOf, PYTHON, sseResponse, stubRunnerFetch, testResultOf } from './test-fixtures';

const EVENTS = `GET /api/v1/executions/${EXECUTION_ID}/events`;
const DIFF = '--- expected\n+++ actual\n@@ -1 +1 @@\n-zyx\n+xyz\n';

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Code runner: Tests', () => {
  it('runs the custom tests and shows each verdict, the failure diff and "1 / 2 passed"', async () => {
    const passed = testResultOf({ ordinal: 0, verdict: 'accepted', wallMs: 21, memoryKb: 8192 });
    const failed = testResultOf({ ordinal: 1, verdict: 'wrong_answer', diff: DIFF, actualOutput: 'xyz\n' });
    const fetch = stubRunnerFetch(
      {
        'GET /api/v1/auth/session': sessionOf(TEST_USER),
        'GET /api/v1/languages': { body: { languages: [PYTHON] } },
        'POST /api/v1/executions': { status: 202, body: { id: EXECUTION_ID, status: 'pending' } },
      },
      {
        [EVENTS]: () =>
          sseResponse([
            { type: 'status', status: 'running' },
            { type: 'test', test: passed },
            { type: 'test', test: failed },
            {
              type: 'done',
              execution: executionOf({
                mode: 'test',
                verdict: 'wrong_answer',
                testsPassed: 1,
                testsTotal: 2,
                tests: [passed, failed],
              }),
            },
          ]),
      },
    );
    const { router } = renderApp('/run');
    fireEvent.click(await screen.findByRole('tab', { name: 'Tests' }));
    expect(router.state.location.search).toBe('?tab=tests');
    const panel = screen.getByRole('tabpanel', { name: 'Tests' });

    fireEvent.change(within(panel).getByRole('textbox', { name: 'Input of test 1' }), { target: { value: 'abc' } });
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Expected output of test 1' }), {
      target: { value: 'cba' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Add test' }));
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Input of test 2' }), { target: { value: 'xyz' } });
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Expected output of test 2' }), {
      target: { value: 'zyx' },
    });
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Stop on first failure' }));
    fireEvent.click(screen.getByRole('button', { name: 'Run tests' }));

    expect(await within(panel).findByText('1 / 2 passed')).toBeTruthy();
    const rows = within(panel).getAllByRole('row');
    expect(within(rows[1]!).getByText('Accepted')).toBeTruthy();
    expect(within(rows[1]!).getByText('21 ms · 8.0 MB')).toBeTruthy();
    expect(within(rows[2]!).getByText('Wrong Answer')).toBeTruthy();
    const diff = within(panel).getByText('Test 2: expected vs actual output');
    expect(diff).toBeTruthy();
    expect(within(panel).getByText('-zyx')).toBeTruthy();
    expect(within(panel).getByText('+xyz')).toBeTruthy();
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe(
      'Wrong Answer: 1 of 2 tests passed, wall time 31 ms.',
    );

    const post = pageCalls(fetch).find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(post?.[1]?.body as string) as CreateExecutionInput).toEqual({
      language: 'python',
      source: PYTHON.helloWorld,
      mode: 'test',
      tests: [
        { input: 'abc', expectedOutput: 'cba' },
        { input: 'xyz', expectedOutput: 'zyx' },
      ],
      stopOnFirstFailure: true,
    });
  });

  it('removes rows but always keeps one, and opens on the Tests tab from the URL', async () => {
    stubRunnerFetch({
      'GET /api/v1/auth/session': sessionOf(TEST_USER),
      'GET /api/v1/languages': { body: { languages: [PYTHON] } },
    });
    renderApp('/run?tab=tests');
    const panel = await screen.findByRole('tabpanel', { name: 'Tests' });
    expect(screen.getByRole('tab', { name: 'Tests' }).getAttribute('aria-selected')).toBe('true');
    expect(within(panel).getByRole('button', { name: 'Remove test 1' })).toHaveProperty('disabled', true);
    fireEvent.click(within(panel).getByRole('button', { name: 'Add test' }));
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Input of test 2' }), { target: { value: 'keep' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Remove test 1' }));
    expect(within(panel).getByRole<HTMLTextAreaElement>('textbox', { name: 'Input of test 1' }).value).toBe('keep');

    // Arrow keys move between tabs (WAI-ARIA tabs pattern).
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Tests' }), { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: 'Run' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Run' }));
  });
});
