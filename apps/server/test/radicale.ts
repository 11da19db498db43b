import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eventually } from './eventually.js';

/** A free loopback port (Radicale cannot report the port it bound to, so one is picked first). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface RadicaleServer {
  baseUrl: string;
  /** Creates a calendar collection for `user` and returns its URL. */
  makeCalendar(user: string, password: string, name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real Radicale (Debian `radicale`) on 127.0.0.1 with plain htpasswd users,
 * its storage in a temporary directory that close() removes.
 */
export async function startRadicale(users: Record<string, string>): Promise<RadicaleServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'isel-radicale-'));
  const port = await freePort();
  writeFileSync(
    path.join(dir, 'users'),
    Object.entries(users)
      .map(([u, p]) => `${u}:${p}`)
      .join('\n') + '\n',
  );
  writeFileSync(
    path.join(dir, 'config'),
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${path.join(dir, 'users')}`,
      'htpasswd_encryption = plain',
      '[storage]',
      `filesystem_folder = ${path.join(dir, 'collections')}`,
      '[rights]',
      'type = owner_only',
      '[logging]',
      'level = warning',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('radicale', ['--config', path.join(dir, 'config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`radicale exited: ${stderr}`);
      const res = await fetch(`${baseUrl}/.web/`);
      if (res.status >= 500) throw new Error(`radicale not ready (${res.status})`);
    },
    { timeoutMs: 15_000, intervalMs: 50 },
  );
  return {
    baseUrl,
    async makeCalendar(user, password, name) {
      const url = `${baseUrl}/${user}/${name}/`;
      const res = await fetch(url, {
        method: 'MKCALENDAR',
        headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
      });
      if (res.status !== 201) throw new Error(`MKCALENDAR ${url}: ${res.status}`);
      return url;
    },
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
