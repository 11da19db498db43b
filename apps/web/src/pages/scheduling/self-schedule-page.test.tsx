import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFetchStub, SHELL_DEFAULTS } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TOKEN = 'b'.repeat(43);
const slot = (start: string, end: string) => ({ start, end });
const offer = (overrides: Record<string, unknown> = {}) => ({
  interviewTitle: 'Backend pairing',
  orgName: 'Acme',
  durationMinutes: 60,
  windowStart: '2030-01-07T00:00:00.000Z',
  windowEnd: '2030-01-09T00:00:00.000Z',
  booking: null,
  canPick: true,
  slots: [slot('2030-01-07T14:00:00.000Z', '2030-01-07T15:00:00.000Z')],
  ...overrides,
});
const conflict = {
  type: 'https://interviewselect.dev/problems/scheduling/slot_unavailable',
  title: 'Time not available',
  status: 409,
  detail: 'Someone booked an interviewer of this panel at this time a moment ago. Pick another slot.',
  code: 'scheduling.slot_unavailable',
  alternatives: [slot('2030-01-07T15:00:00.000Z', '2030-01-07T16:00:00.000Z')],
};

describe('SelfSchedulePage', () => {
  it('shows slots in the chosen zone, offers the alternatives of a 409, and books one', async () => {
    const booked: string[] = [];
    const fetch = createFetchStub(
      {
        'POST /api/v1/scheduling-links/lookup': { body: offer() },
        'POST /api/v1/scheduling-links/book': (init) => {
          const { start, timeZone } = JSON.parse(init?.body as string) as { start: string; timeZone: string };
          booked.push(`${start} ${timeZone}`);
          if (start === '2030-01-07T14:00:00.000Z') return { status: 409, body: conflict };
          return { body: offer({ booking: slot(start, '2030-01-07T16:00:00.000Z'), canPick: false, slots: [] }) };
        },
      },
      SHELL_DEFAULTS,
    );
    vi.stubGlobal('fetch', fetch);
    window.location.hash = `#${TOKEN}`;
    renderApp('/schedule');

    await screen.findByRole('heading', { level: 1, name: 'Backend pairing' });
    expect(window.location.hash).toBe(''); // the token left the address bar
    fireEvent.change(screen.getByLabelText(/Your time zone/), { target: { value: 'America/New_York' } });
    fireEvent.click(await screen.findByRole('button', { name: /09:00.*\(America\/New York\)/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Book this time' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone booked an interviewer');
    fireEvent.click(within(alert).getByRole('button', { name: /10:00.*11:00/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Book this time' }));

    await screen.findByText('Your interview is booked');
    // The zone the candidate picked in goes with the booking (their invitation is written in it).
    expect(booked).toEqual(['2030-01-07T14:00:00.000Z America/New_York', '2030-01-07T15:00:00.000Z America/New_York']);
  }, 30_000);

  it('explains an expired link', async () => {
    vi.stubGlobal(
      'fetch',
      createFetchStub(
        {
          'POST /api/v1/scheduling-links/lookup': {
            status: 410,
            body: {
              type: 'https://interviewselect.dev/problems/scheduling/link_inactive',
              title: 'Scheduling link no longer works',
              status: 410,
              detail: 'This scheduling link has expired. Ask your recruiter for a new one.',
              code: 'scheduling.link_inactive',
            },
          },
        },
        SHELL_DEFAULTS,
      ),
    );
    window.location.hash = `#${TOKEN}`;
    renderApp('/schedule');
    await screen.findByText('This scheduling link has expired. Ask your recruiter for a new one.');
  }, 20_000);
});
