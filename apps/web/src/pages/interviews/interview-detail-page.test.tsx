import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, stubFetch } from '../../testing/fetch-stub';
import { viewerTimeZone } from '../../lib/format-date';
import { renderApp } from '../../testing/render-app';
import { formatSlot } from '../scheduling/slot-days';
import { bodyOf, INTERVIEW_ID, interviewOf, LANGUAGES, LINK_ID, linkOf, MEMBER_USER, problem } from './test-fixtures';

// Each page is a lazily imported route chunk: on a busy machine the first import alone can take over a second.

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const DETAIL = `/api/v1/interviews/${INTERVIEW_ID}`;
const BASE = {
  'GET /api/v1/auth/session': sessionOf(MEMBER_USER),
  'GET /api/v1/languages': { body: LANGUAGES },
  [`GET ${DETAIL}/links`]: { body: [] },
};

describe('Interview page', () => {
  it('shows the summary, questions with marked interviewer notes, history and the caller’s actions', async () => {
    stubFetch({ ...BASE, [`GET ${DETAIL}`]: { body: interviewOf() } });
    renderApp(`/interviews/${INTERVIEW_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Backend pairing' })).toBeTruthy();
    expect(screen.getByText('Draft')).toBeTruthy();
    expect(screen.getByText('Two sum')).toBeTruthy();
    expect(screen.getByText(/only interviewers see these/)).toBeTruthy();
    expect(screen.getByText('Created as draft')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Schedule' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start interview' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'End interview' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Open room' }).getAttribute('href')).toBe(
      `/interviews/${INTERVIEW_ID}/room`,
    );
    expect(screen.getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe(`/interviews/${INTERVIEW_ID}/edit`);
  });

  it('starts the interview at once and shows the new status', async () => {
    let sent: unknown;
    stubFetch({
      ...BASE,
      [`GET ${DETAIL}`]: { body: interviewOf() },
      [`POST ${DETAIL}/transitions`]: (init) => {
        sent = bodyOf(init);
        return {
          body: interviewOf({
            status: 'live',
            can: { edit: false, manageLinks: true, actions: ['pause', 'end', 'cancel'] },
          }),
        };
      },
    });
    renderApp(`/interviews/${INTERVIEW_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Start interview' }));
    expect(await screen.findByText('Interview started')).toBeTruthy();
    expect(sent).toEqual({ action: 'start' });
    expect(screen.getByRole('button', { name: 'End interview' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
  });

  it('says when scheduling clashes with someone’s calendar, naming free times', async () => {
    const conflict = problem(409, 'scheduling.slot_unavailable', 'Ian Interviewer is busy then.');
    const alternatives = [
      { start: '2030-01-08T15:00:00Z', end: '2030-01-08T16:00:00Z' },
      { start: '2030-01-09T09:00:00Z', end: '2030-01-09T10:00:00Z' },
    ];
    stubFetch({
      ...BASE,
      [`GET ${DETAIL}`]: { body: interviewOf() },
      [`POST ${DETAIL}/transitions`]: {
        ...conflict,
        body: {
          ...conflict.body,
          alternatives,
        },
      },
    });
    renderApp(`/interviews/${INTERVIEW_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule' }));
    expect(await screen.findByText("Couldn't change the interview's status")).toBeTruthy();
    const text = await screen.findByText(/Ian Interviewer is busy then\. Free then: /);
    const zone = viewerTimeZone();
    expect(text.textContent).toBe(
      `Ian Interviewer is busy then. Free then: ${formatSlot(alternatives[0]!, zone)}; ${formatSlot(alternatives[1]!, zone)}.`,
    );
    expect(screen.getByText('Draft')).toBeTruthy();
  });

  it('asks before cancelling and sends the reason', async () => {
    const fetch = stubFetch({
      ...BASE,
      [`GET ${DETAIL}`]: { body: interviewOf() },
      [`POST ${DETAIL}/transitions`]: {
        body: interviewOf({ status: 'cancelled', can: { edit: false, manageLinks: false, actions: [] } }),
      },
    });
    renderApp(`/interviews/${INTERVIEW_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel interview' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel the interview?' });
    expect(pageCalls(fetch).some(([, init]) => init?.method === 'POST')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: 'Candidate withdrew' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel interview' }));
    expect(await screen.findByText('Interview cancelled')).toBeTruthy();
    const post = pageCalls(fetch).find(([, init]) => init?.method === 'POST');
    expect(bodyOf(post?.[1])).toEqual({ action: 'cancel', reason: 'Candidate withdrew' });
    expect(screen.queryByRole('link', { name: 'Open room' })).toBeNull();
  });

  it('creates a candidate link, shows its URL once with a copy button, and revokes it after asking', async () => {
    let links = [] as ReturnType<typeof linkOf>[];
    let created: unknown;
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    stubFetch({
      ...BASE,
      [`GET ${DETAIL}`]: { body: interviewOf() },
      [`GET ${DETAIL}/links`]: () => ({ body: links }),
      [`POST ${DETAIL}/links`]: (init) => {
        created = bodyOf(init);
        links = [linkOf({ emailedTo: 'charles@example.com' })];
        return { status: 201, body: { ...links[0], url: `https://is.example/join#tok` } };
      },
      [`POST ${DETAIL}/links/${LINK_ID}/revoke`]: () => {
        links = [linkOf({ active: false, revokedAt: '2026-11-23T11:00:00.000Z' })];
        return { body: links[0] };
      },
    });
    renderApp(`/interviews/${INTERVIEW_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Create candidate link' }));
    const form = screen.getByRole('form', { name: 'Create candidate link' });
    fireEvent.change(within(form).getByLabelText('Expires after'), { target: { value: '72' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: /E-mail it to the candidate/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create link' }));

    const url = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Candidate link URL' });
    expect(url.value).toBe('https://is.example/join#tok');
    expect(created).toEqual({ role: 'candidate', expiresInHours: 72, singleUse: false, sendEmail: true });
    expect(await screen.findByText('charles@example.com', { selector: 'dd' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith('https://is.example/join#tok'));
    expect(await screen.findByText('Link copied')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke the candidate link?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke link' }));
    expect(await screen.findByText('Candidate link revoked')).toBeTruthy();
    await vi.waitFor(() => expect(screen.queryByRole('textbox', { name: 'Candidate link URL' })).toBeNull());
    expect(screen.getByText('Revoked')).toBeTruthy();
  }, 20_000);

  it('says when the interview does not exist or is in another organisation', async () => {
    stubFetch({ ...BASE, [`GET ${DETAIL}`]: problem(404, 'resource.not_found', 'No such interview.') });
    renderApp(`/interviews/${INTERVIEW_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Interview not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'All interviews' })).toBeTruthy();
  });
});
