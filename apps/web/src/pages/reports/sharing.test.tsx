import { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../../app/providers';
import { createFetchStub, sessionOf, SHELL_DEFAULTS, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import { bodyOf, INTERVIEW_ID, MEMBER_USER, problem } from '../interviews/test-fixtures';
import { SharingSection } from './sharing-section';
import { reportOf } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TOKEN = 'a'.repeat(43);
const SHARE_ID = '3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d';
const share = (overrides: Record<string, unknown> = {}) => ({
  id: SHARE_ID,
  label: 'Hiring manager',
  includeReplay: false,
  state: 'active',
  expiresAt: '2026-12-20T10:00:00.000Z',
  revokedAt: null,
  createdAt: '2026-12-06T10:00:00.000Z',
  createdBy: 'Ada Lovelace',
  lastOpenedAt: null,
  openCount: 0,
  ...overrides,
});

function renderSection(handlers: Parameters<typeof createFetchStub>[0], status: 'ended' | 'live' = 'ended') {
  const fetch = createFetchStub(handlers, SHELL_DEFAULTS);
  vi.stubGlobal('fetch', fetch);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <Providers queryClient={queryClient}>
      <MemoryRouter>
        <SharingSection interviewId={INTERVIEW_ID} status={status} />
      </MemoryRouter>
    </Providers>,
  );
  return fetch;
}

describe('sharing a report', { timeout: 20_000 }, () => {
  it('creates a link, shows its URL once, lists it and revokes it', async () => {
    let shares = [share({ id: '4b5c6d7e-8f9a-4b1c-8d2e-3f4a5b6c7d8e', label: 'Old one', state: 'expired' })];
    const fetch = renderSection({
      [`GET /api/v1/interviews/${INTERVIEW_ID}/report/shares`]: () => ({ body: { shares } }),
      [`GET /api/v1/interviews/${INTERVIEW_ID}/release`]: { body: { release: null } },
      [`POST /api/v1/interviews/${INTERVIEW_ID}/report/shares`]: (init) => {
        const body = bodyOf(init) as { label: string; expiresInDays: number; includeReplay: boolean };
        expect(body).toEqual({ label: 'Payments hiring manager', expiresInDays: 30, includeReplay: true });
        shares = [share({ label: body.label, includeReplay: true }), ...shares];
        return { status: 201, body: { ...shares[0], url: `http://localhost:3000/shared/report#${TOKEN}` } };
      },
      [`POST /api/v1/report-shares/${SHARE_ID}/revoke`]: () => {
        shares = shares.map((s) => (s.id === SHARE_ID ? { ...s, state: 'revoked' } : s));
        return { body: shares[0] };
      },
    });
    const table = await screen.findByRole('region', { name: 'Share links' });
    expect(within(table).getByRole('row', { name: /Old one/ }).textContent).toContain('Expired');

    fireEvent.change(screen.getByLabelText(/Who is it for/), { target: { value: 'Payments hiring manager' } });
    fireEvent.change(screen.getByLabelText('Expires after'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /session replay/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create share link' }));
    const url = await screen.findByLabelText('Share link URL');
    expect((url as HTMLInputElement).value).toBe(`http://localhost:3000/shared/report#${TOKEN}`);
    const row = await screen.findByRole('row', { name: /Payments hiring manager/ });
    expect(row.textContent).toContain('with replay');

    fireEvent.click(within(row).getByRole('button', { name: 'Revoke the link for Payments hiring manager' }));
    await screen.findByText('Link revoked');
    expect(
      fetch.mock.calls.some(([u, i]) => u === `/api/v1/report-shares/${SHARE_ID}/revoke` && i?.method === 'POST'),
    ).toBe(true);
    await within(await screen.findByRole('row', { name: /Payments hiring manager/ })).findByText('Revoked');
  });

  it('releases feedback to the candidate with the chosen parts, and says so when the interview is not over', async () => {
    renderSection({
      [`GET /api/v1/interviews/${INTERVIEW_ID}/report/shares`]: { body: { shares: [] } },
      [`GET /api/v1/interviews/${INTERVIEW_ID}/release`]: { body: { release: null } },
      [`PUT /api/v1/interviews/${INTERVIEW_ID}/release`]: (init) => {
        expect(bodyOf(init)).toEqual({
          feedback: 'Well reasoned.',
          includeCode: true,
          includeSolution: false,
        });
        return {
          body: {
            interviewId: INTERVIEW_ID,
            feedback: 'Well reasoned.',
            includeCode: true,
            includeSolution: false,
            releasedAt: '2026-12-06T12:00:00.000Z',
            releasedBy: 'Ada Lovelace',
          },
        };
      },
    });
    const form = await screen.findByRole('form', { name: 'Release to the candidate' });
    fireEvent.change(within(form).getByLabelText('Feedback for the candidate'), {
      target: { value: 'Well reasoned.' },
    });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Include their final code' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Release to candidate' }));
    await screen.findByText('Released to the candidate');
    cleanup();

    renderSection(
      {
        [`GET /api/v1/interviews/${INTERVIEW_ID}/report/shares`]: { body: { shares: [] } },
        [`GET /api/v1/interviews/${INTERVIEW_ID}/release`]: { body: { release: null } },
      },
      'live',
    );
    await screen.findByText('Feedback can be released once the interview has ended.');
    expect(screen.queryByRole('form', { name: 'Release to the candidate' })).toBeNull();
  });
});

describe('the shared report page (public)', { timeout: 20_000 }, () => {
  it('opens the report with the token from the fragment, sent in the body', async () => {
    const fetch = stubFetch({
      'POST /api/v1/shared-reports/open': (init) => {
        expect(bodyOf(init)).toEqual({ token: TOKEN, format: 'json' });
        return {
          body: {
            report: reportOf(),
            sharedBy: 'Ada Lovelace',
            sharedAt: '2026-12-06T10:00:00.000Z',
            expiresAt: '2026-12-20T10:00:00.000Z',
            includeReplay: false,
          },
        };
      },
    });
    renderApp(`/shared/report#${TOKEN}`);
    await screen.findByRole('heading', { level: 1, name: 'Backend pairing report' });
    expect(screen.getByText(/Shared by Ada Lovelace/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Decision' }).textContent).toContain('Hire');
    expect(screen.getByRole('button', { name: 'Download PDF' })).toBeTruthy();
    // The token never appears in a URL the page requests.
    expect(fetch.mock.calls.every(([u]) => typeof u === 'string' && !u.includes(TOKEN))).toBe(true);
  });

  it('explains an expired or revoked link, and an incomplete one', async () => {
    stubFetch({
      'POST /api/v1/shared-reports/open': problem(
        410,
        'report.share_inactive',
        'This link was revoked by the organisation that shared it.',
      ),
    });
    renderApp(`/shared/report#${TOKEN}`);
    await screen.findByRole('heading', { name: 'This link no longer works' });
    expect(screen.getByText(/was revoked/)).toBeTruthy();
    cleanup();
    stubFetch({});
    renderApp('/shared/report');
    await screen.findByRole('heading', { name: 'This link is incomplete' });
  });
});

describe('the candidate’s feedback page', { timeout: 20_000 }, () => {
  const PAGE = `/me/interviews/${INTERVIEW_ID}/feedback`;
  const URL = `GET /api/v1/me/interviews/${INTERVIEW_ID}/feedback`;
  const base = { interviewId: INTERVIEW_ID, title: 'Backend pairing', orgName: 'Acme' };

  it('shows exactly what was released: feedback and code, no solutions', async () => {
    stubFetch({
      'GET /api/v1/auth/session': sessionOf(MEMBER_USER),
      [URL]: {
        body: {
          ...base,
          released: true,
          releasedAt: '2026-12-06T12:00:00.000Z',
          feedback: 'Clear reasoning; add tests next time.',
          code: [{ language: 'python', code: 'print(42)' }],
          solutions: null,
        },
      },
    });
    renderApp(PAGE);
    await screen.findByRole('heading', { level: 1, name: 'Feedback: Backend pairing' });
    expect(screen.getByText('Clear reasoning; add tests next time.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Your final code' }).textContent).toContain('print(42)');
    expect(screen.queryByRole('region', { name: 'Reference solutions' })).toBeNull();
  });

  it('says when nothing was released yet', async () => {
    stubFetch({
      'GET /api/v1/auth/session': sessionOf(MEMBER_USER),
      [URL]: {
        body: { ...base, released: false, releasedAt: null, feedback: '', code: null, solutions: null },
      },
    });
    renderApp(PAGE);
    await screen.findByRole('heading', { name: 'Nothing released yet' });
  });
});
