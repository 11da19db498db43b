/**
 * Shared fixtures for end-to-end specs: the real built server as a child
 * process on a free loopback port with its own data directory, and Debian's
 * Chromium driven by playwright-core. Specs that fail leave a screenshot in
 * test-results/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { FAKE_MEDIA_ARGS } from './media-probe.js';
import { afterAll, beforeAll, onTestFailed } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '..');
const SERVER_ENTRY = path.join(ROOT, 'apps/server/dist/src/main.js');
export const RESULTS_DIR = path.join(ROOT, 'test-results');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Children still running when the test worker exits are killed, even after a failed assertion. */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

export interface RunningServer {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  /** Sends a signal and resolves with the exit code (null when killed by a signal). */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'isel-e2e-'));
}

/** Environment for a child server: no inherited backends unless asked for. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...extra };
}

/** Runs the built server until it exits (for start-up failures); resolves with code and output. */
export function runServerToExit(
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<{ code: number | null; output: string }> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run npm run build first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER_ENTRY], { env: childEnv(env), cwd: ROOT });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not exit within ${timeoutMs} ms; output:\n${output}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export async function startServer(
  opts: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run npm run build first`);
  const port = await freePort();
  const dataDir = opts.dataDir ?? tempDataDir();
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: childEnv({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...opts.env }),
    cwd: ROOT,
  });
  liveChildren.add(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      liveChildren.delete(child);
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;

  // Migrations and the first seeding of the problem library take a while on a busy CI machine.
  const deadline = Date.now() + 110_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode} before becoming ready:\n${output}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dataDir,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BrowserOptions {
  /** Fake camera, microphone and screen, no permission prompts (FAKE_MEDIA_ARGS, for call specs); off by default. */
  fakeMedia?: boolean;
}

export function launchBrowser(options: BrowserOptions = {}): Promise<Browser> {
  const args = options.fakeMedia ? [...CHROMIUM_ARGS, ...FAKE_MEDIA_ARGS] : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: '/usr/bin/chromium', args });
}

/** What a spec file runs against: its own server and Chromium, and the browser contexts it opened. */
export interface E2eApp {
  server: RunningServer;
  browser: Browser;
  /** Contexts opened by the spec (openPage pushes here); closed after the file's tests. */
  contexts: BrowserContext[];
}

/**
 * Starts a server (on WEB_DIST_DIR when set, so a developer can test a web
 * build of their own while others rebuild apps/web/dist) and Chromium before
 * the spec file's tests, and closes contexts, browser and server after them.
 * Call at the top of a `describe`; read `server`/`browser` inside tests.
 */
export function useE2eApp(options: BrowserOptions = {}): E2eApp {
  const app = { contexts: [] } as unknown as E2eApp;
  beforeAll(async () => {
    const env: Record<string, string> = process.env.WEB_DIST_DIR ? { WEB_DIST_DIR: process.env.WEB_DIST_DIR } : {};
    [app.server, app.browser] = await Promise.all([startServer({ env }), launchBrowser(options)]);
  });
  afterAll(async () => {
    for (const context of app.contexts) await context.close().catch(() => undefined);
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}

/**
 * Call inside a test: if the test fails, the page's screenshot lands in
 * test-results/<test name>.png.
 */
export function screenshotOnFailure(page: Page, name: string): void {
  onTestFailed(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  });
}

/** Collects console errors and page errors; specs assert it stays empty. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}
