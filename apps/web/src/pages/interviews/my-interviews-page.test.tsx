import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionOf, stubFetch, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import { INTERVIEW_ID } from './test-fixtures';

// Each page is a lazily imported route chunk: on a busy machine the first import alone can take over a second.

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const MINE = {
  id: INTERVIEW_ID,
  title: 'Backend pairing',
  orgName: 'Acme',
  status: 'live',
  plannedStart: '2026-11-25T10:00:00.000Z',
  durationMinutes: 60,
  role: 'candidate',
  endedAt: null,
};

describe('My interviews', () => {
  it('puts the next interview on top with a Join button into the room', async () => {
    stubFetch({
      'GET /api/v1/auth/session': sessionOf(TEST_USER),
      'GET /api/v1/me/interviews': {
        body: [
          MINE,
          { ...MINE, id: crypto.randomUUID(), title: 'Old one', status: 'ended', endedAt: '2026-10-01T10:00:00.000Z' },
        ],
      },
    });
    renderApp('/me/interviews');
    const heading = await screen.findByRole('heading', { name: 'Next' });
    const next = heading.closest('section') as HTMLElement;
    expect(within(next).getByText('Backend pairing')).toBeTruthy();
    expect(within(next).getByRole('link', { name: 'Join: Backend pairing' }).getAttribute('href')).toBe(
      `/interviews/${INTERVIEW_ID}/room`,
    );
    expect(screen.getByRole('row', { name: /Old one/ })).toBeTruthy();
  });

  it('tells a candidate without interviews how they will get one', async () => {
    stubFetch({ 'GET /api/v1/auth/session': sessionOf(TEST_USER), 'GET /api/v1/me/interviews': { body: [] } });
    renderApp('/me/interviews');
    expect(await screen.findByRole('heading', { name: 'No interviews yet' })).toBeTruthy();
    expect(screen.getByText(/open the link from your invitation/)).toBeTruthy();
  });
});
