import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function problem(status: number, code: string, detail: string, issues?: { path: string; message: string }[]) {
  return {
    status,
    body: { type: `https://interviewselect.dev/problems/${code}`, title: 'Problem', status, detail, code, issues },
  };
}

async function openSignIn(path = '/sign-in') {
  const view = renderApp(path);
  const form = await screen.findByRole('form', { name: 'Sign in' });
  return { ...view, form };
}

function fill(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });
}

function submit(form: HTMLElement, name = 'Sign in') {
  fireEvent.click(within(form).getByRole('button', { name }));
}

function bodyOf(call: unknown[] | undefined): unknown {
  return JSON.parse((call?.[1] as RequestInit).body as string);
}

describe('Sign-in page', () => {
  it('shows inline errors for empty fields and sends nothing', async () => {
    const fetch = stubFetch({});
    const { form } = await openSignIn();
    submit(form);

    expect(screen.getByText('Enter a valid e-mail address, like name@example.com.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(screen.getByLabelText('E-mail', { exact: false }).getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('E-mail', { exact: false }));
    expect(pageCalls(fetch)).toHaveLength(0);
  });

  it('rejects a malformed e-mail address and clears the error once it is fixed', async () => {
    const fetch = stubFetch({});
    const { form } = await openSignIn();
    fill('E-mail', 'ada@');
    fill('Password', 'correct horse');
    submit(form);
    expect(screen.getByText(/Enter a valid e-mail address/)).toBeTruthy();
    expect(pageCalls(fetch)).toHaveLength(0);

    fill('E-mail', 'ada@example.com');
    expect(screen.queryByText(/Enter a valid e-mail address/)).toBeNull();
  });

  it('asks for the two-factor code after totp_required, then signs in and goes to next', async () => {
    const challenge = 'c'.repeat(32);
    let isSignedIn = false;
    const fetch = stubFetch({
      'GET /api/v1/auth/session': () => sessionOf(isSignedIn ? TEST_USER : null),
      'POST /api/v1/auth/sign-in': { body: { status: 'totp_required', challenge } },
      'POST /api/v1/auth/sign-in/totp': (init) => {
        const { code } = JSON.parse(init?.body as string) as { code: string };
        if (code !== '123456') return problem(401, 'auth.totp_invalid', 'That code is not valid.');
        isSignedIn = true;
        return { body: { status: 'signed_in', user: TEST_USER } };
      },
      'GET /api/v1/auth/sessions': { body: [] },
    });
    const { form, router } = await openSignIn(`/sign-in?next=${encodeURIComponent('/settings/password')}`);
    fill('E-mail', '  ada@example.com ');
    fill('Password', 'correct horse');
    submit(form);

    const totpForm = await screen.findByRole('form', { name: 'Two-factor code' });
    expect(bodyOf(pageCalls(fetch)[0])).toEqual({ email: 'ada@example.com', password: 'correct horse' });
    expect(screen.getByRole('heading', { level: 1, name: 'Two-factor code' })).toBeTruthy();

    fill(/^Code/, '999999');
    submit(totpForm, 'Verify and sign in');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("That code didn't work");
    expect(router.state.location.pathname).toBe('/sign-in');

    fill(/^Code/, '123456');
    submit(totpForm, 'Verify and sign in');
    expect(await screen.findByText('Signed in as Ada Lovelace')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/settings/password');
    const totpCalls = pageCalls(fetch).filter(([url]) => url === '/api/v1/auth/sign-in/totp');
    expect(totpCalls.map(bodyOf)).toEqual([
      { challenge, code: '999999' },
      { challenge, code: '123456' },
    ]);
  });

  it('offers to resend the confirmation link when the address is unverified', async () => {
    const fetch = stubFetch({
      'POST /api/v1/auth/sign-in': problem(403, 'auth.email_unverified', 'Confirm your e-mail address to sign in.'),
      'POST /api/v1/auth/resend-verification': { status: 202, body: { message: 'A new link is on its way.' } },
    });
    const { form } = await openSignIn();
    fill('E-mail', 'ada@example.com');
    fill('Password', 'correct horse');
    submit(form);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Confirm your e-mail address first');
    fireEvent.click(within(alert).getByRole('button', { name: 'Resend confirmation link' }));
    expect(await within(alert).findByText('A new link is on its way.')).toBeTruthy();
    const resend = pageCalls(fetch).find(([url]) => url === '/api/v1/auth/resend-verification');
    expect(bodyOf(resend)).toEqual({ email: 'ada@example.com' });
  });

  it('explains throttling with the server’s detail', async () => {
    stubFetch({
      'POST /api/v1/auth/sign-in': problem(429, 'auth.throttled', 'Too many attempts. Try again in 15 minutes.'),
    });
    const { form } = await openSignIn();
    fill('E-mail', 'ada@example.com');
    fill('Password', 'correct horse');
    submit(form);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many attempts');
    expect(alert.textContent).toContain('Try again in 15 minutes.');
    expect(within(form).getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });

  it('puts the server’s body.* field issues next to the fields', async () => {
    stubFetch({
      'POST /api/v1/auth/sign-in': problem(400, 'request.validation_failed', 'The request body is invalid.', [
        { path: 'body.password', message: 'Password must be at most 1024 characters.' },
      ]),
    });
    const { form } = await openSignIn();
    fill('E-mail', 'ada@example.com');
    fill('Password', 'x'.repeat(20));
    submit(form);

    expect(await screen.findByText('Password must be at most 1024 characters.')).toBeTruthy();
    expect(screen.getByLabelText('Password', { exact: false }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('disables the button while sending', async () => {
    let release: (() => void) | undefined;
    const gate = new Promise<void>((r) => (release = r));
    stubFetch({
      'POST /api/v1/auth/sign-in': problem(401, 'auth.invalid_credentials', 'Wrong e-mail or password.'),
    });
    const inner = globalThis.fetch;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        if (init?.method === 'POST') await gate;
        return inner(input, init);
      }),
    );
    const { form } = await openSignIn();
    fill('E-mail', 'ada@example.com');
    fill('Password', 'correct horse');
    submit(form);

    const busy = await within(form).findByRole('button', { name: 'Signing in…' });
    expect(busy).toHaveProperty('disabled', true);
    expect(busy.getAttribute('aria-busy')).toBe('true');
    release?.();
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong e-mail or password.');
    expect(within(form).getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });
});
