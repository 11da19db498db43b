import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TOKEN = 't'.repeat(40);
const PATH = `/invitations/accept?token=${TOKEN}`;
const PREVIEW = {
  orgName: 'Acme Robotics',
  role: 'interviewer',
  inviterName: 'Olivia Owner',
  expiresAt: '2026-12-01T09:00:00.000Z',
  status: 'pending',
  isValid: true,
};

function problem(status: number, code: string, detail: string) {
  return {
    status,
    body: { type: `https://interviewselect.dev/problems/${code}`, title: 'Problem', status, detail, code },
  };
}

describe('Accept invitation page', () => {
  it('shows the invitation to a visitor with sign-in and sign-up links that come back here', async () => {
    const fetch = stubFetch({ 'POST /api/v1/orgs/invitations/preview': { body: PREVIEW } });
    renderApp(PATH);
    expect(await screen.findByRole('heading', { level: 1, name: 'Join Acme Robotics' })).toBeTruthy();
    expect(screen.getByText('Interviewer')).toBeTruthy();
    expect(screen.getAllByText(/Olivia Owner/).length).toBeGreaterThan(0);
    const next = encodeURIComponent(PATH);
    expect(screen.getByRole('link', { name: 'Sign in to accept' }).getAttribute('href')).toBe(`/sign-in?next=${next}`);
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Create account' }).getAttribute('href')).toBe(
      `/sign-up?next=${next}`,
    );
    expect(screen.queryByRole('button', { name: /Accept/ })).toBeNull();
    const [call] = pageCalls(fetch);
    expect(JSON.parse(call?.[1]?.body as string)).toEqual({ token: TOKEN });
  });

  it('accepts for a signed-in user and goes to /orgs', async () => {
    let accepted = false;
    stubFetch({
      'GET /api/v1/auth/session': sessionOf(TEST_USER),
      'POST /api/v1/orgs/invitations/preview': { body: PREVIEW },
      'POST /api/v1/orgs/invitations/accept': () => {
        accepted = true;
        return { status: 204 };
      },
      'GET /api/v1/orgs': { body: [] },
    });
    const { router } = renderApp(PATH);
    fireEvent.click(await screen.findByRole('button', { name: 'Accept and join Acme Robotics' }));
    expect(await screen.findByText('You joined Acme Robotics')).toBeTruthy();
    expect(accepted).toBe(true);
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/orgs'));
  });

  it('says so when the invitation is for another e-mail address', async () => {
    stubFetch({
      'GET /api/v1/auth/session': sessionOf(TEST_USER),
      'POST /api/v1/orgs/invitations/preview': { body: PREVIEW },
      'POST /api/v1/orgs/invitations/accept': problem(403, 'auth.forbidden', 'Not for you.'),
    });
    renderApp(PATH);
    fireEvent.click(await screen.findByRole('button', { name: 'Accept and join Acme Robotics' }));
    expect(await screen.findByText('This invitation is for another e-mail address')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it.each([
    ['expired', 'This invitation has expired'],
    ['revoked', 'This invitation was withdrawn'],
    ['accepted', 'This invitation has already been used'],
  ])('explains a %s invitation and offers no Accept button', async (status, title) => {
    stubFetch({
      'GET /api/v1/auth/session': sessionOf(TEST_USER),
      'POST /api/v1/orgs/invitations/preview': { body: { ...PREVIEW, status, isValid: false } },
    });
    renderApp(PATH);
    expect(await screen.findByText(title)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Accept/ })).toBeNull();
  });

  it('explains an unknown token, and a link without one', async () => {
    stubFetch({
      'POST /api/v1/orgs/invitations/preview': problem(400, 'auth.token_invalid', 'Invalid token.'),
    });
    renderApp(PATH);
    expect(await screen.findByText("This invitation link doesn't work")).toBeTruthy();
    expect(screen.getByText(/We don't recognise this invitation link/)).toBeTruthy();
    cleanup();

    const fetch = stubFetch({});
    renderApp('/invitations/accept');
    expect(await screen.findByText("This invitation link doesn't work")).toBeTruthy();
    expect(pageCalls(fetch)).toHaveLength(0);
  });
});
