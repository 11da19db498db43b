import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import { bodyOf, detailOf, MEMBER_USER, ORG_ID, PACKAGE, PROBLEM_ID } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SESSION = { 'GET /api/v1/auth/session': sessionOf(MEMBER_USER) };

describe('Import a problem', () => {
  it('names the test case and field of every problem before anything is sent', async () => {
    const fetch = stubFetch(SESSION);
    renderApp('/questions/import');
    const form = await screen.findByRole('form', { name: 'Import a problem' });
    const broken = { ...PACKAGE, tests: [PACKAGE.tests[0], { ...PACKAGE.tests[1], weight: 'heavy' }] };
    fireEvent.change(within(form).getByLabelText('Or paste the package'), {
      target: { value: JSON.stringify(broken) },
    });
    const alert = await within(form).findByText('1 problem in the package');
    expect(alert.closest('[role="status"]')?.textContent).toContain('Test case 2 › weight');
    expect(alert.closest('[role="status"]')?.textContent).toContain('tests.1.weight');
    expect(within(form).getByRole('button', { name: 'Import as draft' })).toHaveProperty('disabled', true);
    expect(pageCalls(fetch)).toHaveLength(0);
  }, 20_000);

  it('imports a valid package and shows the server’s issues in the same words when it refuses', async () => {
    let sent: unknown;
    let attempt = 0;
    stubFetch({
      ...SESSION,
      [`GET /api/v1/problems/${PROBLEM_ID}`]: { body: detailOf() },
      [`GET /api/v1/problems/${PROBLEM_ID}/preview`]: { status: 503, body: undefined },
      'POST /api/v1/problems/import': (init) => {
        sent = bodyOf(init);
        if (++attempt > 1) return { status: 201, body: detailOf() };
        return {
          status: 400,
          body: {
            type: 'https://interviewselect.dev/problems/validation_failed',
            title: 'Invalid request',
            status: 400,
            detail: 'The request is invalid.',
            code: 'request.validation_failed',
            issues: [{ path: 'body.package.tests.0.expectedOutput', message: 'Too long.' }],
          },
        };
      },
    });
    const { router } = renderApp('/questions/import');
    const form = await screen.findByRole('form', { name: 'Import a problem' });
    fireEvent.change(within(form).getByLabelText('Or paste the package'), {
      target: { value: JSON.stringify(PACKAGE) },
    });
    expect(await within(form).findByText('Ready to import “Sum of two”')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Import as draft' }));
    const refused = await within(form).findByText('The server refused the package');
    expect(refused.closest('[role="status"]')?.textContent).toContain('Test case 1 › expected output');
    expect(sent).toEqual({ orgId: ORG_ID, package: PACKAGE });

    fireEvent.click(within(form).getByRole('button', { name: 'Import as draft' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/questions/${PROBLEM_ID}`));
  }, 20_000);
});
