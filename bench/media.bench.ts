/**
 * `npm run bench -- media`: calls in rooms, on the production build with
 * real Chromium (fake camera and microphone) on loopback.
 *
 * 1. Join → first remote video frame: the demo interviewer waits in the
 *    call; the candidate presses "Join call" and the page measures, on its
 *    own clock, until the interviewer's tile shows a decoded frame; then
 *    leaves. BENCH_MEDIA_JOINS times (default 20): p50/p99.
 * 2. Server CPU during a 4-person call (three interviewers and a candidate,
 *    all publishing) for BENCH_MEDIA_CALL_S seconds (default 20) from the
 *    moment everyone presses "Join call" (so all the signalling is in it),
 *    against the baseline measured in the same run: the same four pages
 *    connected to the room for as long, not in the call. Media flows browser
 *    to browser, so the difference is the signalling alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { FAKE_MEDIA_ARGS } from '../e2e/media-probe.js';
import { machineInfo } from './lib/machine-info.js';
import { fmt, print, progress, table, writeResult } from './lib/report.js';
import { processCpuSeconds } from './lib/room-proc.js';
import { call, cookieValue, signInDemoAccounts } from './lib/room-setup.js';
import { ensureServerBuilt, startTarget } from './lib/room-target.js';
import { stopAll } from './lib/server-process.js';
import { round, summarize } from './lib/stats.js';

const NAME = 'media';
const JOINS = Number(process.env.BENCH_MEDIA_JOINS ?? 20);
const CALL_S = Number(process.env.BENCH_MEDIA_CALL_S ?? 20);
/** A live interview with the demo interviewer and three guests joined through links (interviewer, candidate, interviewer). */
async function createCallRoom(base: string, dataDir: string) {
  const accounts = await signInDemoAccounts(base, dataDir);
  const { interviewer } = accounts;
  const created = await call(base, 'POST', '/api/v1/interviews', interviewer.cookie, {
    orgId: interviewer.orgId,
    title: 'Media bench',
    candidate: { name: 'Bench Candidate', email: 'bench-media-candidate@example.test' },
  });
  const interview = (await created.json()) as { id: string };
  const guests: string[] = [];
  for (const [role, name] of [
    ['candidate', 'Bench Candidate'],
    ['interviewer', 'Bench Interviewer Two'],
    ['interviewer', 'Bench Interviewer Three'],
  ] as const) {
    const link = await call(base, 'POST', `/api/v1/interviews/${interview.id}/links`, interviewer.cookie, { role });
    const token = ((await link.json()) as { url: string }).url.split('#')[1];
    const joined = await call(base, 'POST', '/api/v1/room-links/join', '', { token, displayName: name, consent: true });
    await joined.arrayBuffer();
    guests.push(`isel_guest=${cookieValue(joined, 'isel_guest')}`);
  }
  await (
    await call(base, 'POST', `/api/v1/interviews/${interview.id}/transitions`, interviewer.cookie, { action: 'start' })
  ).arrayBuffer();
  return { interviewId: interview.id, cookies: [interviewer.cookie, ...guests] };
}

async function openRoom(browser: Browser, origin: string, cookie: string, roomUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: origin }]);
  const page = await context.newPage();
  await page.goto(roomUrl);
  await page.getByRole('button', { name: 'Join call' }).waitFor({ timeout: 60_000 });
  await page.getByText('Connected').first().waitFor({ timeout: 60_000 });
  return page;
}

async function joinCall(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Join call' }).click();
  await page.getByRole('button', { name: 'Leave call' }).waitFor({ timeout: 30_000 });
}

/** Presses "Join call" and resolves with the milliseconds until a remote tile's video decoded a frame (page clock). */
function timeToFirstRemoteFrame(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const join = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Join call');
    if (!join) throw new Error('no Join call button');
    const started = performance.now();
    join.click();
    for (;;) {
      const remote = [...document.querySelectorAll<HTMLElement>('figure[data-kind="camera"]')].find(
        (f) => !f.getAttribute('aria-label')?.endsWith('(you)'),
      );
      const video = remote?.querySelector('video');
      if (video && video.readyState >= 2 && video.videoWidth > 0) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 5)); // poll interval while the first frame is on its way
    }
  });
}

/** CPU % of the process over a window of `seconds` that starts with `work` (the window waits for it if it takes longer). */
async function cpuPercentOver(
  pid: number,
  seconds: number,
  work: () => Promise<void> = async () => {},
): Promise<number> {
  const cpu0 = processCpuSeconds(pid);
  const t0 = performance.now();
  await work();
  const rest = seconds * 1000 - (performance.now() - t0);
  if (rest > 0) await new Promise((r) => setTimeout(r, rest)); // the rest of the measurement window
  const cpu1 = processCpuSeconds(pid);
  if (cpu0 === null || cpu1 === null) throw new Error('the server process is gone');
  return ((cpu1 - cpu0) / ((performance.now() - t0) / 1000)) * 100;
}

/** A build that fails (someone's work in progress elsewhere) still leaves the last main.js: measured, and said so. */
const build = await ensureServerBuilt().catch((err: unknown) => {
  progress(
    `could not rebuild the server (${err instanceof Error ? err.message : String(err)}); using the existing build`,
  );
  return 'stale' as const;
});
const dataDir = mkdtempSync(path.join(tmpdir(), 'isel-bench-media-'));
let browser: Browser | null = null;
try {
  // The server serves apps/web/dist: build the web app first (`npm run build`).
  const { server, port } = await startTarget('server', { dataDir, databaseUrl: undefined });
  const origin = `http://localhost:${port}`;
  const room = await createCallRoom(`http://127.0.0.1:${port}`, dataDir);
  const roomUrl = `${origin}/interviews/${room.interviewId}/room`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', ...FAKE_MEDIA_ARGS],
  });

  progress(`join → first remote video frame, ${JOINS} joins…`);
  const [host, joiner] = await Promise.all([
    openRoom(browser, origin, room.cookies[0] as string, roomUrl),
    openRoom(browser, origin, room.cookies[1] as string, roomUrl),
  ]);
  await joinCall(host);
  const joins: number[] = [];
  for (let i = 0; i < JOINS; i++) {
    joins.push(await timeToFirstRemoteFrame(joiner));
    await joiner.getByRole('button', { name: 'Leave call' }).click();
    // The host dropped the link (its tile for the joiner is gone) before the next join.
    await host.locator('figure[data-kind="camera"]').nth(1).waitFor({ state: 'detached', timeout: 30_000 });
    progress(`  join ${i + 1}: ${joins[i]?.toFixed(0)} ms`);
  }
  await host.getByRole('button', { name: 'Leave call' }).click();

  progress(`server CPU: ${CALL_S} s with 4 pages in the room (baseline), then ${CALL_S} s in a 4-person call…`);
  const others = await Promise.all(
    room.cookies.slice(2).map((cookie) => openRoom(browser as Browser, origin, cookie, roomUrl)),
  );
  const pages = [host, joiner, ...others];
  const idleCpu = await cpuPercentOver(server.pid, CALL_S);
  // The window starts as everyone presses "Join call": it holds all the signalling of the mesh.
  let meshMs = Number.NaN;
  const callCpu = await cpuPercentOver(server.pid, CALL_S, async () => {
    const callStart = performance.now();
    await Promise.all(pages.map(joinCall));
    // Every page sees three remote tiles: the mesh is complete.
    await Promise.all(pages.map((p) => p.locator('figure[data-kind="camera"]').nth(3).waitFor({ timeout: 60_000 })));
    meshMs = performance.now() - callStart;
  });
  const memory = server.memory();

  const join = summarize(joins);
  const result = {
    name: NAME,
    machine: machineInfo(),
    settings: { joins: JOINS, callSeconds: CALL_S, serverBuild: build, participants: 4 },
    joinToFirstRemoteFrameMs: {
      p50: round(join.median, 1),
      p99: round(join.p99, 1),
      min: round(join.min, 1),
      max: round(join.max, 1),
      all: joins.map((v) => round(v, 1)),
    },
    fourPersonMeshCompleteMs: round(meshMs, 0),
    serverCpuPercent: {
      idleBaseline: round(idleCpu, 2),
      call: round(callCpu, 2),
      difference: round(callCpu - idleCpu, 2),
    },
    serverRssBytes: memory?.rssBytes ?? null,
  };
  print(
    table(
      [
        { header: 'measure', align: 'left' },
        { header: 'value', align: 'right' },
      ],
      [
        ['join → first remote video frame p50 (ms)', fmt(join.median, 0)],
        ['join → first remote video frame p99 (ms)', fmt(join.p99, 0)],
        ['4-person mesh complete after joining (ms)', fmt(meshMs, 0)],
        [`server CPU, 4 pages in the room, no call (baseline, %)`, fmt(idleCpu, 2)],
        [`server CPU, 4-person call from joining (%)`, fmt(callCpu, 2)],
      ],
    ),
  );
  progress(`wrote ${writeResult(NAME, result)}`);
} finally {
  await browser?.close();
  await stopAll();
  rmSync(dataDir, { recursive: true, force: true });
}
