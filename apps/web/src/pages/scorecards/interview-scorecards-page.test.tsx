import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionOf, stubFetch, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import { GRACE_ID, INTERVIEW_ID, interviewOf, MEMBER_USER } from '../interviews/test-fixtures';
import { overviewOf, scorecardOf } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const BASE = {
  'GET /api/v1/auth/session': sessionOf(MEMBER_USER),
  [`GET /api/v1/interviews/${INTERVIEW_ID}`]: { body: interviewOf({ status: 'ended' }) },
};
const URL = `GET /api/v1/interviews/${INTERVIEW_ID}/scorecards`;

describe('Interview scorecards', { timeout: 20_000 }, () => {
  it('shows progress and keeps others’ scorecards hidden until the caller submits', async () => {
    stubFetch({ ...BASE, [URL]: { body: overviewOf() } });
    renderApp(`/interviews/${INTERVIEW_ID}/scorecards`);
    expect(await screen.findByText('1 of 2 submitted')).toBeTruthy();
    expect(screen.getByText('Submit yours to see the others')).toBeTruthy();
    const panel = screen.getByRole('heading', { name: 'Panel' }).closest('section') as HTMLElement;
    expect(within(panel).getByText(`${TEST_USER.name} (you)`)).toBeTruthy();
    expect(within(panel).getByText('Submitted')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Continue your scorecard' }).getAttribute('href')).toBe(
      `/interviews/${INTERVIEW_ID}/scorecard`,
    );
  });

  it('shows the consolidated view once everyone has submitted', async () => {
    const mine = scorecardOf({ status: 'submitted', recommendation: 'hire', submittedAt: '2026-11-23T12:00:00.000Z' });
    const graces = scorecardOf({
      id: crypto.randomUUID(),
      author: { userId: GRACE_ID, name: 'Grace Hopper' },
      status: 'submitted',
      recommendation: 'no_hire',
      strengths: 'Fast and careful',
      submittedAt: '2026-11-23T12:05:00.000Z',
    });
    stubFetch({
      ...BASE,
      [URL]: {
        body: overviewOf({
          complete: true,
          access: 'full',
          progress: { submitted: 2, expected: 2 },
          me: { onPanel: true, scorecardId: mine.id, status: 'submitted', canOpen: true },
          scorecards: [mine, graces],
          summary: {
            recommendations: { strong_no_hire: 0, no_hire: 1, hire: 1, strong_hire: 0 },
            competencies: [
              {
                key: 'problem_solving',
                label: 'Problem solving',
                maxScore: 4,
                average: 2.5,
                scores: [
                  { userId: TEST_USER.id, name: TEST_USER.name, score: 3 },
                  { userId: GRACE_ID, name: 'Grace Hopper', score: 2 },
                ],
              },
            ],
          },
        }),
      },
    });
    renderApp(`/interviews/${INTERVIEW_ID}/scorecards`);
    expect(await screen.findByText('All scorecards are in')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Scores per competency and interviewer' });
    const row = within(table).getByRole('row', { name: /Problem solving/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3 / 4', '2 / 4', '2.50']);
    expect(screen.getByText('No hire: 1')).toBeTruthy();
    expect(screen.getByText('Fast and careful')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'View your scorecard' })).toBeTruthy();
  });

  it('explains a refusal', async () => {
    stubFetch({
      ...BASE,
      [URL]: {
        status: 403,
        body: {
          type: 'https://interviewselect.dev/problems/auth/forbidden',
          title: 'Not allowed',
          status: 403,
          detail: 'Your role does not allow reading this interview’s scorecards.',
          code: 'auth.forbidden',
        },
      },
    });
    renderApp(`/interviews/${INTERVIEW_ID}/scorecards`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Scorecards are not yours to see' })).toBeTruthy();
  });
});
