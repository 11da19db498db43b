import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../testing/fetch-stub';
import { renderApp } from '../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const systemInfo = {
  name: 'InterviewSelect',
  version: '0.1.0',
  nodeVersion: 'v24.9.0',
  database: 'postgres',
  queue: 'bullmq',
  startedAt: '2026-11-23T08:00:00.000Z',
  stats: { users: 1204, orgs: 3 },
};

describe('System status page', () => {
  it('shows a 503 readiness body as "Not ready" with the failing check, not as an error', async () => {
    stubFetch({
      'GET /readyz': {
        status: 503,
        contentType: 'application/json',
        body: {
          status: 'not_ready',
          checks: [
            { name: 'database', ok: true, detail: 'postgres' },
            { name: 'migrations', ok: false, detail: '2 pending' },
          ],
        },
      },
      'GET /api/v1/system': { body: systemInfo },
    });
    renderApp('/system');

    expect(await screen.findByText('1 of 2 checks failing')).toBeTruthy();
    expect(screen.getByText('Not ready')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Readiness checks' });
    const migrations = within(table).getByRole('row', { name: /migrations/ });
    expect(within(migrations).getByText('Failing')).toBeTruthy();
    expect(within(migrations).getByText('2 pending')).toBeTruthy();
    expect(screen.getByText(/Last checked/).textContent).toMatch(/\(.+\)/);
    expect(await screen.findByText('BullMQ on Redis')).toBeTruthy();
    expect(screen.getByText('1,204')).toBeTruthy();
  });

  it('offers a retry when readiness cannot be fetched at all', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    renderApp('/system');
    const heading = await screen.findByRole('heading', { name: "Couldn't check readiness" });
    const errorState = heading.closest('[role="alert"]');
    expect(errorState?.textContent).toMatch(/could not reach the server/i);
    expect(within(errorState as HTMLElement).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
