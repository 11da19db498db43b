import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const FEED_URL = `https://app.test/api/v1/calendar-feeds/${'a'.repeat(43)}/interviews.ics`;

describe('Settings → Calendar', () => {
  it('connects a CalDAV calendar, showing the server’s reason when it refuses', async () => {
    let connected = false;
    const fetch = stubFetch({
      'GET /api/v1/auth/session': sessionOf(TEST_USER),
      'GET /api/v1/me/calendar-feed': { body: { active: false, createdAt: null, lastUsedAt: null } },
      'GET /api/v1/me/caldav': () => ({
        body: connected
          ? { connected: true, url: 'https://dav.test/me/work/', username: 'me', lastSyncAt: null, lastError: null }
          : { connected: false, url: null, username: null, lastSyncAt: null, lastError: null },
      }),
      'PUT /api/v1/me/caldav': (init) => {
        const body = JSON.parse(init?.body as string) as { password: string };
        if (body.password !== 'right') {
          return {
            status: 422,
            body: {
              type: 'https://interviewselect.dev/problems/calendar/caldav_unreachable',
              title: 'Calendar not reachable',
              status: 422,
              detail: 'The CalDAV server refused the user name or password.',
              code: 'calendar.caldav_unreachable',
            },
          };
        }
        connected = true;
        return {
          body: {
            connected: true,
            url: 'https://dav.test/me/work/',
            username: 'me',
            lastSyncAt: null,
            lastError: null,
          },
        };
      },
    });
    renderApp('/settings/calendar');
    const form = await screen.findByRole('form', { name: 'Connect a CalDAV calendar' });
    fireEvent.change(within(form).getByLabelText(/Calendar URL/), { target: { value: 'https://dav.test/me/work/' } });
    fireEvent.change(within(form).getByLabelText(/User name/), { target: { value: 'me' } });
    fireEvent.change(within(form).getByLabelText(/Password/), { target: { value: 'wrong' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Check and connect' }));
    expect(await screen.findByText('The CalDAV server refused the user name or password.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText(/Password/), { target: { value: 'right' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Check and connect' }));
    expect(await screen.findByText('Calendar connected')).toBeTruthy();
    expect(await screen.findByText('https://dav.test/me/work/')).toBeTruthy();
    expect(
      pageCalls(fetch).filter(([url, init]) => url === '/api/v1/me/caldav' && init?.method === 'PUT'),
    ).toHaveLength(2);
  });

  it('creates a subscription URL, shows it once, and turns it off after asking', async () => {
    let active = false;
    const fetch = stubFetch({
      'GET /api/v1/auth/session': sessionOf(TEST_USER),
      'GET /api/v1/me/calendar-feed': () => ({
        body: active
          ? { active: true, createdAt: '2026-12-06T10:00:00.000Z', lastUsedAt: null }
          : { active: false, createdAt: null, lastUsedAt: null },
      }),
      'POST /api/v1/me/calendar-feed': () => {
        active = true;
        return { status: 201, body: { url: FEED_URL, createdAt: '2026-12-06T10:00:00.000Z' } };
      },
      'GET /api/v1/me/caldav': {
        body: { connected: false, url: null, username: null, lastSyncAt: null, lastError: null },
      },
      'DELETE /api/v1/me/calendar-feed': () => {
        active = false;
        return { status: 204 };
      },
    });
    renderApp('/settings/calendar');
    fireEvent.click(await screen.findByRole('button', { name: 'Create subscription URL' }));
    const field = await screen.findByLabelText<HTMLInputElement>('Subscription URL');
    expect(field.value).toBe(FEED_URL);
    expect(await screen.findByText('Not yet')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Turn off' }));
    const dialog = await screen.findByRole('dialog', { name: 'Turn the calendar subscription off?' });
    fireEvent.click(dialog.querySelector('.ui-button--danger') ?? dialog);
    expect(await screen.findByText('Calendar subscription turned off')).toBeTruthy();
    await vi.waitFor(() => expect(screen.queryByLabelText('Subscription URL')).toBeNull());
    expect(await screen.findByRole('button', { name: 'Create subscription URL' })).toBeTruthy();
    const methods = pageCalls(fetch)
      .filter(([url]) => url === '/api/v1/me/calendar-feed')
      .map(([, init]) => init?.method ?? 'GET');
    expect(methods).toContain('POST');
    expect(methods).toContain('DELETE');
  });

  it('says what went wrong when the status cannot be loaded', async () => {
    stubFetch({
      'GET /api/v1/auth/session': sessionOf(TEST_USER),
      'GET /api/v1/me/caldav': {
        body: { connected: false, url: null, username: null, lastSyncAt: null, lastError: null },
      },
      'GET /api/v1/me/calendar-feed': () => ({
        status: 503,
        body: {
          type: 'about:blank',
          title: 'Unavailable',
          status: 503,
          detail: 'Database restarting.',
          code: 'server.unavailable',
        },
      }),
    });
    renderApp('/settings/calendar');
    expect(await screen.findByText("Couldn't load your calendar subscription")).toBeTruthy();
    expect(screen.getByRole('button', { name: /Retry|Try again/ })).toBeTruthy();
    // The CalDAV card beside it still works.
    expect(await screen.findByRole('form', { name: 'Connect a CalDAV calendar' })).toBeTruthy();
  });
});
