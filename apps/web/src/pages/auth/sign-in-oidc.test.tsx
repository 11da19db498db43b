import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionOf, stubFetch, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Sign-in page with OIDC', () => {
  it('shows one link per provider that starts the flow and comes back to next', async () => {
    stubFetch({
      'GET /api/v1/auth/oidc/providers': {
        body: [
          { id: 'google', label: 'Google' },
          { id: 'okta', label: 'Okta' },
        ],
      },
    });
    renderApp(`/sign-in?next=${encodeURIComponent('/orgs')}`);
    const google = await screen.findByRole('link', { name: 'Continue with Google' });
    expect(google.getAttribute('href')).toBe('/api/v1/auth/oidc/google/start?next=%2Forgs');
    expect(screen.getByRole('link', { name: 'Continue with Okta' })).toBeTruthy();
  });

  it('shows no provider buttons when none is configured', async () => {
    stubFetch({});
    renderApp('/sign-in');
    await screen.findByRole('form', { name: 'Sign in' });
    expect(screen.queryByRole('link', { name: /Continue with/ })).toBeNull();
  });

  it('explains ?error=oidc.* failures', async () => {
    stubFetch({});
    renderApp('/sign-in?error=oidc.email_unverified');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Your e-mail address is not verified at the provider')).toBeTruthy();
  });

  it('continues an OIDC sign-in that needs a two-factor code with the challenge from the URL', async () => {
    const challenge = 'c'.repeat(32);
    let isSignedIn = false;
    let sent: unknown;
    stubFetch({
      'GET /api/v1/auth/session': () => sessionOf(isSignedIn ? TEST_USER : null),
      'POST /api/v1/auth/sign-in/totp': (init) => {
        sent = JSON.parse(init?.body as string);
        isSignedIn = true;
        return { body: { status: 'signed_in', user: TEST_USER } };
      },
      'GET /api/v1/orgs': { body: [] },
    });
    const { router } = renderApp(
      `/sign-in?error=oidc.totp_required&challenge=${challenge}&next=${encodeURIComponent('/orgs')}`,
    );
    const form = await screen.findByRole('form', { name: 'Two-factor code' });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(within(form).getByLabelText('Code', { exact: false }), { target: { value: '123456' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Verify and sign in' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/orgs'));
    expect(sent).toEqual({ challenge, code: '123456' });
  });
});
