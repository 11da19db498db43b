import { packReplayUpdates, ROOM_KEYS, type ReplayLog } from '@interviewselect/contracts';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { recordingKeys } from '../../lib/recordings-api';
import { jsonResponse } from '../../testing/fetch-stub';
import { SharedReplayPage } from '../reports/shared-replay-page';
import { ReplayPage } from './replay-page';

const ID = '0196b7a0-0000-7000-8000-000000000001';
const START = Date.UTC(2026, 0, 5, 10);

/** "a" at 0 s, "ab" at 10 s, "abc" at 20 s; chat marker at 10 s, a run at 20 s. */
function replayLog(): ReplayLog {
  const doc = new Y.Doc();
  const updates: { offsetMs: number; update: Uint8Array }[] = [];
  let clock = 0;
  doc.on('update', (update: Uint8Array) => updates.push({ offsetMs: clock, update }));
  doc.getMap(ROOM_KEYS.meta).set('language', 'python');
  const text = new Y.Text();
  doc.getMap<Y.Text>(ROOM_KEYS.files).set('python', text);
  text.insert(0, 'a');
  clock = 10_000;
  text.insert(1, 'b');
  clock = 20_000;
  text.insert(2, 'c');
  const packed = packReplayUpdates(updates);
  let binary = '';
  for (const byte of packed) binary += String.fromCharCode(byte);
  const at = (ms: number) => new Date(START + ms).toISOString();
  return {
    interviewId: ID,
    startedAt: at(0),
    endedAt: at(20_000),
    count: updates.length,
    updates: btoa(binary),
    events: [
      { at: at(10_000), kind: 'chat', participantId: 'p1', label: 'Carla', detail: { text: 'hello there' } },
      { at: at(20_000), kind: 'run', participantId: 'p1', label: 'Carla', detail: { verdict: 'accepted' } },
    ],
    notes: [],
  };
}

function renderPage(fetchImpl: typeof fetch) {
  const router = createMemoryRouter(
    [{ path: '/interviews/:interviewId/replay', element: <ReplayPage fetchImpl={fetchImpl} /> }],
    { initialEntries: [`/interviews/${ID}/replay`] },
  );
  // No recordings: the player beside the code stays hidden.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(recordingKeys.list(ID), { items: [] });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

const code = () => screen.getByLabelText(/^Code \(python\)/).textContent;

describe('the replay player', () => {
  afterEach(cleanup);

  it('opens at the end, seeks with the scrubber, the event list and previous/next', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ body: replayLog() }));
    renderPage(fetchImpl);
    const scrubber = await screen.findByRole('slider', { name: 'Position in the interview' });
    expect(code()).toBe('abc');
    expect(screen.getByLabelText('Current time').textContent).toBe('0:20 / 0:20');

    fireEvent.change(scrubber, { target: { value: '5000' } });
    expect(code()).toBe('a');
    expect(scrubber.getAttribute('aria-valuetext')).toBe('0:05 of 0:20');

    fireEvent.click(screen.getByRole('button', { name: 'Next event' }));
    expect(code()).toBe('ab');
    fireEvent.click(screen.getByRole('button', { name: /ran the code: accepted/ }));
    expect(code()).toBe('abc');
    fireEvent.click(screen.getByRole('button', { name: 'Previous event' }));
    expect(code()).toBe('ab');
    expect(screen.getByRole('button', { name: /Carla: chat.*hello there/ })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: '8' } });
    expect(screen.getByLabelText<HTMLSelectElement>('Speed').value).toBe('8');
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('explains a refusal', async () => {
    renderPage(
      vi.fn(async () =>
        jsonResponse({
          status: 403,
          body: {
            type: 'about:blank',
            title: 'Forbidden',
            status: 403,
            detail: 'Only members can replay it.',
            code: 'auth.forbidden',
          },
        }),
      ),
    );
    await waitFor(() => expect(screen.getByText('This replay is not yours to see')).toBeTruthy());
  });

  it('plays a shared report’s replay with the link’s token sent in the body, and links back to the report', async () => {
    const token = 't'.repeat(43);
    const fetchStub = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      expect(url).toBe('/api/v1/shared-reports/replay');
      expect(init?.method).toBe('POST');
      expect(JSON.parse(init?.body as string)).toEqual({ token });
      return jsonResponse({ body: replayLog() });
    });
    vi.stubGlobal('fetch', fetchStub);
    try {
      const router = createMemoryRouter([{ path: '/shared/replay', element: <SharedReplayPage /> }], {
        initialEntries: [`/shared/replay#${token}`],
      });
      render(<RouterProvider router={router} />);
      await screen.findByRole('slider', { name: 'Position in the interview' });
      expect(code()).toBe('abc');
      expect(screen.getByRole('link', { name: 'Back to the report' }).getAttribute('href')).toBe(
        `/shared/report#${token}`,
      );
      expect(fetchStub).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
