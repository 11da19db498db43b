import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import { LOBBY_POLL_MS, LOBBY_TOKEN_KEY } from './lobby-logic';
import { bodyOf, INTERVIEW_ID, lobbyOf, problem, TOKEN } from './test-fixtures';

// Each page is a lazily imported route chunk: on a busy machine the first import alone can take over a second.

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', `/join#${TOKEN}`);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('Lobby', () => {
  it('takes the token out of the address bar and shows the interview in the viewer’s zone', async () => {
    const fetch = stubFetch({ 'POST /api/v1/room-links/lookup': { body: lobbyOf() } });
    renderApp('/join');
    expect(await screen.findByRole('heading', { level: 1, name: 'Backend pairing' })).toBeTruthy();
    expect(window.location.hash).toBe('');
    expect(window.sessionStorage.getItem(LOBBY_TOKEN_KEY)).toBe(TOKEN);
    expect(bodyOf(pageCalls(fetch)[0]?.[1])).toEqual({ token: TOKEN });
    expect(screen.getByText('You join as candidate')).toBeTruthy();
    expect(screen.getByText(/\(.+\)/, { selector: 'time' })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: /Your name/ }).value).toBe('Charles Babbage');
  });

  it('requires consent when integrity signals are on, then waits and lets the candidate in once live', async () => {
    let lobby = lobbyOf();
    const fetch = stubFetch({
      'POST /api/v1/room-links/lookup': () => ({ body: lobby }),
      'POST /api/v1/room-links/join': () => {
        lobby = { ...lobby, joined: true };
        return { body: { interviewId: INTERVIEW_ID, role: 'candidate' } };
      },
    });
    const { router } = renderApp('/join');
    const join = await screen.findByRole('button', { name: 'Join interview' });
    expect(screen.getByText(/large pastes into the editor/)).toBeTruthy();

    fireEvent.click(join);
    expect(await screen.findByText('Tick the box to agree before joining.')).toBeTruthy();
    expect(pageCalls(fetch).some(([url]) => url === '/api/v1/room-links/join')).toBe(false);

    fireEvent.click(screen.getByRole('checkbox', { name: 'I have read this and agree to it' }));
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fireEvent.click(join);
    expect(await screen.findByText('Waiting for the interviewer to start…')).toBeTruthy();
    const joinCall = pageCalls(fetch).find(([url]) => url === '/api/v1/room-links/join');
    expect(bodyOf(joinCall?.[1])).toEqual({ token: TOKEN, displayName: 'Charles Babbage', consent: true });

    lobby = { ...lobby, status: 'live' };
    await act(async () => {
      await vi.advanceTimersByTimeAsync(LOBBY_POLL_MS + 100);
    });
    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/interviews/${INTERVIEW_ID}/room`));
  });

  it('sends an interviewer straight into the room', async () => {
    stubFetch({
      'POST /api/v1/room-links/lookup': { body: lobbyOf({ role: 'interviewer', suggestedName: null }) },
      'POST /api/v1/room-links/join': { body: { interviewId: INTERVIEW_ID, role: 'interviewer' } },
    });
    const { router } = renderApp('/join');
    fireEvent.change(await screen.findByRole('textbox', { name: /Your name/ }), { target: { value: 'Grace Hopper' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'I have read this and agree to it' }));
    fireEvent.click(screen.getByRole('button', { name: 'Join interview' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/interviews/${INTERVIEW_ID}/room`));
  });

  it('explains a revoked or expired link without offering a retry', async () => {
    stubFetch({
      'POST /api/v1/room-links/lookup': problem(410, 'interview.link_inactive', 'This invite link was withdrawn.'),
    });
    renderApp('/join');
    expect(await screen.findByRole('heading', { level: 1, name: 'This link no longer works' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('says the link is incomplete when there is no token', async () => {
    window.history.replaceState(null, '', '/join');
    stubFetch({});
    renderApp('/join');
    expect(await screen.findByRole('heading', { level: 1, name: 'This invite link is incomplete' })).toBeTruthy();
  });
});
