import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });
}

async function fillAndSubmit(password: string) {
  const form = await screen.findByRole('form', { name: 'Create account' });
  fill('Name', 'Ada Lovelace');
  fill('E-mail', 'ada@example.com');
  fill('Password', password);
  fireEvent.click(within(form).getByRole('button', { name: 'Create account' }));
  return form;
}

describe('Sign-up page', () => {
  it('sends the page to continue to (from an invitation) with the sign-up', async () => {
    const fetch = stubFetch({
      'POST /api/v1/auth/sign-up': { status: 202, body: { message: 'Check your inbox.' } },
    });
    renderApp(`/sign-up?next=${encodeURIComponent('/invitations/abc')}`);
    await fillAndSubmit('a long enough passphrase here');
    await vi.waitFor(() => expect(pageCalls(fetch)).toHaveLength(1));
    expect(JSON.parse(pageCalls(fetch)[0]?.[1]?.body as string)).toMatchObject({ next: '/invitations/abc' });
  });

  it('checks the password length with the shared schema before sending', async () => {
    const fetch = stubFetch({});
    renderApp('/sign-up');
    await fillAndSubmit('short');
    expect(screen.getByText(/Use at least 10 characters/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Password', { exact: false }));
    expect(pageCalls(fetch)).toHaveLength(0);
  });

  it('maps a body.password issue from the server to the password field and focuses it', async () => {
    const message = 'This password appears in lists of breached passwords. Choose another.';
    stubFetch({
      'POST /api/v1/auth/sign-up': {
        status: 400,
        body: {
          type: 'https://interviewselect.dev/problems/request/validation_failed',
          title: 'Validation failed',
          status: 400,
          detail: 'The request is invalid.',
          code: 'request.validation_failed',
          issues: [{ path: 'body.password', message }],
        },
      },
    });
    renderApp('/sign-up');
    await fillAndSubmit('password1234');

    const error = await screen.findByText(message);
    const password = screen.getByLabelText('Password', { exact: false });
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')).toContain(error.closest('p')?.id);
    expect(screen.getByLabelText('E-mail', { exact: false }).getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(password));

    // Editing the password clears the server's verdict on it.
    fill('Password', 'a different passphrase');
    expect(screen.queryByText(message)).toBeNull();
  });

  it('goes to "Check your inbox" with the address after a 202', async () => {
    const fetch = stubFetch({
      'POST /api/v1/auth/sign-up': { status: 202, body: { message: 'We sent a confirmation link.' } },
    });
    const { router } = renderApp('/sign-up');
    await fillAndSubmit('correct horse battery');
    expect(await screen.findByRole('heading', { level: 1, name: 'Check your inbox' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/check-inbox');
    expect(screen.getByText('ada@example.com')).toBeTruthy();
    const body = JSON.parse(pageCalls(fetch)[0]?.[1]?.body as string) as unknown;
    expect(body).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com', password: 'correct horse battery' });
  });
});
