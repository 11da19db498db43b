import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import { bodyOf, detailOf, MEMBER_USER, ORG_ID, PROBLEM_ID, SUMMARY } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SESSION = { 'GET /api/v1/auth/session': sessionOf(MEMBER_USER) };
const DETAIL = { [`GET /api/v1/problems/${PROBLEM_ID}`]: { body: detailOf() } };
const testRows = () =>
  screen
    .getAllByRole('row')
    .filter((r) => r.getAttribute('aria-label')?.startsWith('Test case'))
    .map((r) => within(r).getByLabelText<HTMLTextAreaElement>(/input$/).value);

describe('Problem editor', () => {
  it('validates with the package schema before sending, and shows the errors next to the fields', async () => {
    const fetch = stubFetch(SESSION);
    renderApp('/questions/new');
    const form = await screen.findByRole('form', { name: 'Problem' });
    fireEvent.change(within(form).getByLabelText(/^Title/), { target: { value: 'Two Sum (II)' } });
    expect(within(form).getByLabelText<HTMLInputElement>(/^Slug/).value).toBe('two-sum-ii');
    fireEvent.click(within(form).getByRole('button', { name: 'Add test case' }));
    fireEvent.change(within(form).getByLabelText('Test case 1 weight'), { target: { value: '500' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create draft' }));

    expect(await within(form).findByText('Write the statement.')).toBeTruthy();
    expect(within(form).getByText('Use 100 or less.')).toBeTruthy();
    await vi.waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText(/^Statement/)), {
      timeout: 5_000,
    });
    expect(pageCalls(fetch).some(([, init]) => init?.method === 'POST')).toBe(false);

    // Live after the first attempt: fixing a field clears its message.
    fireEvent.change(within(form).getByLabelText(/^Statement/), { target: { value: 'Add them.' } });
    expect(within(form).queryByText('Write the statement.')).toBeNull();
    // The slug follows the title until edited by hand.
    fireEvent.change(within(form).getByLabelText(/^Slug/), { target: { value: 'my-slug' } });
    fireEvent.change(within(form).getByLabelText(/^Title/), { target: { value: 'Other' } });
    expect(within(form).getByLabelText<HTMLInputElement>(/^Slug/).value).toBe('my-slug');
  }, 30_000);

  it('edits the test-case table: add, bulk add, reorder, hide and delete', async () => {
    stubFetch({ ...SESSION, ...DETAIL });
    renderApp(`/questions/${PROBLEM_ID}/edit`);
    const form = await screen.findByRole('form', { name: 'Problem' });
    expect(testRows()).toEqual(['1 2\n', '-5 3\n']);

    fireEvent.click(within(form).getByRole('button', { name: 'Bulk add…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Bulk add test cases' });
    fireEvent.change(within(dialog).getByLabelText('Paste cases'), {
      target: { value: '7 8\n---\n15\n===\n0 0\n---\n0' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add 2 cases' }));
    expect(testRows()).toEqual(['1 2\n', '-5 3\n', '7 8\n', '0 0\n']);

    fireEvent.click(within(form).getByRole('button', { name: 'Move test case 4 up' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Delete test case 1' }));
    expect(testRows()).toEqual(['-5 3\n', '0 0\n', '7 8\n']);
    const hidden = within(form).getByRole<HTMLInputElement>('checkbox', { name: 'Test case 2 hidden' });
    expect(hidden.checked).toBe(false);
    fireEvent.click(hidden);
    expect(hidden.checked).toBe(true);
    expect(within(form).getByText('3 cases, 2 hidden.')).toBeTruthy();
  }, 30_000);

  it('saves the draft, puts the server’s field errors next to the fields, then toasts and opens the problem', async () => {
    let sent: unknown;
    let attempt = 0;
    stubFetch({
      ...SESSION,
      ...DETAIL,
      [`PUT /api/v1/problems/${PROBLEM_ID}/draft`]: (init) => {
        sent = bodyOf(init);
        if (++attempt === 1) {
          return {
            status: 400,
            body: {
              type: 'https://interviewselect.dev/problems/validation_failed',
              title: 'Invalid request',
              status: 400,
              detail: 'The request is invalid.',
              code: 'request.validation_failed',
              issues: [{ path: 'body.package.tests.1.expectedOutput', message: 'Does not match the reference.' }],
            },
          };
        }
        return { body: detailOf() };
      },
    });
    const { router } = renderApp(`/questions/${PROBLEM_ID}/edit`);
    const form = await screen.findByRole('form', { name: 'Problem' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save draft' }));
    const output = within(form).getByLabelText('Test case 2 expected output');
    expect(await within(form).findByText('Does not match the reference.')).toBeTruthy();
    expect(output.getAttribute('aria-invalid')).toBe('true');
    await vi.waitFor(() => expect(document.activeElement).toBe(output), { timeout: 5_000 });
    expect((sent as { package: { slug: string } }).package.slug).toBe(SUMMARY.slug);

    fireEvent.change(output, { target: { value: '-2\n' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save draft' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/questions/${PROBLEM_ID}`));
    expect(await screen.findByText('Draft saved')).toBeTruthy();
  }, 30_000);

  it('creates a new problem in the active organisation', async () => {
    let sent: { orgId?: string; package?: { tests: unknown[]; referenceSolutions: object } } = {};
    stubFetch({
      ...SESSION,
      ...DETAIL,
      'POST /api/v1/problems': (init) => {
        sent = bodyOf(init) as typeof sent;
        return { status: 201, body: detailOf() };
      },
    });
    const { router } = renderApp('/questions/new');
    const form = await screen.findByRole('form', { name: 'Problem' });
    fireEvent.change(within(form).getByLabelText(/^Title/), { target: { value: 'Sum of two' } });
    fireEvent.change(within(form).getByLabelText(/^Statement/), { target: { value: 'Add **two** numbers.' } });
    expect(within(form).getByText('two').tagName).toBe('STRONG');
    fireEvent.click(within(form).getByRole('button', { name: 'Add test case' }));
    fireEvent.change(within(form).getByLabelText('Test case 1 input'), { target: { value: '1 2\n' } });
    fireEvent.change(within(form).getByLabelText('Test case 1 expected output'), { target: { value: '3\n' } });
    fireEvent.change(within(form).getByLabelText('Reference solution in Python'), {
      target: { value: 'print(sum(map(int, input().split())))' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Create draft' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/questions/${PROBLEM_ID}`));
    expect(sent.orgId).toBe(ORG_ID);
    expect(sent.package?.tests).toEqual([
      { name: '', input: '1 2\n', expectedOutput: '3\n', hidden: false, weight: 1 },
    ]);
    expect(sent.package?.referenceSolutions).toEqual({ python: 'print(sum(map(int, input().split())))' });
  }, 30_000);
});
