import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CURRENT = {
  id: '11111111-1111-4111-8111-111111111111',
  current: true,
  createdAt: '2026-11-20T08:00:00.000Z',
  lastSeenAt: '2026-11-23T08:00:00.000Z',
  expiresAt: '2026-12-23T08:00:00.000Z',
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36',
};
const OTHER = {
  ...CURRENT,
  id: '22222222-2222-4222-8222-222222222222',
  current: false,
  lastSeenAt: '2026-11-21T19:30:00.000Z',
  ip: '198.51.100.4',
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile Safari/604.1',
};

describe('Settings → Sessions', () => {
  it('lists sessions with "This device" and revokes another one with DELETE', async () => {
    let sessions = [CURRENT, OTHER];
    const fetch = stubFetch({
      'GET /api/v1/auth/session': sessionOf(TEST_USER),
      'GET /api/v1/auth/sessions': () => ({ body: sessions }),
      [`DELETE /api/v1/auth/sessions/${OTHER.id}`]: () => {
        sessions = [CURRENT];
        return { status: 204 };
      },
    });
    renderApp('/settings/sessions');
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const current = within(table).getByRole('row', { name: /Chrome on Linux/ });
    expect(within(current).getByText('This device')).toBeTruthy();
    expect(within(current).queryByRole('button', { name: /Revoke/ })).toBeNull();
    const other = within(table).getByRole('row', { name: /Safari on iOS/ });
    expect(within(other).getByText('198.51.100.4')).toBeTruthy();
    // Last seen names the viewer's zone.
    expect(within(other).getByText(/\(.+\)$/)).toBeTruthy();

    fireEvent.click(within(other).getByRole('button', { name: /Revoke Safari on iOS/ }));
    expect(await screen.findByText('Session revoked')).toBeTruthy();
    const deletes = pageCalls(fetch).filter(([, init]) => init?.method === 'DELETE');
    expect(deletes.map(([url]) => url)).toEqual([`/api/v1/auth/sessions/${OTHER.id}`]);
    expect(deletes[0]?.[1]?.headers).toMatchObject({ Accept: 'application/json' });
    await vi.waitFor(() => expect(within(table).queryByRole('row', { name: /Safari on iOS/ })).toBeNull());
  });

  it('signs out everywhere only after confirming in a dialog', async () => {
    let isSignedIn = true;
    const fetch = stubFetch({
      'GET /api/v1/auth/session': () => sessionOf(isSignedIn ? TEST_USER : null),
      'GET /api/v1/auth/sessions': { body: [CURRENT] },
      'POST /api/v1/auth/sign-out-everywhere': () => {
        isSignedIn = false;
        return { status: 204 };
      },
    });
    const { router } = renderApp('/settings/sessions');
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out everywhere?' });
    expect(pageCalls(fetch).some(([, init]) => init?.method === 'POST')).toBe(false);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByRole('form', { name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    // Left on purpose: no ?next= back to a page of the account that just signed out.
    expect(router.state.location.search).toBe('');
    expect(pageCalls(fetch).filter(([, init]) => init?.method === 'POST')).toHaveLength(1);
  });
});
