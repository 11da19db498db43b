import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../platform/errors.js';

/** Turns a self-contained HTML page into a PDF. */
export interface PdfPrinter {
  print(html: string): Promise<Buffer>;
}

/** Flags for a headless Chromium that talks to nobody (no updates, sync, QUIC or background requests). */
const CHROMIUM_FLAGS = [
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pdf-header-footer',
];

/**
 * Prints with Debian's headless Chromium (`--print-to-pdf`), one process per
 * PDF in a private temporary directory, at most `concurrency` at once (the
 * rest wait their turn), killed after `timeoutMs`. The page carries its own
 * CSP that forbids scripts and every fetch, so only the given HTML is rendered.
 */
export function createChromiumPrinter(opts: {
  chromiumPath: string;
  concurrency: number;
  timeoutMs?: number;
}): PdfPrinter {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  let running = 0;
  const waiting: (() => void)[] = [];

  async function slot(): Promise<() => void> {
    if (running >= opts.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    return () => {
      running--;
      waiting.shift()?.();
    };
  }

  function unavailable(): never {
    throw new AppError(
      'report.pdf_unavailable',
      `PDF export needs Chromium on the server and ${opts.chromiumPath} cannot be run: install it (apt-get install chromium) or set CHROMIUM_PATH. The JSON export works without it.`,
    );
  }

  async function run(dir: string): Promise<Buffer> {
    const out = path.join(dir, 'report.pdf');
    const args = [
      ...CHROMIUM_FLAGS,
      // Chromium's own sandbox cannot start as root.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `--user-data-dir=${path.join(dir, 'profile')}`,
      `--print-to-pdf=${out}`,
      pathToFileURL(path.join(dir, 'report.html')).href,
    ];
    const child = spawn(opts.chromiumPath, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: '/usr/bin:/bin', HOME: dir, TMPDIR: dir },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (c) => resolve(c));
    }).finally(() => clearTimeout(timer));
    const pdf = await readFile(out).catch(() => null);
    if (code !== 0 || !pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new Error(`chromium exited ${code ?? 'by signal'} without a PDF: ${stderr.trim().slice(-500)}`);
    }
    return pdf;
  }

  return {
    async print(html) {
      try {
        accessSync(opts.chromiumPath, constants.X_OK);
      } catch {
        unavailable();
      }
      const release = await slot();
      const dir = await mkdtemp(path.join(os.tmpdir(), 'interviewselect-pdf-'));
      try {
        await writeFile(path.join(dir, 'report.html'), html, { mode: 0o600 });
        return await run(dir);
      } finally {
        release();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
