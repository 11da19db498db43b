import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import { bodyOf, INTERVIEW_ID, interviewOf, MEMBER_USER } from '../interviews/test-fixtures';
import { SCORECARD_ID, scorecardOf } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const OPEN = `POST /api/v1/interviews/${INTERVIEW_ID}/scorecards`;
const SAVE = `PUT /api/v1/scorecards/${SCORECARD_ID}`;
const BASE = {
  'GET /api/v1/auth/session': sessionOf(MEMBER_USER),
  [`GET /api/v1/interviews/${INTERVIEW_ID}`]: { body: interviewOf({ status: 'ended' }) },
  [`GET /api/v1/interviews/${INTERVIEW_ID}/scorecards`]: { body: null },
};
const conflict = {
  status: 409,
  body: {
    type: 'https://interviewselect.dev/problems/scorecard/revision_conflict',
    title: 'Scorecard changed elsewhere',
    status: 409,
    detail: 'This scorecard was saved in another tab or window (revision 4, yours was 0).',
    code: 'scorecard.revision_conflict',
  },
};

// The page is a lazy chunk and autosave waits 800 ms: allow for a busy machine.
describe('Scorecard form', { timeout: 20_000 }, () => {
  it('opens the caller’s scorecard, shows the chosen level’s rubric and autosaves with the revision', async () => {
    const saves: unknown[] = [];
    stubFetch({
      ...BASE,
      [OPEN]: { status: 201, body: scorecardOf() },
      [SAVE]: (init) => {
        saves.push(bodyOf(init));
        return { body: scorecardOf({ revision: saves.length }) };
      },
    });
    renderApp(`/interviews/${INTERVIEW_ID}/scorecard`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your scorecard' })).toBeTruthy();
    const solving = screen.getByRole('group', { name: 'Problem solving' });
    expect(within(solving).getByText('Pick a level to see its rubric.')).toBeTruthy();
    fireEvent.click(within(solving).getByRole('radio', { name: '3 · Yes' }));
    expect(within(solving).getByText('Solving rubric 3')).toBeTruthy();
    expect(screen.getByTestId('save-status').textContent).toBe('Unsaved changes');
    fireEvent.change(screen.getByLabelText('Strengths'), { target: { value: 'Clear' } });
    expect(await screen.findByText('Saved', {}, { timeout: 3000 })).toBeTruthy();
    expect(saves).toEqual([
      expect.objectContaining({
        revision: 0,
        strengths: 'Clear',
        ratings: [
          { competencyKey: 'problem_solving', score: 3, notes: '' },
          { competencyKey: 'testing', score: null, notes: '' },
        ],
      }),
    ]);
    fireEvent.click(within(screen.getByRole('group', { name: 'Recommendation' })).getByRole('radio', { name: 'Hire' }));
    expect(await screen.findByText('Saved', {}, { timeout: 3000 })).toBeTruthy();
    await vi.waitFor(() => expect(saves).toHaveLength(2));
    expect(saves[1]).toMatchObject({ revision: 1, recommendation: 'hire' });
  });

  it('says what is missing before submitting, then submits the saved revision after confirmation', async () => {
    let submitted: unknown;
    const fetch = stubFetch({
      ...BASE,
      [OPEN]: {
        body: scorecardOf({
          revision: 2,
          ratings: [
            { competencyKey: 'problem_solving', score: 3, notes: '' },
            { competencyKey: 'testing', score: null, notes: '' },
          ],
          recommendation: 'hire',
        }),
      },
      [SAVE]: { body: scorecardOf({ revision: 3 }) },
      [`POST /api/v1/scorecards/${SCORECARD_ID}/submit`]: (init) => {
        submitted = bodyOf(init);
        return { body: scorecardOf({ status: 'submitted', revision: 3, submittedAt: '2026-11-23T12:00:00.000Z' }) };
      },
    });
    const { router } = renderApp(`/interviews/${INTERVIEW_ID}/scorecard`);
    fireEvent.click(await screen.findByRole('button', { name: 'Submit scorecard…' }));
    let dialog = await screen.findByRole('dialog', { name: 'Submit your scorecard?' });
    expect(within(dialog).getByText('Rate “Testing”')).toBeTruthy();
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Submit' }).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep editing' }));

    fireEvent.click(
      within(screen.getByRole('group', { name: 'Testing' })).getByRole('radio', { name: '4 · Strong yes' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Submit scorecard…' }));
    dialog = await screen.findByRole('dialog', { name: 'Submit your scorecard?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit' }));
    expect(await screen.findByText('Scorecard submitted')).toBeTruthy();
    expect(submitted).toEqual({ revision: 3 });
    expect(pageCalls(fetch).filter(([, init]) => init?.method === 'PUT')).toHaveLength(1);
    expect(router.state.location.pathname).toBe(`/interviews/${INTERVIEW_ID}/scorecards`);
  });

  it('stops autosaving on a conflict and offers the latest version', async () => {
    stubFetch({ ...BASE, [OPEN]: { body: scorecardOf() }, [SAVE]: conflict });
    renderApp(`/interviews/${INTERVIEW_ID}/scorecard`);
    fireEvent.change(await screen.findByLabelText('Weaknesses'), { target: { value: 'Slow' } });
    expect(
      await screen.findByText('This scorecard changed in another tab or window', {}, { timeout: 3000 }),
    ).toBeTruthy();
    expect(screen.getByTestId('save-status').textContent).toBe('Not saved: changed elsewhere');
    expect(screen.getByRole('button', { name: 'Load the latest version' })).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Submit scorecard…' }).disabled).toBe(true);
  });

  it('shows a submitted scorecard read-only, and explains when there is none for the caller', async () => {
    stubFetch({
      ...BASE,
      [OPEN]: {
        body: scorecardOf({
          status: 'submitted',
          recommendation: 'strong_hire',
          submittedAt: '2026-11-23T12:00:00.000Z',
        }),
      },
    });
    renderApp(`/interviews/${INTERVIEW_ID}/scorecard`);
    expect(await screen.findByText('Strong hire')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit scorecard…' })).toBeNull();
    cleanup();

    stubFetch({
      ...BASE,
      [OPEN]: {
        status: 403,
        body: {
          type: 'https://interviewselect.dev/problems/auth/forbidden',
          title: 'Not allowed',
          status: 403,
          detail: 'Only the interview’s interviewers fill in scorecards.',
          code: 'auth.forbidden',
        },
      },
    });
    renderApp(`/interviews/${INTERVIEW_ID}/scorecard`);
    expect(await screen.findByRole('heading', { level: 1, name: 'No scorecard for you here' })).toBeTruthy();
    expect(screen.getByText('Only the interview’s interviewers fill in scorecards.')).toBeTruthy();
  });
});
