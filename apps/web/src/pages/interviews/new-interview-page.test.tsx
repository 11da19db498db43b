import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch } from '../../testing/fetch-stub';
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
import { SUMMARY, VERSION_ID } from '../questions/test-fixtures';

// Each page is a lazily imported route chunk: on a busy machine the first import alone can take over a second.

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const BASE = {
  'GET /api/v1/auth/session': sessionOf(MEMBER_USER),
  [`GET /api/v1/orgs/${ORG_ID}/members`]: { body: MEMBERS },
  'GET /api/v1/languages': { body: LANGUAGES },
  [`GET /api/v1/interviews/${INTERVIEW_ID}`]: { body: interviewOf() },
  [`GET /api/v1/interviews/${INTERVIEW_ID}/links`]: { body: [] },
};

describe('New interview', () => {
  it('validates inline with the shared schema and sends nothing until the form is right', async () => {
    const fetch = stubFetch(BASE);
    renderApp('/interviews/new');
    const form = await screen.findByRole('form', { name: 'Create interview' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create interview' }));

    expect(await screen.findByText(/Give the interview a title/)).toBeTruthy();
    expect(screen.getByText('Enter the candidate’s name.')).toBeTruthy();
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Title/)));
    expect(pageCalls(fetch).some(([, init]) => init?.method === 'POST')).toBe(false);

    // Live re-validation after the first attempt: fixing the title clears its message.
    fireEvent.change(screen.getByLabelText(/^Title/), { target: { value: 'Backend pairing' } });
    expect(screen.queryByText(/Give the interview a title/)).toBeNull();
  }, 20_000);

  it('creates the interview with co-interviewers, questions and an offset start, then opens it', async () => {
    let sent: unknown;
    stubFetch({
      ...BASE,
      'POST /api/v1/interviews': (init) => {
        sent = bodyOf(init);
        return { status: 201, body: interviewOf() };
      },
    });
    const { router } = renderApp('/interviews/new');
    const form = await screen.findByRole('form', { name: 'Create interview' });
    fireEvent.change(within(form).getByLabelText(/^Title/), { target: { value: 'Backend pairing' } });
    fireEvent.change(within(form).getByLabelText(/^Candidate name/), { target: { value: 'Charles Babbage' } });
    fireEvent.change(within(form).getByLabelText(/^Candidate e-mail/), { target: { value: 'charles@example.com' } });
    fireEvent.change(within(form).getByLabelText(/^Planned start/), { target: { value: '2026-11-25T11:00' } });
    fireEvent.change(within(form).getByLabelText(/^Default language/), { target: { value: 'go' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: /Grace Hopper/ }));
    // The creator is always an interviewer and not offered.
    expect(within(form).queryByRole('checkbox', { name: /Ada Lovelace/ })).toBeNull();

    fireEvent.click(within(form).getByRole('button', { name: 'Add your own question' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add your own question' }));
    const [first, second] = within(form).getAllByRole('textbox', { name: 'Question title' });
    fireEvent.change(first!, { target: { value: 'Warm-up' } });
    fireEvent.change(second!, { target: { value: 'Two sum' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Move question 2 up' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: /Integrity signals/ }));

    fireEvent.click(within(form).getByRole('button', { name: 'Create interview' }));
    expect(await screen.findByText('Interview created')).toBeTruthy();
    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/interviews/${INTERVIEW_ID}`));
    expect(sent).toMatchObject({
      orgId: ORG_ID,
      title: 'Backend pairing',
      candidate: { name: 'Charles Babbage', email: 'charles@example.com' },
      coInterviewerIds: [GRACE_ID],
      defaultLanguage: 'go',
      questions: [{ title: 'Two sum' }, { title: 'Warm-up' }],
      options: { integritySignals: true, anonymous: false, recordingAllowed: false },
    });
    expect((sent as { plannedStart: string }).plannedStart).toMatch(/^2026-11-25T11:00:00[+-]\d\d:\d\d$/);
  }, 20_000);

  it('adds a published problem from the question bank; the interview asks that version', async () => {
    let sent: unknown;
    const published = { ...SUMMARY, status: 'published', currentVersion: 1, currentVersionId: VERSION_ID };
    const draft = { ...SUMMARY, id: GRACE_ID, slug: 'draft-one', title: 'Unpublished draft' };
    stubFetch({
      ...BASE,
      [`GET /api/v1/problems?orgId=${ORG_ID}&status=published&pageSize=10&sort=popularity`]: {
        body: { items: [published, draft], total: 2, page: 1, pageSize: 10 },
      },
      'POST /api/v1/interviews': (init) => {
        sent = bodyOf(init);
        return { status: 201, body: interviewOf() };
      },
    });
    renderApp('/interviews/new');
    const form = await screen.findByRole('form', { name: 'Create interview' });
    fireEvent.change(within(form).getByLabelText(/^Title/), { target: { value: 'Backend pairing' } });
    fireEvent.change(within(form).getByLabelText(/^Candidate name/), { target: { value: 'Charles Babbage' } });
    fireEvent.change(within(form).getByLabelText(/^Candidate e-mail/), { target: { value: 'charles@example.com' } });

    fireEvent.click(within(form).getByRole('button', { name: 'Add from question bank…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add from the question bank' });
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Add Sum of two' }));
    // Only published problems can be asked; an added one cannot be added twice.
    expect(within(dialog).queryByText('Unpublished draft')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Sum of two is added' })).toHaveProperty('disabled', true);
    fireEvent.keyDown(dialog, { key: 'Escape' });

    expect(await within(form).findByRole('link', { name: 'Sum of two' })).toBeTruthy();
    expect(within(form).queryByRole('textbox', { name: 'Question title' })).toBeNull();
    fireEvent.change(within(form).getByLabelText(/^Interviewer notes/), { target: { value: 'Start easy.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create interview' }));
    await vi.waitFor(() => expect(sent).toBeDefined());
    expect((sent as { questions: unknown }).questions).toEqual([
      expect.objectContaining({ problemVersionId: VERSION_ID, interviewerNotes: 'Start easy.' }),
    ]);
  }, 20_000);

  it('shows the server’s field messages next to the field', async () => {
    stubFetch({
      ...BASE,
      'POST /api/v1/interviews': problem(400, 'request.validation_failed', 'Invalid', [
        { path: 'body.coInterviewerIds', message: 'Pick co-interviewers from the organisation’s members.' },
      ]),
    });
    renderApp('/interviews/new');
    const form = await screen.findByRole('form', { name: 'Create interview' });
    fireEvent.change(within(form).getByLabelText(/^Title/), { target: { value: 'Backend pairing' } });
    fireEvent.change(within(form).getByLabelText(/^Candidate name/), { target: { value: 'Charles Babbage' } });
    fireEvent.change(within(form).getByLabelText(/^Candidate e-mail/), { target: { value: 'charles@example.com' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create interview' }));
    expect(await screen.findByText('Pick co-interviewers from the organisation’s members.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tells someone without an organisation to create or join one first', async () => {
    stubFetch({
      ...BASE,
      'GET /api/v1/auth/session': sessionOf({ ...MEMBER_USER, memberships: [], activeOrgId: null }),
    });
    renderApp('/interviews/new');
    expect(await screen.findByRole('heading', { name: 'Create or join an organisation first' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to organisations' }).getAttribute('href')).toBe('/orgs');
  });
});
