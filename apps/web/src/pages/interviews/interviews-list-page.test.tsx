import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import { INTERVIEW_ID, MEMBER_USER, MEMBERS, ORG_ID } from './test-fixtures';

// Each page is a lazily imported route chunk: on a busy machine the first import alone can take over a second.

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ROW = {
  id: INTERVIEW_ID,
  orgId: ORG_ID,
  title: 'Backend pairing',
  status: 'scheduled',
  plannedStart: '2026-11-25T10:00:00.000Z',
  durationMinutes: 90,
  createdAt: '2026-11-23T09:00:00.000Z',
  candidateName: 'Charles Babbage',
  interviewerNames: ['Ada Lovelace', 'Grace Hopper'],
};
const list = (items: unknown[], total = items.length) => ({ body: { items, total, page: 1, pageSize: 25 } });
const BASE = {
  'GET /api/v1/auth/session': sessionOf(MEMBER_USER),
  [`GET /api/v1/orgs/${ORG_ID}/members`]: { body: MEMBERS },
};

describe('Interviews list', () => {
  it('lists the active organisation’s interviews and keeps filters and sort in the URL', async () => {
    const q = `/api/v1/interviews?orgId=${ORG_ID}&status=scheduled`;
    const fetch = stubFetch({
      ...BASE,
      [`GET ${q}&sort=plannedStart&order=desc&page=1&pageSize=25`]: list([ROW]),
      [`GET ${q}&candidate=charles&sort=plannedStart&order=desc&page=1&pageSize=25`]: list([ROW]),
      [`GET ${q}&candidate=charles&sort=title&order=asc&page=1&pageSize=25`]: list([ROW]),
    });
    const { router } = renderApp('/interviews?status=scheduled');
    const row = await screen.findByRole('row', { name: /Backend pairing/ });
    expect(within(row).getByText('Scheduled')).toBeTruthy();
    expect(within(row).getByText('Ada Lovelace, Grace Hopper')).toBeTruthy();
    expect(within(row).getByText('1 h 30 min')).toBeTruthy();
    expect(within(row).getByRole('link', { name: 'Backend pairing' }).getAttribute('href')).toBe(
      `/interviews/${INTERVIEW_ID}`,
    );

    const filters = screen.getByRole('search', { name: 'Filter interviews' });
    fireEvent.change(within(filters).getByLabelText('Candidate'), { target: { value: 'charles' } });
    fireEvent.click(within(filters).getByRole('button', { name: 'Apply filters' }));
    await vi.waitFor(() => expect(router.state.location.search).toBe('?status=scheduled&candidate=charles'));

    fireEvent.click(screen.getByRole('button', { name: 'Title' }));
    await vi.waitFor(() =>
      expect(router.state.location.search).toBe('?status=scheduled&candidate=charles&sort=title&order=asc'),
    );
    await vi.waitFor(() =>
      expect(pageCalls(fetch).at(-1)?.[0]).toBe(`${q}&candidate=charles&sort=title&order=asc&page=1&pageSize=25`),
    );
  });

  it('says what to do first when the organisation has no interviews', async () => {
    stubFetch({
      ...BASE,
      [`GET /api/v1/interviews?orgId=${ORG_ID}&sort=plannedStart&order=desc&page=1&pageSize=25`]: list([]),
    });
    renderApp('/interviews');
    expect(await screen.findByRole('heading', { name: 'No interviews yet' })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'New interview' })[0]?.getAttribute('href')).toBe('/interviews/new');
  });
});
