import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

// The room's chunk (CodeMirror, Yjs) takes a while to load the first time in jsdom.
const SLOW = { timeout: 10_000 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ID = '0190a8f4-5c1e-7c3a-9a55-2f2b8e1d0a11';
const ROOM = `/interviews/${ID}/room`;
const LANGUAGES = { body: { languages: [] } };

const roomInfo = (overrides: Record<string, unknown> = {}) => ({
  interviewId: ID,
  title: 'Backend pairing',
  status: 'scheduled',
  plannedStart: null,
  durationMinutes: 45,
  startedAt: null,
  defaultLanguage: 'python',
  options: { anonymous: true, recordingAllowed: false, integritySignals: true },
  me: { participantId: 'p-cand', role: 'candidate', label: 'Candidate', canWrite: false, canControl: false },
  participants: [{ id: 'p-cand', role: 'candidate', label: 'Candidate' }],
  clock: { startedAt: null, pausedAt: null, pausedTotalMs: 0, durationMs: 45 * 60_000, serverNow: Date.now() },
  questions: [],
  ...overrides,
});

describe('room page', () => {
  it('tells someone without a place in the interview how to get in', async () => {
    stubFetch({
      [`GET /api/v1/interviews/${ID}/room`]: {
        status: 403,
        body: {
          type: 'https://interviewselect.dev/problems/auth/forbidden',
          title: 'Forbidden',
          status: 403,
          detail: 'You are not part of this interview.',
          code: 'auth.forbidden',
        },
      },
      'GET /api/v1/languages': LANGUAGES,
    });
    renderApp(ROOM);
    expect(await screen.findByRole('heading', { name: "You're not in this interview yet" }, SLOW)).toBeTruthy();
    expect(screen.getByText(/invite link/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(
      `/sign-in?next=${encodeURIComponent(ROOM)}`,
    );
  });

  it('offers a retry when the room cannot be loaded', async () => {
    stubFetch({
      [`GET /api/v1/interviews/${ID}/room`]: { status: 503, body: undefined },
      'GET /api/v1/languages': LANGUAGES,
    });
    renderApp(ROOM);
    expect(await screen.findByRole('heading', { name: "Couldn't open the room" }, SLOW)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('keeps a candidate waiting until the interviewer starts', async () => {
    stubFetch({
      [`GET /api/v1/interviews/${ID}/room`]: { body: roomInfo() },
      'GET /api/v1/languages': LANGUAGES,
    });
    renderApp(ROOM);
    expect(await screen.findByRole('heading', { name: 'Waiting for the interviewer to start' }, SLOW)).toBeTruthy();
  });
});
