import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionOf, stubFetch, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import {
  bodyOf,
  GRACE_ID,
  INTERVIEW_ID,
  interviewOf,
  LANGUAGES,
  MEMBER_USER,
  MEMBERS,
  ORG_ID,
  problem,
} from './test-fixtures';

// Each page is a lazily imported route chunk: on a busy machine the first import alone can take over a second.

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const DETAIL = `/api/v1/interviews/${INTERVIEW_ID}`;
const BASE = {
  'GET /api/v1/auth/session': sessionOf(MEMBER_USER),
  [`GET /api/v1/orgs/${ORG_ID}/members`]: { body: MEMBERS },
  'GET /api/v1/languages': { body: LANGUAGES },
  [`GET ${DETAIL}/links`]: { body: [] },
};

describe('Edit interview', () => {
  it('fills the form from the interview and sends every field back with PATCH', async () => {
    let sent: unknown;
    stubFetch({
      ...BASE,
      [`GET ${DETAIL}`]: {
        body: interviewOf({
          interviewers: [
            { userId: TEST_USER.id, name: TEST_USER.name, email: TEST_USER.email },
            { userId: GRACE_ID, name: 'Grace Hopper', email: 'grace@example.com' },
          ],
        }),
      },
      [`PATCH ${DETAIL}`]: (init) => {
        sent = bodyOf(init);
        return { body: interviewOf({ title: 'Backend pairing, round 2' }) };
      },
    });
    const { router } = renderApp(`/interviews/${INTERVIEW_ID}/edit`);
    const form = await screen.findByRole('form', { name: 'Save changes' });
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Title' }).value).toBe('Backend pairing');
    expect(within(form).getByRole<HTMLInputElement>('checkbox', { name: /Grace Hopper/ }).checked).toBe(true);
    expect(within(form).getByRole<HTMLTextAreaElement>('textbox', { name: /Interviewer notes/ }).value).toBe(
      'Hash map.',
    );

    fireEvent.change(within(form).getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Backend pairing, round 2' },
    });
    fireEvent.click(within(form).getByRole('checkbox', { name: /Grace Hopper/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes saved')).toBeTruthy();
    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/interviews/${INTERVIEW_ID}`));
    expect(sent).toMatchObject({
      title: 'Backend pairing, round 2',
      candidate: { name: 'Charles Babbage', email: 'charles@example.com' },
      coInterviewerIds: [],
      durationMinutes: 60,
      questions: [{ title: 'Two sum', prompt: 'Find the pair.', interviewerNotes: 'Hash map.' }],
    });
    expect(Date.parse((sent as { plannedStart: string }).plannedStart)).toBe(Date.parse('2026-11-25T10:00:00.000Z'));
  }, 20_000);

  it('explains a locked interview from the server in an alert', async () => {
    stubFetch({
      ...BASE,
      [`GET ${DETAIL}`]: { body: interviewOf() },
      [`PATCH ${DETAIL}`]: problem(
        409,
        'interview.locked',
        'This interview has started meanwhile and can no longer be edited.',
      ),
    });
    renderApp(`/interviews/${INTERVIEW_ID}/edit`);
    const form = await screen.findByRole('form', { name: 'Save changes' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText("Couldn't save the changes")).toBeTruthy();
    expect(within(alert).getByText(/started meanwhile/)).toBeTruthy();
  });

  it('refuses to edit a live interview and links back to it', async () => {
    stubFetch({
      ...BASE,
      [`GET ${DETAIL}`]: {
        body: interviewOf({ status: 'live', can: { edit: false, manageLinks: true, actions: [] } }),
      },
    });
    renderApp(`/interviews/${INTERVIEW_ID}/edit`);
    expect(await screen.findByRole('heading', { name: "This interview can't be edited" })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the interview' }).getAttribute('href')).toBe(
      `/interviews/${INTERVIEW_ID}`,
    );
  });
});
