import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  ERROR_CODES,
  TERMINAL_WS_PATH,
  TerminalQuerySchema,
  type ErrorCode,
  type TerminalLanguage,
} from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { WebSocketServer } from 'ws';
import type { Config } from '../../config.js';
import { SESSION_COOKIE } from '../../platform/auth.js';
import type { SessionsService } from '../auth/sessions.service.js';
import type { TerminalManager } from '../executions/execution-engine.js';
import { can } from '../policy/policy.js';
import { serveTerminal, type TerminalLogger, type UserSessions } from './terminal-connection.js';

type Admission =
  { ok: true; userId: string; language: TerminalLanguage } | { ok: false; code: ErrorCode; detail: string };

/** The origins a browser page of this app can have: PUBLIC_URL's, and the Host the request came to. */
export function allowedOrigin(origin: string | undefined, host: string | undefined, config: Config): boolean {
  if (!origin) return false;
  if (origin === new URL(config.publicUrl).origin) return true;
  return host !== undefined && origin === `${config.isHttps ? 'https' : 'http'}://${host}`;
}

/** Answers a refused WebSocket upgrade with a problem+json body (terminals and the room socket). */
export function rejectUpgrade(socket: Duplex, code: ErrorCode, detail: string): void {
  const status = ERROR_CODES[code];
  const body = JSON.stringify({
    type: `https://interviewselect.dev/problems/${code.replace('.', '/')}`,
    title: code === 'auth.unauthenticated' ? 'Sign-in required' : 'Not allowed',
    status,
    detail,
    code,
  });
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 400 ? 'Bad Request' : 'Forbidden'}\r\n` +
      'Content-Type: application/problem+json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/**
 * Interactive terminals: `GET /api/v1/terminals/ws?language=python` upgraded
 * to a WebSocket on the HTTP server's `upgrade` event (only that path; other
 * upgrade paths are left to their own handlers). The caller is authenticated
 * from the session cookie like any route, authorised through the policy
 * (`terminal.open`), and the Origin must be this app's (no cross-site
 * WebSocket hijacking). The session runs on this node — the one holding the
 * socket — so scaled deployments need no sticky sessions; a node that cannot
 * sandbox answers with an `unavailable` error.
 */
export async function registerTerminalsModule(
  app: FastifyInstance,
  deps: {
    config: Config;
    sessions: SessionsService;
    /** The sandbox's terminal manager; absent: every session gets "not available on this server". */
    terminals?: TerminalManager;
    logger: TerminalLogger;
  },
): Promise<void> {
  const { config, sessions, terminals, logger } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const openByUser: UserSessions = new Set();

  async function admit(req: IncomingMessage, url: URL): Promise<Admission> {
    if (!allowedOrigin(req.headers.origin, req.headers.host, config)) {
      return {
        ok: false,
        code: 'auth.csrf_failed',
        detail: `WebSocket connections from ${req.headers.origin ?? 'an unknown origin'} are not accepted. Use the app at ${new URL(config.publicUrl).origin}.`,
      };
    }
    const cookies = app.parseCookie(req.headers.cookie ?? '');
    const principal = await sessions.resolve(cookies[SESSION_COOKIE]);
    if (!principal) return { ok: false, code: 'auth.unauthenticated', detail: 'Sign in to continue.' };
    if (!can(principal, 'terminal.open')) {
      return { ok: false, code: 'auth.forbidden', detail: 'Your role does not allow opening a terminal.' };
    }
    const query = TerminalQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) {
      return {
        ok: false,
        code: 'request.validation_failed',
        detail: 'language must be one of python, javascript, ruby, bash',
      };
    }
    return { ok: true, userId: principal.userId, language: query.data.language };
  }

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== TERMINAL_WS_PATH) return;
    socket.on('error', () => undefined);
    admit(req, url).then(
      (admission) => {
        if (!admission.ok) return rejectUpgrade(socket, admission.code, admission.detail);
        wss.handleUpgrade(req, socket, head, (ws) => {
          void serveTerminal(ws, {
            userId: admission.userId,
            language: admission.language,
            manager: terminals,
            openByUser,
            logger,
          });
        });
      },
      (error: unknown) => {
        logger.warn({ err: error }, 'terminal upgrade failed');
        socket.destroy();
      },
    );
  }

  app.server.on('upgrade', onUpgrade);
  app.addHook('onClose', async () => {
    app.server.off('upgrade', onUpgrade);
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });
}
