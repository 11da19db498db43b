/**
 * The terminal WebSocket against a real listening server and the real
 * sandbox: authentication and Origin checks on the upgrade, a Python REPL
 * round trip, validation of client frames and the one-session-per-user rule.
 */
import type { AddressInfo } from 'node:net';
import {
  TERMINAL_CLOSE_CODES,
  TerminalServerMessageSchema,
  type TerminalServerMessage,
} from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createTestApp } from '../../../test/create-test-app.js';
import { signedInUser, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { startTerminalManager, type TerminalManager } from '../executions/execution-engine.js';

/** A connected client with every server message collected. */
interface Client {
  ws: WebSocket;
  messages: TerminalServerMessage[];
  /** Resolves with the first message (from the start) that matches. */
  next(match: (m: TerminalServerMessage) => boolean): Promise<TerminalServerMessage>;
  output(): string;
  closed: Promise<number>;
}

describe('terminal WebSocket', () => {
  let database: TestDatabase;
  let terminals: TerminalManager;
  let app: FastifyInstance;
  let base: string;
  let origin: string;
  let alice: SignedIn;
  const clients: WebSocket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    terminals = await startTerminalManager({ uidBase: 64_000, maxSessions: 4 });
    app = await createTestApp(database, {}, { terminals });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    base = `ws://127.0.0.1:${port}/api/v1/terminals/ws`;
    origin = `http://127.0.0.1:${port}`;
    alice = await signedInUser(app, database.db);
  });

  afterAll(async () => {
    for (const ws of clients) ws.terminate();
    await app.close();
    await terminals.closeAll();
    await database.close();
  });

  /** Resolves with the HTTP status of a refused upgrade. */
  function refusedStatus(headers: Record<string, string>, query = '?language=python'): Promise<number> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${base}${query}`, { headers });
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
      });
      ws.on('open', () => reject(new Error('the upgrade was accepted')));
      ws.on('error', () => undefined);
    });
  }

  function connect(headers: Record<string, string>, language = 'python'): Client {
    const ws = new WebSocket(`${base}?language=${language}`, { headers: { origin, ...headers } });
    clients.push(ws);
    const messages: TerminalServerMessage[] = [];
    const waiters: { match: (m: TerminalServerMessage) => boolean; resolve: (m: TerminalServerMessage) => void }[] = [];
    ws.on('message', (data: Buffer) => {
      const message = TerminalServerMessageSchema.parse(JSON.parse(data.toString('utf8')));
      messages.push(message);
      for (const w of [...waiters]) {
        if (w.match(message)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(message);
        }
      }
    });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    return {
      ws,
      messages,
      next: (match) =>
        new Promise((resolve) => {
          const found = messages.find(match);
          if (found) resolve(found);
          else waiters.push({ match, resolve });
        }),
      output: () => messages.map((m) => (m.type === 'output' ? m.data : '')).join(''),
      closed,
    };
  }

  function send(client: Client, message: unknown): void {
    client.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  it('refuses an upgrade without a session (401)', async () => {
    expect(await refusedStatus({ origin })).toBe(401);
  });

  it('refuses an upgrade from another origin (403), even with a valid session', async () => {
    expect(await refusedStatus({ origin: 'https://evil.example', cookie: alice.headers.cookie ?? '' })).toBe(403);
    expect(await refusedStatus({ cookie: alice.headers.cookie ?? '' })).toBe(403);
  });

  it('refuses an unknown language (400)', async () => {
    expect(await refusedStatus({ origin, cookie: alice.headers.cookie ?? '' }, '?language=cobol')).toBe(400);
  });

  it('runs a Python REPL for a signed-in user, rejects bad frames and allows one session per user', async () => {
    const client = connect({ cookie: alice.headers.cookie ?? '' });
    const ready = await client.next((m) => m.type === 'ready');
    expect(ready.type === 'ready' && ready.language).toBe('python');
    expect(ready.type === 'ready' && ready.version).toMatch(/^3\./);
    await client.next((m) => m.type === 'output' && client.output().includes('>>> '));

    send(client, { type: 'input', data: 'print(1+1)\n' });
    await client.next(() => /\r\n2\r\n/.test(client.output()));

    send(client, 'not json');
    send(client, { type: 'input', data: 'x'.repeat(5000) });
    send(client, { type: 'resize' });
    await client.next(() => client.messages.filter((m) => m.type === 'error').length === 3);
    expect(client.messages.filter((m) => m.type === 'error').map((m) => m.type === 'error' && m.code)).toEqual([
      'bad_message',
      'bad_message',
      'bad_message',
    ]);

    const second = connect({ cookie: alice.headers.cookie ?? '' });
    expect(await second.next((m) => m.type === 'error')).toMatchObject({ code: 'session_limit' });
    expect(await second.closed).toBe(TERMINAL_CLOSE_CODES.REFUSED);

    // The first session is unaffected and still answers.
    send(client, { type: 'input', data: 'print("still here")\n' });
    await client.next(() => client.output().includes('still here\r\n'));

    send(client, { type: 'close' });
    expect(await client.next((m) => m.type === 'exit')).toEqual({ type: 'exit', reason: 'closed', exitCode: null });
    expect(await client.closed).toBe(TERMINAL_CLOSE_CODES.ENDED);

    // With the first one gone, the same user may open a new session.
    const third = connect({ cookie: alice.headers.cookie ?? '' });
    await third.next((m) => m.type === 'ready');
    third.ws.close();
    await third.closed;
  });

  it('answers "not available" on a server without terminals', async () => {
    const bare = await createTestApp(database);
    await bare.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = bare.server.address() as AddressInfo;
      const bob = await signedInUser(bare, database.db);
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/terminals/ws?language=bash`, {
        headers: { origin: `http://127.0.0.1:${port}`, cookie: bob.headers.cookie ?? '' },
      });
      const message = await new Promise<unknown>((resolve) =>
        ws.on('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')))),
      );
      expect(message).toEqual({
        type: 'error',
        code: 'unavailable',
        message: 'interactive terminals are not available on this server',
      });
      expect(await new Promise<number>((resolve) => ws.on('close', resolve))).toBe(TERMINAL_CLOSE_CODES.UNAVAILABLE);
    } finally {
      await bare.close();
    }
  });
});
