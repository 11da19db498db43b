import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionOf, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import { INTERVIEW_ID, interviewOf, LANGUAGES, MEMBER_USER, problem } from '../interviews/test-fixtures';
import { overviewOf } from '../scorecards/test-fixtures';
import { anchoredReportOf, FINAL_GO, FINAL_PYTHON, reportOf, summaryOf } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PAGE = `/interviews/${INTERVIEW_ID}/report`;
const URL = `GET /api/v1/interviews/${INTERVIEW_ID}/report`;
const SESSION = { 'GET /api/v1/auth/session': sessionOf(MEMBER_USER) };
const RECORDINGS = `GET /api/v1/interviews/${INTERVIEW_ID}/recordings`;

const region = (name: string) => screen.getByRole('region', { name });
/** The text of the overview's fact named `term` (its <dd>). */
const fact = (term: string) =>
  [...region('Interview').querySelectorAll('dt')].find((dt) => dt.textContent === term)?.nextElementSibling
    ?.textContent;

async function openReport(body: unknown, recordings: unknown[] = []) {
  stubFetch({ ...SESSION, ...PLAYBACK, [URL]: { body }, [RECORDINGS]: { body: { items: recordings } } });
  renderApp(PAGE);
  return screen.findByRole('heading', { level: 1, name: 'Backend pairing report' });
}

const RECORDING_ID = '0196b7a0-0000-7000-8000-0000000000aa';
const SIGNED = `/api/v1/recordings/${RECORDING_ID}/media?exp=1999999999&sig=${'a'.repeat(43)}`;
const PLAYBACK = {
  [`GET /api/v1/recordings/${RECORDING_ID}/playback`]: { body: { url: SIGNED, expiresAt: '2033-05-18T03:33:19.000Z' } },
};

describe('Interview report', { timeout: 20_000 }, () => {
  it('plays the interview’s recording from a signed URL and says when another is still processing', async () => {
    const base = {
      interviewId: INTERVIEW_ID,
      startedAt: '2026-01-05T10:00:00.000Z',
      stoppedAt: '2026-01-05T10:30:00.000Z',
      durationMs: 1_800_000,
      sizeBytes: 1000,
      chunksReceived: 900,
      error: null,
    };
    await openReport(reportOf(), [
      { ...base, id: RECORDING_ID, status: 'ready' },
      { ...base, id: '0196b7a0-0000-7000-8000-0000000000ab', status: 'processing', durationMs: null },
    ]);
    const section = region('Recording');
    const video = await within(section).findByLabelText(/^Interview recording from/);
    expect(video.getAttribute('src')).toBe(SIGNED);
    expect(within(section).getByRole('status').textContent).toMatch(/A recording is still being processed/);
  });

  it('shows the header facts and the download and print actions', async () => {
    await openReport(reportOf());
    const overview = region('Interview');
    expect(fact('Candidate')).toBe('Charles Babbage charles@example.com');
    expect(fact('Interviewers')).toBe('Ada Lovelace, Grace Hopper');
    expect(fact('Status')).toBe('Ended');
    expect(fact('Duration')).toBe('1 h');
    expect(
      within(overview)
        .getAllByRole('time')
        .map((t) => t.getAttribute('datetime')),
    ).toEqual(['2026-11-23T10:00:00.000Z', '2026-11-23T10:02:00.000Z', '2026-11-23T11:00:00.000Z']);
    expect(within(overview).queryByText('Anonymous mode')).toBeNull();

    expect(screen.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toBe(
      `/api/v1/interviews/${INTERVIEW_ID}/report?format=pdf&download=1`,
    );
    expect(screen.getByRole('link', { name: 'Download PDF' }).hasAttribute('download')).toBe(true);
    expect(screen.getByRole('link', { name: 'Download JSON' }).getAttribute('href')).toBe(
      `/api/v1/interviews/${INTERVIEW_ID}/report?format=json&download=1`,
    );
    const print = vi.fn();
    vi.stubGlobal('print', print);
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('shows the consolidated decision with its counts, and the scorecards behind it', async () => {
    await openReport(reportOf());
    const decision = region('Decision');
    expect(within(decision).getByText('Hire')).toBeTruthy();
    expect(within(decision).getByText('unanimous')).toBeTruthy();
    const counts = within(decision).getByRole('list', { name: 'Recommendations' });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Strong no hire: 0', 'No hire: 0', 'Hire: 2', 'Strong hire: 0']);
    expect(within(decision).queryByText(/scorecards submitted/)).toBeNull();

    // The scorecards themselves, with the shared consolidated view.
    expect(screen.getByRole('heading', { level: 3, name: /Grace Hopper/ })).toBeTruthy();
    expect(screen.getByText('Clear reasoning')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Scores per competency and interviewer' })).toBeTruthy();
    expect(screen.queryByText(/Submit your own scorecard/)).toBeNull();
  });

  it('shows the questions, the final code with the last language first, and the chat', async () => {
    await openReport(reportOf());
    const questions = region('Questions');
    expect(within(questions).getByRole('heading', { level: 3, name: '1. Two sum' })).toBeTruthy();
    expect(within(questions).getByText('Easy · Coding')).toBeTruthy();
    expect(within(questions).getByText('pair').tagName).toBe('STRONG');

    const code = region('Final code');
    const headings = within(code).getAllByRole('heading', { level: 3 });
    expect(headings.map((h) => h.textContent)).toEqual(['Pythonlast shown in the editor', 'Go']);
    const blocks = code.querySelectorAll('pre > code');
    expect([...blocks].map((b) => b.textContent)).toEqual([FINAL_PYTHON, FINAL_GO]);

    expect(within(region('Chat transcript')).getByText('Can you explain your approach?')).toBeTruthy();
    expect(within(region('Chat transcript')).getByText('Grace Hopper')).toBeTruthy();
  });

  it('lists the runs and opens a run’s per-test results', async () => {
    await openReport(reportOf());
    const runs = region('Runs');
    const table = within(runs).getByRole('table', { name: 'Code runs, oldest first' });
    const submitRow = within(table).getByRole('row', { name: /Submit/ });
    expect(within(submitRow).getByText('Wrong Answer')).toBeTruthy();
    expect(within(submitRow).getByText('1 / 2')).toBeTruthy();
    expect(within(submitRow).getByText('52')).toBeTruthy();

    const summary = within(runs).getByText(/^2 tests/);
    const details = summary.closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    fireEvent.click(summary);
    expect(details.open).toBe(true);
    const tests = within(details).getByRole('table');
    const rows = within(tests).getAllByRole('row').slice(1);
    // Ordinals are 0-based in the API and shown from #1.
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['#1', '#2']);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['No', 'Accepted', '—', '25', '20'],
      ['Yes', 'Time Limit Exceeded', 'Stopped after 2 s', '2010', '2000'],
    ]);
    // The free run has no tests, so nothing to expand.
    expect(within(runs).getAllByText(/tests/).length).toBe(1);

    const signals = region('Integrity signals');
    expect(within(signals).getByText(/120 characters/)).toBeTruthy();
    expect(within(signals).queryByText(/were off/)).toBeNull();
  });

  it('keeps the candidate anonymous and says when runs and signals are absent', async () => {
    const base = reportOf();
    await openReport(
      reportOf({
        interview: { ...base.interview, anonymous: true, candidate: { label: 'Candidate', email: null } },
        runs: [],
        signals: null,
        chat: [],
        summary: summaryOf({}, 'Candidate'),
      }),
    );
    expect(fact('Candidate')).toBe('Candidate');
    expect(within(region('Interview')).getByText('Anonymous mode')).toBeTruthy();
    expect(screen.queryByText('Charles Babbage')).toBeNull();
    expect(screen.queryByText('charles@example.com')).toBeNull();
    expect(within(region('Runs')).getByText('No code was run.')).toBeTruthy();
    expect(within(region('Runs')).queryByRole('table')).toBeNull();
    expect(
      within(region('Integrity signals')).getByText('Integrity signals were off for this interview.'),
    ).toBeTruthy();
    expect(within(region('Chat transcript')).getByText('No chat messages were sent.')).toBeTruthy();
  });

  it('shows progress instead of a decision, and the hint, to an interviewer who has not submitted', async () => {
    await openReport(anchoredReportOf());
    expect(within(region('Decision')).getByText(/1 of 2 scorecards submitted/)).toBeTruthy();
    expect(within(region('Decision')).queryByText('unanimous')).toBeNull();
    expect(screen.getByText('Submit your own scorecard to see the others’')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the scorecards' }).getAttribute('href')).toBe(
      `/interviews/${INTERVIEW_ID}/scorecards`,
    );
    expect(screen.queryByRole('table', { name: 'Scores per competency and interviewer' })).toBeNull();
  });

  it('explains a refusal with the server’s message', async () => {
    stubFetch({
      ...SESSION,
      [URL]: problem(403, 'auth.forbidden', 'Only the hiring team of this interview can read its report.'),
    });
    renderApp(PAGE);
    expect(await screen.findByRole('heading', { level: 1, name: 'This report is not yours to see' })).toBeTruthy();
    expect(screen.getByText('Only the hiring team of this interview can read its report.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to the interview' }).getAttribute('href')).toBe(
      `/interviews/${INTERVIEW_ID}`,
    );
  });
});

describe('Links to the report', { timeout: 20_000 }, () => {
  const reportHref = `/interviews/${INTERVIEW_ID}/report`;

  it('is offered on the interview page', async () => {
    const detail = `/api/v1/interviews/${INTERVIEW_ID}`;
    stubFetch({
      ...SESSION,
      'GET /api/v1/languages': { body: LANGUAGES },
      [`GET ${detail}/links`]: { body: [] },
      [`GET ${detail}`]: { body: interviewOf({ status: 'ended' }) },
    });
    renderApp(`/interviews/${INTERVIEW_ID}`);
    expect((await screen.findByRole('link', { name: 'Report' })).getAttribute('href')).toBe(reportHref);
  });

  it('is offered on the scorecards page', async () => {
    stubFetch({
      ...SESSION,
      [`GET /api/v1/interviews/${INTERVIEW_ID}`]: { body: interviewOf({ status: 'ended' }) },
      [`GET /api/v1/interviews/${INTERVIEW_ID}/scorecards`]: { body: overviewOf() },
    });
    renderApp(`/interviews/${INTERVIEW_ID}/scorecards`);
    expect((await screen.findByRole('link', { name: 'Report' })).getAttribute('href')).toBe(reportHref);
  });
});
