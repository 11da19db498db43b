import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageApi, signIn, signUpAndVerify } from './flows.js';
import { collectPageErrors, RESULTS_DIR, screenshotOnFailure, useE2eApp } from './harness.js';
import {
  audioEnergyOver,
  dropSockets,
  inboundTotals,
  peerConnectionCount,
  recordPeerConnections,
} from './media-probe.js';

/** Two seconds of audio at 48 kHz: the fake microphone beeps once a second, so a window this long holds a beep. */
const TWO_SECONDS = 96_000;

/**
 * A call between an interviewer and a candidate in two Chromium contexts
 * with fake devices: each receives the other's video and audio, muting
 * silences the remote audio, a screen share arrives as a second video.
 * The candidate checks camera and microphone in the lobby first.
 */
describe('audio/video call in the room', () => {
  const app = useE2eApp({ fakeMedia: true });

  async function newPage(): Promise<Page> {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    app.contexts.push(context);
    await recordPeerConnections(context);
    return context.newPage();
  }

  /** The interviewer signs up and creates an anonymous interview with an invite link for `role`. */
  async function createInterview(page: Page, base: string, stamp: string, role: 'candidate' | 'observer') {
    const email = `vic.${stamp}@example.com`;
    await signUpAndVerify(page, base, 'Vic Video', email);
    await signIn(page, base, email);
    const org = await pageApi<{ id: string }>(page, 'POST', '/api/v1/orgs', { name: `Call Org ${stamp}` });
    const interview = await pageApi<{ id: string }>(page, 'POST', '/api/v1/interviews', {
      orgId: org.id,
      title: 'Call check',
      candidate: { name: 'Cam Candidate', email: `cam.${stamp}@example.com` },
      durationMinutes: 30,
      defaultLanguage: 'python',
      options: { anonymous: true, recordingAllowed: false, integritySignals: false },
    });
    const link = await pageApi<{ url: string }>(page, 'POST', `/api/v1/interviews/${interview.id}/links`, { role });
    return { interviewId: interview.id, token: new URL(link.url).hash.slice(1) };
  }

  it('connects two people with video, audio, mute, screen share and a reconnect', async () => {
    // getUserMedia needs a secure context: http://localhost is one.
    const base = app.server.url.replace('127.0.0.1', 'localhost');
    const stamp = Date.now().toString(36);
    const interviewer = await newPage();
    const candidate = await newPage();
    screenshotOnFailure(interviewer, 'media-interviewer');
    screenshotOnFailure(candidate, 'media-candidate');
    const interviewerErrors = collectPageErrors(interviewer);
    const candidateErrors = collectPageErrors(candidate);

    const { interviewId, token } = await createInterview(interviewer, base, stamp, 'candidate');
    const roomUrl = `${base}/interviews/${interviewId}/room`;

    // The lobby's device check: a live camera preview and a moving microphone meter.
    await candidate.goto(`${base}/join#${token}`);
    await candidate.getByRole('button', { name: 'Check camera and microphone' }).click();
    const preview = candidate.getByLabel('Your camera preview');
    await expect
      .poll(() => preview.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => candidate.locator('meter.device-check__meter').evaluate((m: HTMLMeterElement) => m.value), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await candidate.screenshot({ path: `${RESULTS_DIR}/media-lobby-check.png`, fullPage: true });

    await interviewer.goto(roomUrl);
    await interviewer.getByRole('button', { name: 'Start' }).click();
    await interviewer.getByText('Status: Live').waitFor();
    await pageApi(candidate, 'POST', '/api/v1/room-links/join', { token, displayName: 'Cam Candidate', consent: true });
    await candidate.goto(roomUrl);

    // Joining is explicit; then each side shows the other's tile under the room's label.
    for (const page of [interviewer, candidate]) {
      await page.getByRole('button', { name: 'Join call' }).click();
      await page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'Mute' }).waitFor();
    }
    await interviewer.getByRole('figure', { name: 'Candidate' }).waitFor();
    await candidate.getByRole('figure', { name: /^Interviewer/ }).waitFor();
    expect(await interviewer.getByText('Cam Candidate').count()).toBe(0);

    // Video: frames decoded on both sides, and still increasing.
    for (const page of [interviewer, candidate]) {
      await expect
        .poll(async () => (await inboundTotals(page)).videoFrames[0] ?? 0, { timeout: 20_000 })
        .toBeGreaterThan(10);
      const before = (await inboundTotals(page)).videoFrames[0] ?? 0;
      await expect.poll(async () => (await inboundTotals(page)).videoFrames[0] ?? 0).toBeGreaterThan(before);
    }
    // Audio: packets arrive and, played through the tile's <audio>, carry the beep.
    for (const page of [interviewer, candidate]) {
      await expect.poll(async () => (await inboundTotals(page)).audioPackets, { timeout: 20_000 }).toBeGreaterThan(50);
      await expect.poll(() => audioEnergyOver(page, TWO_SECONDS), { timeout: 20_000 }).toBeGreaterThan(1e-4);
    }
    await interviewer.screenshot({ path: `${RESULTS_DIR}/media-call-interviewer.png`, fullPage: true });

    // Mute: the interviewer hears silence from the candidate, and sees "Muted" on the tile.
    await candidate.getByRole('button', { name: 'Mute' }).click();
    await expect.poll(() => audioEnergyOver(interviewer, TWO_SECONDS), { timeout: 20_000 }).toBeLessThan(1e-6);
    await interviewer.getByRole('figure', { name: 'Candidate' }).getByText('Muted').waitFor();
    await candidate.getByRole('button', { name: 'Unmute' }).click();
    await expect.poll(() => audioEnergyOver(interviewer, TWO_SECONDS), { timeout: 20_000 }).toBeGreaterThan(1e-4);

    // Screen share: renegotiated as a second video beside the camera.
    await candidate.getByRole('button', { name: 'Share screen' }).click();
    await interviewer.getByRole('figure', { name: "Candidate's screen" }).waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await inboundTotals(interviewer)).videoFrames[1] ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(5);
    expect((await inboundTotals(interviewer)).videoFrames[0]).toBeGreaterThan(0);
    await interviewer.screenshot({ path: `${RESULTS_DIR}/media-call-screen.png`, fullPage: true });
    await candidate.getByRole('button', { name: 'Stop sharing' }).click();
    await expect
      .poll(() => interviewer.getByRole('figure', { name: "Candidate's screen" }).count(), { timeout: 20_000 })
      .toBe(0);

    // A network drop: the room socket goes and comes back (the app reconnects by itself); the call starts over on a new connection and video flows again.
    const connectionsBefore = await peerConnectionCount(candidate);
    await dropSockets(candidate);
    await candidate.getByText(/^Reconnecting/).waitFor({ timeout: 30_000 });
    await candidate.getByText(/^Connected/).waitFor({ timeout: 30_000 });
    await expect.poll(() => peerConnectionCount(candidate), { timeout: 30_000 }).toBeGreaterThan(connectionsBefore);
    await expect
      .poll(async () => (await inboundTotals(interviewer)).videoFrames[0] ?? 0, { timeout: 30_000 })
      .toBeGreaterThan(10);
    await expect
      .poll(async () => (await inboundTotals(candidate)).videoFrames[0] ?? 0, { timeout: 30_000 })
      .toBeGreaterThan(10);

    // Leaving removes the tile on the other side.
    await candidate.getByRole('button', { name: 'Leave call' }).click();
    await expect
      .poll(() => interviewer.getByRole('figure', { name: 'Candidate' }).count(), { timeout: 10_000 })
      .toBe(0);

    expect(interviewerErrors).toEqual([]);
    expect(candidateErrors).toEqual([]);
  }, 240_000);

  it('lets an observer see and hear the call without being seen or heard', async () => {
    const base = app.server.url.replace('127.0.0.1', 'localhost');
    const stamp = `o${Date.now().toString(36)}`;
    const interviewer = await newPage();
    const observer = await newPage();
    screenshotOnFailure(observer, 'media-observer');
    const observerErrors = collectPageErrors(observer);
    const { interviewId, token } = await createInterview(interviewer, base, stamp, 'observer');
    const roomUrl = `${base}/interviews/${interviewId}/room`;
    await interviewer.goto(roomUrl);
    await interviewer.getByRole('button', { name: 'Start' }).click();
    await interviewer.getByText('Status: Live').waitFor();
    await observer.goto(`${base}/`);
    await pageApi(observer, 'POST', '/api/v1/room-links/join', { token, displayName: 'Olive Observer', consent: true });
    await observer.goto(roomUrl);

    await observer.getByText('nobody sees or hears you', { exact: false }).waitFor();
    for (const page of [interviewer, observer]) await page.getByRole('button', { name: 'Join call' }).click();
    // The observer has no microphone or camera controls and gets the interviewer's video and audio.
    await observer.getByRole('figure', { name: /^Interviewer/ }).waitFor({ timeout: 20_000 });
    expect(await observer.getByRole('button', { name: 'Mute' }).count()).toBe(0);
    await expect
      .poll(async () => (await inboundTotals(observer)).videoFrames[0] ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(10);
    await expect
      .poll(async () => (await inboundTotals(observer)).audioPackets, { timeout: 20_000 })
      .toBeGreaterThan(50);
    // The interviewer's connection to the observer receives nothing, and shows no tile for them.
    await expect.poll(() => peerConnectionCount(interviewer), { timeout: 20_000 }).toBeGreaterThan(0);
    expect((await inboundTotals(interviewer)).videoFrames.every((frames) => frames === 0)).toBe(true);
    expect((await inboundTotals(interviewer)).audioPackets).toBe(0);
    expect(await interviewer.getByRole('figure').count()).toBe(1);
    await interviewer.getByText('Waiting for others to join the call').waitFor();
    expect(observerErrors).toEqual([]);
  }, 180_000);
});
