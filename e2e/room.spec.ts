import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, signIn, signUpAndVerify } from './flows.js';
import { collectPageErrors, screenshotOnFailure, useE2eApp } from './harness.js';

/**
 * The live room with two people in two browser contexts: an interviewer who
 * created the interview through the API, and a candidate (a guest) who joined
 * through the invite-link API. Edits, cursors with labels, chat and a run
 * reach both; the candidate never sees the private notes document.
 */

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

/** Replaces the shared editor's content by typing, like a person would. */
async function typeInEditor(page: Page, text: string, opts: { replace?: boolean } = {}) {
  const editor = page.getByRole('textbox', { name: /Code editor/ });
  await editor.click();
  if (opts.replace) {
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
  } else {
    await page.keyboard.press('ControlOrMeta+End');
  }
  await page.keyboard.insertText(text);
}

const editorText = (page: Page) => page.locator('.room-editor .cm-content').innerText();

describe('interview room in Chromium', () => {
  const app = useE2eApp();

  it('two people edit, see each other, chat and run code together', async () => {
    const stamp = Date.now().toString(36);
    // bypassCSP only on the interviewer's side, so that axe-core can be injected; the candidate runs under the real CSP.
    const interviewerContext = await app.browser.newContext({
      viewport: { width: 1280, height: 800 },
      bypassCSP: true,
    });
    const candidateContext = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    app.contexts.push(interviewerContext, candidateContext);
    const interviewer = await interviewerContext.newPage();
    const candidate = await candidateContext.newPage();
    screenshotOnFailure(interviewer, 'room-interviewer');
    screenshotOnFailure(candidate, 'room-candidate');
    const interviewerErrors = collectPageErrors(interviewer);
    const candidateErrors = collectPageErrors(candidate);

    // The candidate's socket frames, to prove the private document never reaches it.
    const candidateFrames: string[] = [];
    candidate.on('websocket', (ws) => {
      ws.on('framesent', (f) => candidateFrames.push(String(f.payload)));
      ws.on('framereceived', (f) => candidateFrames.push(String(f.payload)));
    });

    // 1. The interviewer signs up, creates an org and an anonymous interview with integrity signals.
    const email = `ivy.${stamp}@example.com`;
    await signUpAndVerify(interviewer, app.server.url, 'Ivy Interviewer', email);
    await signIn(interviewer, app.server.url, email);
    const org = await api<{ id: string }>(interviewer, 'POST', '/api/v1/orgs', { name: `Room Org ${stamp}` });
    const interview = await api<{ id: string }>(interviewer, 'POST', '/api/v1/interviews', {
      orgId: org.id,
      title: 'Backend pairing',
      candidate: { name: 'Casey Candidate', email: `casey.${stamp}@example.com` },
      durationMinutes: 45,
      defaultLanguage: 'python',
      questions: [
        {
          title: 'Reverse a string',
          prompt: 'Read a line from **stdin** and print it reversed.\n\n- Use `input()`\n- Mind empty lines',
          interviewerNotes: 'A one-liner is fine; ask about Unicode.',
        },
      ],
      options: { anonymous: true, recordingAllowed: false, integritySignals: true },
    });
    const link = await api<{ url: string }>(interviewer, 'POST', `/api/v1/interviews/${interview.id}/links`, {
      role: 'candidate',
    });
    const token = new URL(link.url).hash.slice(1);
    const roomUrl = `${app.server.url}/interviews/${interview.id}/room`;

    // 2. The interviewer opens the room and starts the interview; the timer starts.
    await interviewer.goto(roomUrl);
    await interviewer.getByRole('heading', { level: 1, name: 'Backend pairing' }).waitFor();
    await interviewer.getByText('Only interviewers see this', { exact: false }).first().waitFor();
    await interviewer.getByRole('button', { name: 'Start' }).click();
    await interviewer.getByText('Status: Live').waitFor();
    await interviewer.getByRole('button', { name: 'Pause' }).waitFor();
    await expect.poll(() => interviewer.getByRole('timer').getAttribute('aria-label')).toMatch(/minutes left/);

    // 3. The candidate joins through the invite-link API (the lobby is its own screen) and opens the room.
    await candidate.goto(`${app.server.url}/`);
    await api(candidate, 'POST', '/api/v1/room-links/join', { token, displayName: 'Casey Candidate', consent: true });
    await candidate.goto(roomUrl);
    await candidate.getByRole('heading', { level: 1, name: 'Backend pairing' }).waitFor();
    await candidate.getByRole('textbox', { name: /Code editor/ }).waitFor();
    await candidate.getByRole('heading', { name: /Reverse a string/ }).waitFor();
    expect(await candidate.getByRole('tab', { name: /Notes/ }).count()).toBe(0);
    expect(await candidate.getByText('Only interviewers see this').count()).toBe(0);
    expect(await candidate.getByText('ask about Unicode').count()).toBe(0);

    // 4. Edits travel both ways.
    await typeInEditor(interviewer, '\n# from the interviewer');
    await expect.poll(() => editorText(candidate), { timeout: 10_000 }).toContain('# from the interviewer');
    await typeInEditor(candidate, '\n# from the candidate');
    await expect.poll(() => editorText(interviewer), { timeout: 10_000 }).toContain('# from the candidate');

    // 5. Each sees the other's cursor with the label the server gave (anonymous: no names).
    const labelOnInterviewer = interviewer.locator('.cm-remote-caret__label', { hasText: 'Candidate' });
    await labelOnInterviewer.waitFor({ timeout: 10_000 });
    const labelOnCandidate = candidate.locator('.cm-remote-caret__label', { hasText: 'Interviewer 1' });
    await labelOnCandidate.waitFor({ timeout: 10_000 });
    // Under the real CSP the caret is still coloured (classes, not inline styles).
    const caretColor = await candidate
      .locator('.cm-remote-caret')
      .first()
      .evaluate((el) => getComputedStyle(el).borderLeftColor);
    expect(caretColor).not.toMatch(/^rgba?\(0, 0, 0(, 0)?\)$/);
    expect(await candidate.content()).not.toContain('Ivy');
    await interviewer
      .getByRole('list', { name: 'People in this interview' })
      .getByText(/Candidate, connected/)
      .waitFor();

    // 6. Chat round-trips, authored by the label.
    const chatInput = candidate.getByRole('textbox', { name: 'Message' });
    await chatInput.fill('Hello from the candidate');
    await chatInput.press('Enter');
    const interviewerLog = interviewer.getByRole('log', { name: 'Chat messages' });
    await interviewerLog.getByText('Hello from the candidate').waitFor({ timeout: 10_000 });
    await interviewerLog.getByText('Candidate', { exact: true }).waitFor();
    await interviewer.getByRole('textbox', { name: 'Message' }).fill('Welcome!');
    await interviewer.getByRole('button', { name: 'Send' }).click();
    await candidate.getByRole('log', { name: 'Chat messages' }).getByText('Welcome!').waitFor({ timeout: 10_000 });

    // 7. A language switch reaches everyone, and each language keeps its own code.
    const languagePicker = (page: Page) => page.getByRole('combobox', { name: 'Language' });
    await languagePicker(interviewer).selectOption('javascript');
    await expect.poll(() => languagePicker(candidate).inputValue(), { timeout: 10_000 }).toBe('javascript');
    await expect.poll(() => editorText(candidate)).not.toContain('# from the candidate');
    await languagePicker(candidate).selectOption('python');
    await expect.poll(() => editorText(interviewer), { timeout: 10_000 }).toContain('# from the candidate');

    // 8. Integrity signals: a large paste by the candidate is reported by its length only.
    await candidate.locator('.room-editor .cm-content').evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, 'x'.repeat(250));
    await expect
      .poll(
        async () => {
          const timeline = await api<{ events: { kind: string; detail: Record<string, unknown> }[] }>(
            interviewer,
            'GET',
            `/api/v1/interviews/${interview.id}/timeline`,
          );
          return timeline.events.filter((e) => e.kind === 'signal').map((e) => e.detail);
        },
        { timeout: 10_000 },
      )
      .toContainEqual(expect.objectContaining({ signal: 'paste', chars: 250 }));

    await typeInEditor(interviewer, 'print("room run " + "ok")\n', { replace: true });
    await expect.poll(() => editorText(candidate), { timeout: 10_000 }).toContain('room run');
    await interviewer.getByRole('button', { name: /^Run/ }).click();
    const output = (page: Page) => page.getByRole('region', { name: 'Program output' });
    await output(interviewer).getByText('room run ok').waitFor({ timeout: 30_000 });

    // 10. Accessibility, and the private document stayed with the interviewer.
    expect(await axeViolations(interviewer)).toEqual([]);
    expect(candidateFrames.some((f) => f.includes(':private'))).toBe(false);
    await interviewer.screenshot({ path: '/tmp/room-interviewer.png' });
    const setTheme = (theme: string) =>
      interviewer.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    await setTheme('dark');
    await interviewer.screenshot({ path: '/tmp/room-interviewer-dark.png' });
    await setTheme('light');
    await candidate.screenshot({ path: '/tmp/room-candidate.png' });
    await candidate.setViewportSize({ width: 390, height: 844 });
    await candidate.getByRole('textbox', { name: /Code editor/ }).waitFor();
    await candidate.screenshot({ path: '/tmp/room-candidate-phone.png' });

    // 11. Panel sizes are remembered: widen the question panel from the keyboard, reload, same width.
    const questionPane = interviewer.locator('[data-panel][id="left"]');
    const widthOf = async () => (await questionPane.boundingBox())?.width ?? 0;
    const before = await widthOf();
    await interviewer.getByRole('separator', { name: 'Resize question panel' }).focus();
    for (let i = 0; i < 5; i++) await interviewer.keyboard.press('ArrowRight');
    await expect.poll(widthOf).toBeGreaterThan(before + 20);
    const resized = await widthOf();
    await interviewer.reload();
    await interviewer.getByRole('heading', { level: 1, name: 'Backend pairing' }).waitFor();
    await expect.poll(async () => Math.round(await widthOf())).toBe(Math.round(resized));

    expect(interviewerErrors).toEqual([]);
    expect(candidateErrors).toEqual([]);

    // 11. The server wrote the run into the shared console: the candidate sees it too.
    await candidate.setViewportSize({ width: 1280, height: 800 });
    await output(candidate).getByText('room run ok').waitFor({ timeout: 30_000 });
    await candidate.getByText('Run by Interviewer 1').waitFor();
  });
});
