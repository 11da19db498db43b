import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openMailLink, signIn, signUpAndVerify, expectAccessible, openPage, snapshot } from './flows.js';
import path from 'node:path';
import { collectPageErrors, RESULTS_DIR, screenshotOnFailure, useE2eApp } from './harness.js';

/** Same-origin JSON call from inside the page, with the double-submit CSRF token. */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    { method, path, body },
  );
}

/**
 * Scorecards with two interviewers in two browsers, after an ended interview:
 * A drafts (autosave shows "Saved") and cannot see B's; B submits; A submits
 * and the consolidated view shows both side by side.
 */
describe('scorecards in Chromium', () => {
  const app = useE2eApp();

  /** Rates every competency and picks a recommendation on the open form. */
  async function fillForm(page: Page, level: string, recommendation: string) {
    const form = page.getByRole('form', { name: 'Your scorecard' });
    for (const competency of ['Problem solving', 'Code quality', 'Communication', 'Testing']) {
      await form.getByRole('group', { name: competency }).getByRole('radio', { name: level }).check();
    }
    await form
      .getByRole('group', { name: 'Recommendation' })
      .getByRole('radio', { name: recommendation, exact: true })
      .check();
  }

  async function submit(page: Page) {
    await page.getByRole('button', { name: 'Submit scorecard…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Submit your scorecard?' });
    await dialog.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Scorecards' }).waitFor();
  }

  it('two interviewers: drafts stay private, nobody sees the other before submitting, then the consolidated view', async () => {
    const stamp = Date.now().toString(36);
    const amy = await openPage(app.browser, app.contexts);
    const ben = await openPage(app.browser, app.contexts);
    screenshotOnFailure(amy, 'scorecards-amy');
    screenshotOnFailure(ben, 'scorecards-ben');
    const amyErrors = collectPageErrors(amy);
    const benErrors = collectPageErrors(ben);
    const amyEmail = `amy.${stamp}@example.com`;
    const benEmail = `ben.${stamp}@example.com`;
    const orgName = `Scorecards Org ${stamp}`;

    // 1. Two accounts; Amy's organisation; Ben joins it as an interviewer through an invitation.
    await signUpAndVerify(amy, app.server.url, 'Amy Archer', amyEmail);
    await signIn(amy, app.server.url, amyEmail);
    await signUpAndVerify(ben, app.server.url, 'Ben Baker', benEmail);
    await signIn(ben, app.server.url, benEmail);
    const org = await api<{ id: string }>(amy, 'POST', '/api/v1/orgs', { name: orgName });
    await api(amy, 'POST', `/api/v1/orgs/${org.id}/invitations`, { email: benEmail, role: 'interviewer' });
    await openMailLink(ben, app.server.url, benEmail, `Join ${orgName} on InterviewSelect`, '/invitations/accept');
    await ben.getByRole('button', { name: `Accept and join ${orgName}` }).click();
    await ben.waitForURL(`${app.server.url}/orgs`);
    const members = await api<{ userId: string; email: string }[]>(amy, 'GET', `/api/v1/orgs/${org.id}/members`);
    const benId = members.find((m) => m.email === benEmail)?.userId;

    // 2. An interview with both on the panel, started and ended.
    const interview = await api<{ id: string }>(amy, 'POST', '/api/v1/interviews', {
      orgId: org.id,
      title: `Backend pairing ${stamp}`,
      candidate: { name: 'Casey Candidate', email: `casey.${stamp}@example.com` },
      coInterviewerIds: [benId],
      questions: [{ title: 'Two sum', prompt: 'Add two numbers.', interviewerNotes: '' }],
    });
    for (const action of ['start', 'end'])
      await api(amy, 'POST', `/api/v1/interviews/${interview.id}/transitions`, { action });

    // 3. Amy opens her scorecard from the interview page and drafts: autosave says so.
    await amy.goto(`${app.server.url}/interviews/${interview.id}`);
    await amy.getByRole('link', { name: 'Scorecards', exact: true }).click();
    await amy.getByText('0 of 2 submitted').waitFor();
    await amy.getByRole('link', { name: 'Write your scorecard' }).click();
    await amy.getByRole('heading', { level: 1, name: 'Your scorecard' }).waitFor();
    const solving = amy.getByRole('group', { name: 'Problem solving' });
    await solving.getByRole('radio', { name: '3 · Yes' }).check();
    await solving.getByText(/Found a sound approach/).waitFor();
    await amy.getByLabel('Strengths').fill('AMY-DRAFT: careful reasoning');
    await amy.getByTestId('save-status').getByText('Saved').waitFor();
    await expectAccessible(amy, 'scorecard form');
    await snapshot(amy, 'scorecards', 'form');

    // 4. Ben submits his; Amy still sees only the progress, not his scorecard.
    await ben.goto(`${app.server.url}/interviews/${interview.id}/scorecard`);
    await ben.getByRole('heading', { level: 1, name: 'Your scorecard' }).waitFor();
    await fillForm(ben, '2 · No', 'No hire');
    await ben.getByLabel('Weaknesses').fill('BEN-SUBMITTED: no tests');
    await submit(ben);
    await ben.getByText('1 of 2 submitted').waitFor();
    expect(await ben.content()).not.toContain('AMY-DRAFT');

    await amy.goto(`${app.server.url}/interviews/${interview.id}/scorecards`);
    await amy.getByText('1 of 2 submitted').waitFor();
    await amy.getByText('Submit yours to see the others').waitFor();
    expect(await amy.content()).not.toContain('BEN-SUBMITTED');
    await expectAccessible(amy, 'scorecards before submitting');
    await snapshot(amy, 'scorecards', 'progress');

    // 5. Amy submits: the consolidated view shows both side by side.
    await amy.getByRole('link', { name: 'Continue your scorecard' }).click();
    await amy.getByLabel('Strengths').waitFor();
    expect(await amy.getByLabel('Strengths').inputValue()).toBe('AMY-DRAFT: careful reasoning');
    await fillForm(amy, '4 · Strong yes', 'Strong hire');
    await submit(amy);
    await amy.getByText('All scorecards are in').waitFor();
    const table = amy.getByRole('table', { name: 'Scores per competency and interviewer' });
    const row = table.getByRole('row', { name: /Problem solving/ });
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual(['4 / 4', '2 / 4', '3.00']);
    await amy.getByText('BEN-SUBMITTED: no tests').waitFor();
    await amy.getByText('Strong hire: 1').waitFor();
    await expectAccessible(amy, 'consolidated view');
    await snapshot(amy, 'scorecards', 'consolidated');

    // 6. The report: reached from the scorecards page; the decision is the recommendation nearest
    //    the panel's mean (strong hire 4 + no hire 2 → 3, hire); its PDF is a real PDF attachment.
    await amy.getByRole('link', { name: 'Report', exact: true }).click();
    await amy.getByRole('heading', { level: 1, name: `Backend pairing ${stamp} report` }).waitFor();
    const decision = amy.getByRole('region', { name: 'Decision' });
    await decision.getByText('Mean 3.00', { exact: false }).waitFor();
    await expect(decision.locator('.report-decision__verdict').textContent()).resolves.toBe(
      'Consolidated decision: Hire',
    );
    await amy.getByRole('region', { name: 'Questions' }).getByText('Add two numbers.').waitFor();
    const href = await amy.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
    const pdf = await amy.evaluate(async (url) => {
      const res = await fetch(url ?? '');
      const bytes = new Uint8Array(await res.arrayBuffer());
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        disposition: res.headers.get('content-disposition'),
        magic: String.fromCharCode(...bytes.slice(0, 5)),
      };
    }, href);
    expect(pdf).toMatchObject({ status: 200, type: 'application/pdf', magic: '%PDF-' });
    expect(pdf.disposition).toContain('attachment');
    await expectAccessible(amy, 'report');
    await snapshot(amy, 'reports', 'report');
    await amy.emulateMedia({ media: 'print', colorScheme: 'light' });
    await amy.screenshot({ path: path.join(RESULTS_DIR, 'reports-report-print.png'), fullPage: true });
    await amy.emulateMedia({ media: 'screen' });

    // 6b. Shared with someone outside: a fresh browser with no account opens the link; revoking stops it.
    const shareForm = amy.getByRole('form', { name: 'New share link' });
    await shareForm.getByLabel(/Who is it for/).fill('Hiring manager');
    await shareForm.getByRole('button', { name: 'Create share link' }).click();
    const shareUrl = await amy.getByLabel('Share link URL').inputValue();
    const token = shareUrl.split('#')[1];
    const outsider = await openPage(app.browser, app.contexts);
    screenshotOnFailure(outsider, 'reports-shared');
    await outsider.goto(`${app.server.url}/shared/report#${token}`);
    await outsider.getByRole('heading', { level: 1, name: `Backend pairing ${stamp} report` }).waitFor();
    await outsider.getByText(/Shared by Amy Archer/).waitFor();
    await expect(outsider.getByRole('region', { name: 'Decision' }).textContent()).resolves.toContain('Hire');
    await expectAccessible(outsider, 'shared report');
    await snapshot(outsider, 'reports', 'shared');
    await amy.getByRole('button', { name: 'Revoke the link for Hiring manager' }).click();
    await amy.getByText('Link revoked').first().waitFor();
    await outsider.reload();
    await outsider.getByRole('heading', { name: 'This link no longer works' }).waitFor();

    // 7. The templates page for the organisation's owner.
    await amy.goto(`${app.server.url}/orgs/${org.id}/scorecard-templates`);
    await amy.getByRole('link', { name: 'Technical interview' }).click();
    await amy.getByRole('button', { name: 'Save new version' }).waitFor();
    await expectAccessible(amy, 'template editor');
    await snapshot(amy, 'scorecards', 'template');
    expect([...amyErrors, ...benErrors]).toEqual([]);
  }, 180_000);
});
