import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ADMIN = { ...TEST_USER, platformRole: 'admin' };
const GRACE = {
  id: '9d2f5e3b-4c6a-4b7d-9e0f-1a2b3c4d5e6f',
  email: 'grace@example.com',
  name: 'Grace Hopper',
  platformRole: 'user',
  status: 'active',
  emailVerified: true,
  createdAt: '2026-11-02T09:00:00.000Z',
};
const page = (items: unknown[], total = items.length) => ({ body: { items, total, limit: 20, offset: 0 } });

describe('Admin pages', () => {
  it('refuses non-admins', async () => {
    stubFetch({ 'GET /api/v1/auth/session': sessionOf(TEST_USER) });
    renderApp('/admin/users');
    expect(await screen.findByRole('heading', { level: 1, name: 'Platform administrators only' })).toBeTruthy();
  });

  it('searches users through the URL and links rows to the detail page', async () => {
    const fetch = stubFetch({
      'GET /api/v1/auth/session': sessionOf(ADMIN),
      'GET /api/v1/admin/users?limit=20&offset=0': page([GRACE], 45),
      'GET /api/v1/admin/users?q=grace&status=active&limit=20&offset=0': page([GRACE]),
    });
    const { router } = renderApp('/admin/users');
    expect(await screen.findByText('1–20 of 45 users')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: ' grace ' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'active' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('1–1 of 1 users')).toBeTruthy();
    expect(router.state.location.search).toBe('?q=grace&status=active');
    expect(screen.getByRole('link', { name: 'Grace Hopper' }).getAttribute('href')).toBe(`/admin/users/${GRACE.id}`);
    expect(pageCalls(fetch)).toHaveLength(2);
  });

  it('sorts users on the server from the column headers and marks the column with aria-sort', async () => {
    const ADA = { ...GRACE, id: TEST_USER.id, email: TEST_USER.email, name: TEST_USER.name };
    const fetch = stubFetch({
      'GET /api/v1/auth/session': sessionOf(ADMIN),
      'GET /api/v1/admin/users?limit=20&offset=20': page([GRACE, ADA], 45),
      'GET /api/v1/admin/users?sort=name&order=asc&limit=20&offset=0': page([ADA, GRACE], 45),
      'GET /api/v1/admin/users?sort=name&order=desc&limit=20&offset=0': page([GRACE, ADA], 45),
      'GET /api/v1/admin/users?sort=name&order=asc&limit=20&offset=20': {
        body: { items: [GRACE], total: 45, limit: 20, offset: 20 },
      },
    });
    const { router } = renderApp('/admin/users?offset=20');
    const userHeader = await screen.findByRole('columnheader', { name: 'User' });
    const createdHeader = screen.getByRole('columnheader', { name: 'Created' });
    expect(createdHeader.getAttribute('aria-sort')).toBe('descending');
    expect(userHeader.getAttribute('aria-sort')).toBe('none');
    expect(screen.getByRole('columnheader', { name: 'Status' }).hasAttribute('aria-sort')).toBe(false);

    const rowNames = () => screen.getAllByRole('rowheader').map((cell) => within(cell).getByRole('link').textContent);
    fireEvent.click(within(userHeader).getByRole('button', { name: 'User' }));
    await vi.waitFor(() => expect(rowNames()).toEqual([ADA.name, GRACE.name]));
    expect(router.state.location.search).toBe('?sort=name&order=asc');
    expect(screen.getByRole('columnheader', { name: 'User' }).getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: 'Created' }).getAttribute('aria-sort')).toBe('none');

    fireEvent.click(screen.getByRole('button', { name: 'User' }));
    await vi.waitFor(() => expect(rowNames()).toEqual([GRACE.name, ADA.name]));
    expect(screen.getByRole('columnheader', { name: 'User' }).getAttribute('aria-sort')).toBe('descending');

    fireEvent.click(screen.getByRole('button', { name: 'User' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Next' }));
    expect(await screen.findByText('21–40 of 45 users')).toBeTruthy();
    expect(router.state.location.search).toBe('?sort=name&order=asc&offset=20');
    // Changing the order starts again at the first page; paging keeps the order.
    expect(new Set(pageCalls(fetch).map(([url]) => url))).toEqual(
      new Set([
        '/api/v1/admin/users?limit=20&offset=20',
        '/api/v1/admin/users?sort=name&order=asc&limit=20&offset=0',
        '/api/v1/admin/users?sort=name&order=desc&limit=20&offset=0',
        '/api/v1/admin/users?sort=name&order=asc&limit=20&offset=20',
      ]),
    );
  });

  it('suspends a user only after confirming', async () => {
    let status = 'active';
    const fetch = stubFetch({
      'GET /api/v1/auth/session': sessionOf(ADMIN),
      [`GET /api/v1/admin/users/${GRACE.id}`]: () => ({
        body: {
          ...GRACE,
          status,
          emailVerifiedAt: GRACE.createdAt,
          updatedAt: GRACE.createdAt,
          memberships: [],
          sessionCount: 2,
        },
      }),
      [`POST /api/v1/admin/users/${GRACE.id}/suspend`]: () => {
        status = 'suspended';
        return { status: 204 };
      },
    });
    renderApp(`/admin/users/${GRACE.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Suspend account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Suspend this account?' });
    expect(pageCalls(fetch).some(([, init]) => init?.method === 'POST')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Suspend account' }));
    expect(await screen.findByText('Account suspended')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Unsuspend account' })).toBeTruthy();
  });

  it('verifies the audit chain and reports a break', async () => {
    stubFetch({
      'GET /api/v1/auth/session': sessionOf(ADMIN),
      'GET /api/v1/admin/audit?limit=25&offset=0': { body: { items: [], total: 0, limit: 25, offset: 0 } },
      'GET /api/v1/admin/audit/verify': { body: { ok: false, brokenAtSeq: 17 } },
    });
    renderApp('/admin/audit');
    expect(await screen.findByText('No events match these filters.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect(await screen.findByText('Chain broken')).toBeTruthy();
    expect(screen.getByText(/breaks at event #17/)).toBeTruthy();
  });
});
