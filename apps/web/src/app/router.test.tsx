import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionOf, stubFetch, TEST_USER } from '../testing/fetch-stub';
import { renderApp } from '../testing/render-app';
import { navItemsFor } from './nav-items';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('App shell', () => {
  it('renders "Page not found" inside the layout for an unknown address', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText('/no/such/page')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('navigation', { name: 'Primary' })).toBeTruthy();
  });

  it('has a skip link to main and every navigation entry', async () => {
    stubFetch({ 'GET /api/v1/system': { status: 503, body: undefined } });
    renderApp('/');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByRole('link', { name: 'Skip to content' }).getAttribute('href')).toBe('#main');
    expect(screen.getByRole('main').id).toBe('main');
    const nav = screen.getByRole('navigation', { name: 'Primary' });
    await within(nav).findByRole('link', { name: 'Create account' });
    for (const item of navItemsFor({ user: null, hasDevMailbox: false })) {
      const href = item.kind === 'route' ? item.to : item.href;
      const links = nav.querySelectorAll(`a[href="${href}"]`);
      expect(links.length, item.label).toBe(1);
    }
    // The API reference is served by the server: a plain link, not a client-side route.
    expect(screen.getAllByRole('link', { name: /API reference/ })[0]?.getAttribute('href')).toBe('/api/docs');
  });

  it('shows the deployment error with a retry on the home page when the server is down', async () => {
    stubFetch({ 'GET /api/v1/system': { status: 503, body: undefined } });
    renderApp('/');
    expect(await screen.findByRole('heading', { name: "Couldn't load deployment details" })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('shows the signed-in user, their nav entries, and the dev mailbox when the server has one', async () => {
    stubFetch({
      'GET /api/v1/system': { status: 503, body: undefined },
      'GET /api/v1/auth/session': sessionOf({ ...TEST_USER, platformRole: 'admin' }),
      'GET /api/v1/dev/mailbox?limit=1': { body: { items: [], total: 0, limit: 1, offset: 0 } },
    });
    renderApp('/');
    const nav = screen.getByRole('navigation', { name: 'Primary' });
    expect(await within(nav).findByRole('link', { name: 'Settings' })).toBeTruthy();
    expect(await within(nav).findByRole('link', { name: 'Dev mailbox' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: 'System status' })).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: 'Sign in' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Create account' })).toBeNull();
    expect(screen.getByRole('button', { name: /Ada Lovelace, account menu/ })).toBeTruthy();
  });

  it('hides System status from users who are not platform admins', async () => {
    stubFetch({
      'GET /api/v1/system': { status: 503, body: undefined },
      'GET /api/v1/auth/session': sessionOf(TEST_USER),
    });
    renderApp('/');
    const nav = screen.getByRole('navigation', { name: 'Primary' });
    await within(nav).findByRole('link', { name: 'Settings' });
    expect(within(nav).queryByRole('link', { name: 'System status' })).toBeNull();
  });
});

describe('Route guard', () => {
  it('sends a signed-out visitor of /settings/sessions to /sign-in?next=, and back after signing in', async () => {
    const signedIn = { status: 'signed_in', user: TEST_USER };
    let isSignedIn = false;
    stubFetch({
      'GET /api/v1/auth/session': () => sessionOf(isSignedIn ? TEST_USER : null),
      'POST /api/v1/auth/sign-in': () => {
        isSignedIn = true;
        return { body: signedIn };
      },
      'GET /api/v1/auth/sessions': { body: [] },
    });
    const { router } = renderApp('/settings/sessions?x=1');
    await screen.findByRole('form', { name: 'Sign in' });
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/settings/sessions?x=1')}`);

    fireEvent.change(screen.getByLabelText('E-mail', { exact: false }), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password', { exact: false }), { target: { value: 'correct horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/settings/sessions');
    expect(router.state.location.search).toBe('?x=1');
  });

  it('ignores a next= that points off-site', async () => {
    stubFetch({
      'GET /api/v1/auth/session': sessionOf(TEST_USER),
      'GET /api/v1/system': { status: 503, body: undefined },
    });
    const { router } = renderApp('/sign-in?next=//evil.example/x');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });
});
