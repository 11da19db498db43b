import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionOf, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import { detailOf, MEMBER_USER, PACKAGE, PROBLEM_ID, VERIFICATION_ID, VERSION_ID } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const BASE = {
  'GET /api/v1/auth/session': sessionOf(MEMBER_USER),
  [`GET /api/v1/problems/${PROBLEM_ID}`]: { body: detailOf() },
  [`GET /api/v1/problems/${PROBLEM_ID}/preview`]: {
    body: {
      problemId: PROBLEM_ID,
      versionId: VERSION_ID,
      version: 1,
      title: PACKAGE.title,
      difficulty: PACKAGE.difficulty,
      category: PACKAGE.category,
      statement: '<img src=x onerror=alert(1)> Read **two** integers.',
      constraints: '',
      examples: PACKAGE.examples,
      tests: [{ name: 'small', input: '1 2\n', expectedOutput: '3\n' }],
      hiddenTestCount: 1,
      starterCode: PACKAGE.starterCode,
      timeLimitMs: 2000,
      memoryLimitMb: 256,
      estimatedMinutes: 10,
    },
  },
};

const verification = (status: string, results: unknown[]) => ({
  body: {
    id: VERIFICATION_ID,
    problemId: PROBLEM_ID,
    versionId: VERSION_ID,
    version: 1,
    status,
    results,
    error: null,
    createdAt: '2026-11-23T09:00:00.000Z',
    finishedAt: status === 'running' ? null : '2026-11-23T09:00:05.000Z',
  },
});

describe('Problem detail', () => {
  it('previews the problem as the candidate sees it, rendered safely, and keeps the tab in the URL', async () => {
    stubFetch(BASE);
    const { router, container } = renderApp(`/questions/${PROBLEM_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sum of two' })).toBeTruthy();
    const preview = await screen.findByRole('article', { name: 'As the candidate sees it' });
    expect(within(preview).getByText('two').tagName).toBe('STRONG');
    expect(container.querySelector('img')).toBeNull();
    expect(within(preview).getByText('1 visible test; 1 hidden test also runs on submit.')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Tests' }));
    await vi.waitFor(() => expect(router.state.location.search).toBe('?tab=tests'));
    const hiddenCase = screen.getByRole('region', { name: 'Test case 2' });
    expect(within(hiddenCase).getByText('Hidden')).toBeTruthy();
  }, 20_000);

  it('publishes: polls the verification and names the language and case that failed', async () => {
    let polls = 0;
    stubFetch({
      ...BASE,
      [`POST /api/v1/problems/${PROBLEM_ID}/publish`]: { status: 202, body: { verificationId: VERIFICATION_ID } },
      [`GET /api/v1/problems/${PROBLEM_ID}/verifications/${VERIFICATION_ID}`]: () =>
        ++polls < 2
          ? verification('running', [])
          : verification('failed', [
              {
                language: 'python',
                passed: 1,
                total: 2,
                failures: [
                  { testIndex: 1, testName: 'negative', verdict: 'wrong_answer', detail: 'expected -2, got 8' },
                ],
              },
            ]),
    });
    renderApp(`/questions/${PROBLEM_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Running')).toBeTruthy();
    expect(await screen.findByText('Failed — not published', {}, { timeout: 8_000 })).toBeTruthy();
    const panel = screen.getByRole('region', { name: 'Verification of version 1' });
    expect(within(panel).getByText('1 of 2 test cases passed')).toBeTruthy();
    expect(within(panel).getByText(/Test case 2 “negative”: Wrong Answer/)).toBeTruthy();
    expect(await screen.findByText('Not published')).toBeTruthy();
  }, 20_000);
});
