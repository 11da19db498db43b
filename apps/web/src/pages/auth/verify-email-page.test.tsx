import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TOKEN = 'tok_'.padEnd(43, 'x');

describe('Verify e-mail page', () => {
  it('spends the token once on load and links to sign-in on success', async () => {
    const fetch = stubFetch({
      'POST /api/v1/auth/verify-email': {
        body: { message: 'Your e-mail address is confirmed. You can sign in now.' },
      },
    });
    renderApp(`/verify-email?token=${TOKEN}`);
    expect(await screen.findByText('Your e-mail address is confirmed. You can sign in now.')).toBeTruthy();
    expect(screen.getByText('Confirmed')).toBeTruthy();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(
      '/sign-in',
    );
    const posts = pageCalls(fetch);
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]?.[1]?.body as string)).toEqual({ token: TOKEN });
  });

  it('leads on to the page the sign-up came from (an invitation) through sign-in', async () => {
    stubFetch({
      'POST /api/v1/auth/verify-email': { body: { message: 'Your e-mail address is confirmed. You can sign in now.' } },
    });
    renderApp(`/verify-email?token=${TOKEN}&next=${encodeURIComponent('/invitations/abc')}`);
    await screen.findByText('Confirmed');
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(
      `/sign-in?next=${encodeURIComponent('/invitations/abc')}`,
    );
  });

  it('explains an expired or used link and offers a new one', async () => {
    const fetch = stubFetch({
      'POST /api/v1/auth/verify-email': {
        status: 400,
        body: {
          type: 'https://interviewselect.dev/problems/auth/token_invalid',
          title: 'Invalid link',
          status: 400,
          detail: 'This link is invalid or has expired.',
          code: 'auth.token_invalid',
        },
      },
      'POST /api/v1/auth/resend-verification': {
        status: 202,
        body: { message: 'If that address has an unconfirmed account, a new link is on its way.' },
      },
    });
    renderApp(`/verify-email?token=${TOKEN}`);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("This confirmation link doesn't work");
    expect(alert.textContent).toContain('This link is invalid or has expired.');
    expect(within(screen.getByRole('main')).queryByRole('link', { name: 'Sign in' })).toBeNull();

    fireEvent.change(screen.getByLabelText('E-mail', { exact: false }), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Resend confirmation link' }));
    expect(await screen.findByText(/a new link is on its way/)).toBeTruthy();
    const resend = pageCalls(fetch).find(([url]) => url === '/api/v1/auth/resend-verification');
    expect(JSON.parse(resend?.[1]?.body as string)).toEqual({ email: 'ada@example.com' });
  });

  it('says the link is incomplete without calling the server when there is no token', async () => {
    const fetch = stubFetch({});
    renderApp('/verify-email');
    expect((await screen.findByRole('alert')).textContent).toContain('The link has no token');
    expect(pageCalls(fetch)).toHaveLength(0);
  });
});
