import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MyInterviewSchema, SystemInfoSchema } from '@interviewselect/contracts';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { runServerToExit, startServer, tempDataDir } from './harness.js';

async function systemInfo(url: string) {
  return SystemInfoSchema.parse(await (await fetch(`${url}/api/v1/system`)).json());
}

describe('the server process', () => {
  it('runs on Node 24, exits 0 on SIGTERM and keeps its data across a restart', async () => {
    const dataDir = tempDataDir();
    const first = await startServer({ dataDir });
    const info = await systemInfo(first.url);
    expect(info.nodeVersion).toMatch(/^v24\./);
    expect(info.database).toBe('pglite');
    expect(info.stats.users).toBeGreaterThanOrEqual(4);
    expect(first.output()).toContain('Demo accounts');
    const accounts = readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8');
    const parsed = JSON.parse(accounts) as { email: string; password: string; role: string }[];
    expect(parsed.map((a) => a.role)).toEqual(
      expect.arrayContaining(['platform-admin', 'owner', 'interviewer', 'candidate']),
    );

    // The demo candidate's account already has the seeded interview in "My interviews".
    const candidate = parsed.find((a) => a.role === 'candidate');
    const csrf = {
      cookie: 'isel_csrf=e2e-csrf-token',
      'x-csrf-token': 'e2e-csrf-token',
      'content-type': 'application/json',
    };
    const signIn = await fetch(`${first.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: csrf,
      body: JSON.stringify({ email: candidate?.email, password: candidate?.password }),
    });
    expect(signIn.status).toBe(200);
    const session = /isel_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1];
    const mine = await fetch(`${first.url}/api/v1/me/interviews`, { headers: { cookie: `isel_session=${session}` } });
    const interviews = z.array(MyInterviewSchema).parse(await mine.json());
    expect(interviews.map((i) => `${i.role}:${i.status}`)).toEqual(['candidate:scheduled']);

    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await startServer({ dataDir });
    try {
      expect((await systemInfo(second.url)).stats).toEqual(info.stats);
      // Not re-seeded: the passwords written on first run are still the valid ones.
      expect(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')).toBe(accounts);
      expect(second.output()).not.toContain('passwords shown once');
    } finally {
      expect(await second.stop('SIGTERM')).toBe(0);
    }
  });

  it('finishes an in-flight request before exiting on SIGTERM', async () => {
    const server = await startServer();
    const inFlight = Array.from({ length: 20 }, () => fetch(`${server.url}/api/v1/system`).then((r) => r.status));
    const exit = server.stop('SIGTERM');
    const statuses = await Promise.all(inFlight.map((p) => p.catch(() => 0)));
    expect(await exit).toBe(0);
    // Every request either completed or was refused before acceptance; none got a 5xx from a torn-down database.
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
  });

  it('refuses to start on a bad PORT, naming the variable', async () => {
    const { code, output } = await runServerToExit({ PORT: 'eighty', DATA_DIR: tempDataDir() });
    expect(code).not.toBe(0);
    expect(output).toContain('PORT: expected a port number between 0 and 65535 (got "eighty")');
  });

  it('refuses to start on a malformed DATABASE_URL, naming the variable', async () => {
    const { code, output } = await runServerToExit({ DATABASE_URL: 'not a url', DATA_DIR: tempDataDir() });
    expect(code).not.toBe(0);
    expect(output).toContain('DATABASE_URL: expected a PostgreSQL URL');
  });

  it('fails fast with a readable message when PostgreSQL is unreachable', async () => {
    const { code, output } = await runServerToExit({
      DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none',
      DATA_DIR: tempDataDir(),
    });
    expect(code).not.toBe(0);
    expect(output).toContain('Cannot connect to DATABASE_URL');
    expect(output).not.toContain('secret');
  });

  if (process.env.DATABASE_URL) {
    const databaseUrl = process.env.DATABASE_URL;
    it('uses PostgreSQL when DATABASE_URL is set', async () => {
      const server = await startServer({ env: { DATABASE_URL: databaseUrl } });
      try {
        expect((await systemInfo(server.url)).database).toBe('postgres');
      } finally {
        expect(await server.stop()).toBe(0);
      }
    });
  }
});
