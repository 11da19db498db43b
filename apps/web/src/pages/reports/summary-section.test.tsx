import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionOf, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import { INTERVIEW_ID, MEMBER_USER } from '../interviews/test-fixtures';
import { AI_NARRATIVE, anchoredReportOf, reportOf } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PAGE = `/interviews/${INTERVIEW_ID}/report`;
const REPORT = `GET /api/v1/interviews/${INTERVIEW_ID}/report`;
const SAVE = `PUT /api/v1/interviews/${INTERVIEW_ID}/report/narrative`;
const GENERATE = `POST /api/v1/interviews/${INTERVIEW_ID}/report/narrative/generate`;
const SESSION = { 'GET /api/v1/auth/session': sessionOf(MEMBER_USER) };

async function openSummary(body: unknown, more: Parameters<typeof stubFetch>[0] = {}) {
  const stub = stubFetch({ ...SESSION, [REPORT]: { body }, ...more });
  renderApp(PAGE);
  await screen.findByRole('heading', { level: 1, name: 'Backend pairing report' });
  return { stub, summary: screen.getByRole('region', { name: 'Summary' }) };
}

describe('Report summary', { timeout: 20_000 }, () => {
  it('shows time per question, runs until the first all-pass, tests, activity and key moments, right after the decision', async () => {
    const { summary } = await openSummary(reportOf());
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'));
    expect(regions.indexOf('Summary')).toBe(regions.indexOf('Decision') + 1);
    const rows = within(summary).getAllByRole('row');
    expect(rows[1]?.textContent).toBe('1. Two sum58 min to the endNever all passed (1 run)1/2 / 1/2');
    expect(rows[2]?.textContent).toContain('Not measured (free-form)');
    expect(within(summary).getByRole('img', { name: /Charles Babbage: \d+ edits over 58 minutes/ })).toBeTruthy();
    expect(within(summary).getByText('+20:00–+31:00 (11 min)')).toBeTruthy();
    expect(within(summary).getByText('First run (python) by Charles Babbage')).toBeTruthy();
    expect(within(summary).getByText('+18:00')).toBeTruthy();
  });

  it('says nothing about AI when no model is configured, and lets a person write the narrative', async () => {
    const saved = { ...AI_NARRATIVE, text: 'Solid on basics.', source: 'human', model: null, generatedAt: null };
    const put = vi.fn(() => ({ body: saved }));
    const { summary } = await openSummary(reportOf(), { [SAVE]: put });
    expect(within(summary).queryByText(/AI/)).toBeNull();
    expect(within(summary).queryByRole('button', { name: /AI/ })).toBeNull();

    fireEvent.click(within(summary).getByRole('button', { name: 'Write a narrative' }));
    fireEvent.change(within(summary).getByLabelText('Narrative'), { target: { value: 'Solid on basics.' } });
    fireEvent.click(within(summary).getByRole('button', { name: 'Save narrative' }));
    expect(await within(summary).findByText(`Written by ${AI_NARRATIVE.updatedBy}`)).toBeTruthy();
    expect(within(summary).getByText('Solid on basics.')).toBeTruthy();
    expect(put).toHaveBeenCalledOnce();
    expect(JSON.parse((put.mock.calls[0] as unknown as [RequestInit])[0].body as string)).toEqual({
      text: 'Solid on basics.',
    });
    expect(within(summary).getByText(`Written by ${AI_NARRATIVE.updatedBy}`)).toBeTruthy();
    expect(within(summary).queryByText(/AI-generated/)).toBeNull();
  });

  it('badges an AI narrative, and editing it keeps the AI label as edited; errors keep the draft', async () => {
    let attempt = 0;
    const put = vi.fn(() => {
      attempt += 1;
      return attempt === 1
        ? {
            status: 409,
            body: {
              type: 'about:blank',
              title: 'Conflict',
              status: 409,
              detail: 'Try again',
              code: 'resource.conflict',
            },
          }
        : { body: { ...AI_NARRATIVE, text: 'Edited text.', source: 'ai_edited' } };
    });
    const { summary } = await openSummary(reportOf({ narrative: AI_NARRATIVE, aiAvailable: true }), { [SAVE]: put });
    expect(within(summary).getByText('AI-generated')).toBeTruthy();
    expect(within(summary).getByText('The candidate worked steadily on Two sum.')).toBeTruthy();

    fireEvent.click(within(summary).getByRole('button', { name: 'Edit narrative' }));
    const box = within(summary).getByLabelText<HTMLTextAreaElement>('Narrative');
    expect(box.value).toBe(AI_NARRATIVE.text);
    fireEvent.change(box, { target: { value: 'Edited text.' } });
    fireEvent.click(within(summary).getByRole('button', { name: 'Save narrative' }));
    expect(await within(summary).findByText("Couldn't save the narrative")).toBeTruthy();
    expect(within(summary).getByLabelText<HTMLTextAreaElement>('Narrative').value).toBe('Edited text.');
    fireEvent.click(within(summary).getByRole('button', { name: 'Save narrative' }));
    expect(await within(summary).findByText('AI-generated, edited by a person')).toBeTruthy();
    expect(within(summary).getByText('Edited text.')).toBeTruthy();

    fireEvent.click(within(summary).getByRole('button', { name: 'Edit narrative' }));
    fireEvent.click(within(summary).getByRole('button', { name: 'Cancel' }));
    expect(within(summary).queryByLabelText('Narrative')).toBeNull();
  });

  it('offers “Generate with AI” only when a model is configured, with progress while it runs', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { stub, summary } = await openSummary(reportOf({ aiAvailable: true }), {
      [GENERATE]: { body: AI_NARRATIVE },
    });
    // Hold the model's answer until the progress has been seen.
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (typeof input === 'string' && input.endsWith('/generate')) await gate;
      return stub(input, init);
    });
    fireEvent.click(within(summary).getByRole('button', { name: 'Generate with AI' }));
    expect(await within(summary).findByText(/Generating the narrative/)).toBeTruthy();
    release();
    expect(await within(summary).findByText('AI-generated')).toBeTruthy();
    expect(within(summary).getByRole('button', { name: 'Regenerate with AI' })).toBeTruthy();
  });

  it('keeps the narrative from an interviewer who has not submitted a scorecard', async () => {
    const { summary } = await openSummary(anchoredReportOf({ aiAvailable: true }));
    expect(within(summary).getByText(/appears once you have submitted your scorecard/)).toBeTruthy();
    expect(within(summary).queryByRole('button', { name: /narrative|AI/ })).toBeNull();
  });
});
