import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import { MEMBER_USER, ORG_ID, PROBLEM_ID, SUMMARY } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const list = (items: unknown[]) => ({ body: { items, total: items.length, page: 1, pageSize: 20 } });
const SESSION = { 'GET /api/v1/auth/session': sessionOf(MEMBER_USER) };
const api = (query: string) => `GET /api/v1/problems?${query}`;

describe('Question bank library', () => {
  it('reads filters from the URL, shows the rows, and puts new filters and the search back in the URL', async () => {
    const fetch = stubFetch({
      ...SESSION,
      [api(`difficulty=easy&orgId=${ORG_ID}&page=1&pageSize=20`)]: list([SUMMARY]),
      [api(`difficulty=easy&category=sql&orgId=${ORG_ID}&page=1&pageSize=20`)]: list([]),
      [api(`q=tow+sum&difficulty=easy&category=sql&orgId=${ORG_ID}&page=1&pageSize=20`)]: list([SUMMARY]),
    });
    const { router } = renderApp('/questions?difficulty=easy');
    const row = await screen.findByRole('row', { name: /Sum of two/ });
    expect(within(row).getByText('Easy')).toBeTruthy();
    expect(within(row).getByText('Draft')).toBeTruthy();
    expect(within(row).getByText('warm-up')).toBeTruthy();
    expect(within(row).getByText('Acme')).toBeTruthy();
    expect(within(row).getByText('50 %')).toBeTruthy();
    expect(within(row).getByRole('link', { name: 'Sum of two' }).getAttribute('href')).toBe(`/questions/${PROBLEM_ID}`);

    const search = screen.getByRole('search', { name: 'Search the question bank' });
    expect(within(search).getByLabelText<HTMLSelectElement>('Difficulty').value).toBe('easy');
    fireEvent.change(within(search).getByLabelText('Category'), { target: { value: 'sql' } });
    await vi.waitFor(() => expect(router.state.location.search).toBe('?difficulty=easy&category=sql'));
    expect(await screen.findByText(/No problems match/)).toBeTruthy();

    // Typing searches after a pause (debounced), not on every key.
    fireEvent.change(within(search).getByLabelText('Search'), { target: { value: 'tow sum ' } });
    expect(router.state.location.search).toBe('?difficulty=easy&category=sql');
    await vi.waitFor(() => expect(router.state.location.search).toBe('?q=tow+sum&difficulty=easy&category=sql'));
    await screen.findByRole('row', { name: /Sum of two/ });
    expect(within(search).getByLabelText<HTMLInputElement>('Search').value).toBe('tow sum ');
    expect(pageCalls(fetch)).toHaveLength(3);
  }, 20_000);

  it('says what to do first when there are no problems, with New problem and Import', async () => {
    stubFetch({ ...SESSION, [api(`orgId=${ORG_ID}&page=1&pageSize=20`)]: list([]) });
    renderApp('/questions');
    expect(await screen.findByRole('heading', { name: 'No problems yet' })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'New problem' })[0]?.getAttribute('href')).toBe('/questions/new');
    expect(screen.getAllByRole('link', { name: 'Import' })[0]?.getAttribute('href')).toBe('/questions/import');
  }, 20_000);

  it('offers a retry when the search fails', async () => {
    let calls = 0;
    stubFetch({
      ...SESSION,
      [api(`orgId=${ORG_ID}&page=1&pageSize=20`)]: () =>
        ++calls === 1 ? { status: 503, body: undefined } : list([SUMMARY]),
    });
    renderApp('/questions');
    expect(await screen.findByRole('heading', { name: "Couldn't load the problems" })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('row', { name: /Sum of two/ })).toBeTruthy();
  }, 20_000);
});
