import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../testing/fetch-stub';
import { renderApp } from '../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const notFoundProblem = {
  type: 'https://interviewselect.dev/problems/request/not_found',
  title: 'Not found',
  status: 404,
  detail: 'No route for POST /api/v1/auth/sign-in. See /api/docs for the available endpoints.',
  code: 'request.not_found',
};

async function openSignIn() {
  const view = renderApp('/sign-in');
  const form = await screen.findByRole('form', { name: 'Sign in' });
  return { ...view, form };
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });
}

function submit(form: HTMLElement) {
  fireEvent.click(within(form).getByRole('button', { name: 'Sign in' }));
}

describe('Sign-in page', () => {
  it('shows inline errors for empty fields and sends nothing', async () => {
    const fetch = stubFetch({});
    const { form } = await openSignIn();
    submit(form);

    expect(screen.getByText('Enter your e-mail address.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(screen.getByLabelText('E-mail', { exact: false }).getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('E-mail', { exact: false }));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('rejects a malformed e-mail address and clears the error once it is fixed', async () => {
    const fetch = stubFetch({});
    const { form } = await openSignIn();
    fill('E-mail', 'ada@');
    fill('Password', 'correct horse');
    submit(form);
    expect(screen.getByText(/Enter a valid e-mail address/)).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();

    fill('E-mail', 'ada@example.com');
    expect(screen.queryByText(/Enter a valid e-mail address/)).toBeNull();
  });

  it('posts the credentials as JSON and shows the server problem in an alert', async () => {
    const fetch = stubFetch({ 'POST /api/v1/auth/sign-in': { status: 404, body: notFoundProblem } });
    const { form } = await openSignIn();
    fill('E-mail', '  ada@example.com ');
    fill('Password', 'correct horse');
    submit(form);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sign-in is not available on this server yet');
    expect(alert.textContent).toContain(notFoundProblem.detail);
    expect(JSON.parse(fetch.mock.calls[0]?.[1]?.body as string)).toEqual({
      email: 'ada@example.com',
      password: 'correct horse',
    });
    expect(within(form).getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });

  it('puts the server’s field issues next to the fields', async () => {
    stubFetch({
      'POST /api/v1/auth/sign-in': {
        status: 400,
        body: {
          ...notFoundProblem,
          status: 400,
          title: 'Validation failed',
          code: 'request.validation_failed',
          detail: 'The request body is invalid.',
          issues: [{ path: 'password', message: 'Password must be at most 128 characters.' }],
        },
      },
    });
    const { form } = await openSignIn();
    fill('E-mail', 'ada@example.com');
    fill('Password', 'x'.repeat(200));
    submit(form);

    expect(await screen.findByText('Password must be at most 128 characters.')).toBeTruthy();
    expect(screen.getByLabelText('Password', { exact: false }).getAttribute('aria-invalid')).toBe('true');
  });

  it('disables the button while sending, then goes home with a confirmation', async () => {
    let resolve: (() => void) | undefined;
    const gate = new Promise<void>((r) => (resolve = r));
    const fetch = vi.fn(async (input: string) => {
      if (input === '/api/v1/system') return new Response('{}', { status: 500 });
      await gate;
      const user = { id: 'u1', email: 'ada@example.com', name: 'Ada Lovelace' };
      return new Response(JSON.stringify({ user }), { headers: { 'content-type': 'application/json' } });
    });
    vi.stubGlobal('fetch', fetch);
    const { form, router } = await openSignIn();
    fill('E-mail', 'ada@example.com');
    fill('Password', 'correct horse');
    submit(form);

    const busy = await within(form).findByRole('button', { name: 'Signing in…' });
    expect(busy).toHaveProperty('disabled', true);
    expect(busy.getAttribute('aria-busy')).toBe('true');

    resolve?.();
    expect(await screen.findByText('Signed in as Ada Lovelace')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });
});
