import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageApi, signIn, signUpAndVerify } from './flows.js';
import { collectPageErrors, RESULTS_DIR, screenshotOnFailure, useE2eApp } from './harness.js';

const run = promisify(execFile);

interface Recording {
  id: string;
  status: 'recording' | 'processing' | 'ready' | 'failed';
  durationMs: number | null;
  error: string | null;
}

/**
 * An interviewer records the room with Chromium's fake camera and
 * microphone: the browser mixes the call onto a canvas, MediaRecorder makes
 * 2-second chunks and each is uploaded as it comes. One chunk upload fails
 * once (the network "drops"); the recorder retries it. After Stop, the
 * server's file is a WebM ffprobe reads the expected duration from.
 */
describe('recording an interview', () => {
  const app = useE2eApp({ fakeMedia: true });

  // Recording, processing and three pages on a shared 2-core machine: more than the default minute.
  it(
    'records about 4 s, survives a failed chunk upload, and the server’s file has the expected duration',
    { timeout: 150_000 },
    async () => {
      // getUserMedia needs a secure context: http://localhost is one.
      const base = app.server.url.replace('127.0.0.1', 'localhost');
      const stamp = Date.now().toString(36);
      const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
      app.contexts.push(context);
      const page: Page = await context.newPage();
      screenshotOnFailure(page, 'recording-interviewer');
      const errors = collectPageErrors(page);

      const email = `rec.${stamp}@example.com`;
      await signUpAndVerify(page, base, 'Rita Recorder', email);
      await signIn(page, base, email);
      const org = await pageApi<{ id: string }>(page, 'POST', '/api/v1/orgs', { name: `Recording Org ${stamp}` });
      const interview = await pageApi<{ id: string }>(page, 'POST', '/api/v1/interviews', {
        orgId: org.id,
        title: 'Recorded pairing',
        candidate: { name: 'Cora Candidate', email: `cora.${stamp}@example.com` },
        durationMinutes: 30,
        defaultLanguage: 'python',
        options: { anonymous: false, recordingAllowed: true, integritySignals: false },
      });

      // The second chunk's first upload fails as if the connection dropped; its retry goes through.
      let chunkOneTries = 0;
      await page.route('**/api/v1/recordings/*/chunks/1', async (route) => {
        chunkOneTries++;
        if (chunkOneTries === 1) await route.abort('connectionreset');
        else await route.continue();
      });

      await page.goto(`${base}/interviews/${interview.id}/room`);
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByText('Status: Live').waitFor();
      await page.getByRole('button', { name: 'Join call' }).click();
      await page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'Mute' }).waitFor();

      const recorder = page.getByRole('region', { name: 'Recording' });
      await recorder.getByRole('button', { name: 'Record' }).click();
      await recorder.getByRole('button', { name: 'Stop recording' }).waitFor();
      const startedAt = Date.now();
      // Everyone's top bar shows the indicator (written by the server into the room document).
      await page.locator('.room-top-bar__recording').getByText('Recording').waitFor();
      // Two 2-second chunks made and stored: about 4 s recorded, the failed one retried.
      await recorder.getByText(/Recording · 2 of 2 parts uploaded/).waitFor({ timeout: 20_000 });
      await page.screenshot({ path: path.join(RESULTS_DIR, 'recording-room.png') });
      const stoppedAt = Date.now();
      await recorder.getByRole('button', { name: 'Stop recording' }).click();
      await recorder.getByRole('button', { name: 'Record' }).waitFor({ timeout: 20_000 });
      await page.locator('.room-top-bar__recording').waitFor({ state: 'detached' });
      expect(chunkOneTries).toBe(2);

      let recording: Recording | undefined;
      await expect
        .poll(
          async () => {
            const list = await pageApi<{ items: Recording[] }>(
              page,
              'GET',
              `/api/v1/interviews/${interview.id}/recordings`,
            );
            recording = list.items[0];
            return recording?.status;
          },
          { timeout: 30_000, interval: 250 },
        )
        .toBe('ready');
      if (!recording) throw new Error('no recording');
      const { url } = await pageApi<{ url: string }>(page, 'GET', `/api/v1/recordings/${recording.id}/playback`);

      // The signed URL needs no session: fetched here, outside the browser.
      const media = await fetch(`${app.server.url}${url}`);
      expect(media.status).toBe(200);
      mkdirSync(RESULTS_DIR, { recursive: true });
      const file = path.join(RESULTS_DIR, 'recording.webm');
      writeFileSync(file, Buffer.from(await media.arrayBuffer()));
      const { stdout } = await run('ffprobe', [
        '-v',
        'error',
        '-show_entries',
        'format=duration',
        '-of',
        'csv=p=0',
        file,
      ]);
      const seconds = Number.parseFloat(stdout);
      const expected = (stoppedAt - startedAt) / 1000;
      expect(seconds).toBeGreaterThan(3.5);
      expect(Math.abs(seconds - expected)).toBeLessThan(1.5);
      expect(Math.abs(seconds - (recording.durationMs ?? 0) / 1000)).toBeLessThan(0.1);
      const { stdout: streams } = await run('ffprobe', [
        '-v',
        'error',
        '-show_entries',
        'stream=codec_type',
        '-of',
        'csv=p=0',
        file,
      ]);
      expect(streams.trim().split('\n').sort()).toEqual(['audio', 'video']);

      // The report plays it: Chromium reads the duration and seeks (byte ranges of the decrypted file).
      await page.goto(`${base}/interviews/${interview.id}/report`);
      const video = page.getByLabel(/^Interview recording from/);
      await video.waitFor();
      await expect
        .poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 15_000 })
        .toBeGreaterThan(3.5);
      const seekedTo = await video.evaluate(
        (v: HTMLVideoElement) =>
          new Promise<number>((resolve) => {
            v.addEventListener('seeked', () => resolve(v.currentTime), { once: true });
            v.currentTime = 3;
          }),
      );
      expect(seekedTo).toBeCloseTo(3, 0);
      await page
        .getByRole('region', { name: 'Recording' })
        .screenshot({ path: path.join(RESULTS_DIR, 'recording-report.png') });
      // The replay shows it beside the code.
      await page.goto(`${base}/interviews/${interview.id}/replay`);
      await page.getByLabel(/^Interview recording from/).waitFor();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'recording-replay.png') });
      // The organisation decides how long recordings are kept.
      await page.goto(`${base}/orgs/${org.id}/recordings`);
      await page.getByRole('spinbutton', { name: /Keep recordings for/ }).waitFor();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'recording-org-settings.png') });

      // A signed URL from someone else's forging is refused.
      const forged = await fetch(
        `${app.server.url}${url.replace(/sig=./, (s) => (s.endsWith('A') ? 'sig=B' : 'sig=A'))}`,
      );
      expect(forged.status).toBe(403);
      expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    },
  );
});
