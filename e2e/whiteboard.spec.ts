import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageApi, signIn, signUpAndVerify } from './flows.js';
import {
  collectPageErrors,
  launchBrowser,
  screenshotOnFailure,
  startServer,
  tempDataDir,
  type RunningServer,
} from './harness.js';

/**
 * The room's whiteboard in Chromium under the real CSP (fonts served by the
 * app): a stroke drawn with the mouse by the interviewer reaches the
 * candidate, is still there after the server restarts, an observer sees it
 * but cannot draw, and the board exports as a PNG.
 */

const shapes = (page: Page) => page.locator('.whiteboard__count').innerText();

async function openBoard(page: Page) {
  await page.getByRole('tab', { name: 'Whiteboard' }).click();
  await page.locator('.whiteboard__canvas canvas.interactive').waitFor({ timeout: 30_000 });
}

/** A freehand stroke: the Draw tool, then a mouse drag across the canvas. */
async function drawStroke(page: Page, from: { x: number; y: number }) {
  await page.getByTitle(/^Draw/).click();
  const box = await page.locator('.whiteboard__canvas canvas.interactive').boundingBox();
  if (!box) throw new Error('the board has no canvas');
  await page.mouse.move(box.x + from.x, box.y + from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + from.x + i * 15, box.y + from.y + i * 8);
  await page.mouse.up();
}

describe('the room whiteboard in Chromium', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const env: Record<string, string> = process.env.WEB_DIST_DIR ? { WEB_DIST_DIR: process.env.WEB_DIST_DIR } : {};

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ dataDir, env }), launchBrowser()]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  async function newPage(name: string): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    screenshotOnFailure(page, `whiteboard-${name}`);
    return { page, errors: collectPageErrors(page) };
  }

  it('a stroke reaches the others, survives a restart, observers only watch, and it exports', async () => {
    const stamp = Date.now().toString(36);
    const interviewer = await newPage('interviewer');
    const candidate = await newPage('candidate');
    const observer = await newPage('observer');

    // The interviewer creates an anonymous interview with a candidate link and an observer link.
    const email = `wanda.${stamp}@example.com`;
    await signUpAndVerify(interviewer.page, server.url, 'Wanda Whiteboard', email);
    await signIn(interviewer.page, server.url, email);
    const org = await pageApi<{ id: string }>(interviewer.page, 'POST', '/api/v1/orgs', { name: `Board Org ${stamp}` });
    const interview = await pageApi<{ id: string }>(interviewer.page, 'POST', '/api/v1/interviews', {
      orgId: org.id,
      title: 'System design',
      candidate: { name: 'Casey Candidate', email: `casey.${stamp}@example.com` },
      durationMinutes: 45,
      defaultLanguage: 'python',
      questions: [{ title: 'Design a URL shortener', prompt: 'Sketch the components.' }],
      options: { anonymous: true, recordingAllowed: false, integritySignals: false },
    });
    const tokenFor = async (role: 'candidate' | 'observer') => {
      const link = await pageApi<{ url: string }>(
        interviewer.page,
        'POST',
        `/api/v1/interviews/${interview.id}/links`,
        {
          role,
        },
      );
      return new URL(link.url).hash.slice(1);
    };
    const candidateToken = await tokenFor('candidate');
    const observerToken = await tokenFor('observer');
    const roomPath = `/interviews/${interview.id}/room`;

    await interviewer.page.goto(`${server.url}${roomPath}`);
    await interviewer.page.getByRole('button', { name: 'Start' }).click();
    await interviewer.page.getByText('Status: Live').waitFor();
    for (const [who, token, name] of [
      [candidate, candidateToken, 'Casey Candidate'],
      [observer, observerToken, 'Olive Observer'],
    ] as const) {
      await who.page.goto(`${server.url}/`);
      await pageApi(who.page, 'POST', '/api/v1/room-links/join', { token, displayName: name, consent: true });
      await who.page.goto(`${server.url}${roomPath}`);
      await who.page.getByRole('tab', { name: 'Code' }).waitFor();
    }

    // The tabs are keyboard tabs: arrow keys move between Code and Whiteboard.
    await interviewer.page.getByRole('tab', { name: 'Code' }).focus();
    await interviewer.page.keyboard.press('ArrowRight');
    expect(await interviewer.page.getByRole('tab', { name: 'Whiteboard' }).getAttribute('aria-selected')).toBe('true');
    await interviewer.page.locator('.whiteboard__canvas canvas.interactive').waitFor({ timeout: 30_000 });
    await openBoard(candidate.page);
    await openBoard(observer.page);

    // 1. The interviewer draws with the mouse; the candidate and the observer see the stroke.
    await drawStroke(interviewer.page, { x: 320, y: 110 });
    await expect.poll(() => shapes(interviewer.page)).toBe('1 shape');
    await expect.poll(() => shapes(candidate.page), { timeout: 10_000 }).toBe('1 shape');
    await expect.poll(() => shapes(observer.page), { timeout: 10_000 }).toBe('1 shape');
    // The candidate draws too; both strokes stay on both screens.
    await drawStroke(candidate.page, { x: 120, y: 120 });
    await expect.poll(() => shapes(interviewer.page), { timeout: 10_000 }).toBe('2 shapes');
    // The candidate's pointer shows on the interviewer's board with its anonymous label.
    await interviewer.page.screenshot({ path: '/tmp/whiteboard-interviewer.png' });
    await interviewer.page.emulateMedia({ colorScheme: 'dark' });
    await interviewer.page.screenshot({ path: '/tmp/whiteboard-interviewer-dark.png' });
    await interviewer.page.emulateMedia({ colorScheme: 'light' });

    // 2. The observer watches only: no drawing tools, and a drag changes nothing.
    expect(await observer.page.getByText(/Read-only:/).count()).toBe(1);
    expect(await observer.page.getByTitle(/^Draw/).count()).toBe(0);
    const box = await observer.page.locator('.whiteboard__canvas canvas.interactive').boundingBox();
    if (!box) throw new Error('no canvas');
    await observer.page.mouse.move(box.x + 100, box.y + 100);
    await observer.page.mouse.down();
    await observer.page.mouse.move(box.x + 300, box.y + 300);
    await observer.page.mouse.up();
    expect(await shapes(observer.page)).toBe('2 shapes');

    // 3. Export: a PNG file downloads.
    const [download] = await Promise.all([
      interviewer.page.waitForEvent('download'),
      interviewer.page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('system-design-whiteboard.png');
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    // …and an SVG (with its fonts inlined: the app serves them, the CSP allows nothing else).
    const [svgDownload] = await Promise.all([
      interviewer.page.waitForEvent('download'),
      interviewer.page.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    expect(svgDownload.suggestedFilename()).toBe('system-design-whiteboard.svg');
    const svg = readFileSync(await svgDownload.path(), 'utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg.match(/<path/g)?.length).toBeGreaterThanOrEqual(2);

    for (const who of [interviewer, candidate, observer]) expect(who.errors).toEqual([]);

    // 4. The server is killed (no graceful flush) and starts again on the same data; the board is still there.
    await server.stop('SIGKILL');
    server = await startServer({ dataDir, env });
    const afterRestart = collectPageErrors(candidate.page);
    await candidate.page.goto(`${server.url}${roomPath}`);
    await openBoard(candidate.page);
    await expect.poll(() => shapes(candidate.page), { timeout: 10_000 }).toBe('2 shapes');
    expect(afterRestart).toEqual([]);

    // 5. The replay player shows the board as it was, read-only, beside the code.
    const replayErrors = collectPageErrors(interviewer.page);
    await interviewer.page.goto(`${server.url}/interviews/${interview.id}/replay`);
    await interviewer.page.getByRole('tab', { name: 'Whiteboard' }).click();
    await interviewer.page.locator('.whiteboard__canvas canvas.interactive').waitFor({ timeout: 30_000 });
    await expect.poll(() => shapes(interviewer.page), { timeout: 10_000 }).toBe('2 shapes');
    expect(await interviewer.page.getByTitle(/^Draw/).count()).toBe(0);
    await interviewer.page.screenshot({ path: '/tmp/whiteboard-replay.png' });
    expect(replayErrors).toEqual([]);
  }, 240_000);
});
