import {
  TERMINAL_CLOSE_CODES,
  TerminalClientMessageSchema,
  type TerminalErrorCode,
  type TerminalLanguage,
  type TerminalServerMessage,
} from '@interviewselect/contracts';
import type { WebSocket } from 'ws';
import {
  TerminalLanguageError,
  TerminalLimitError,
  type TerminalManager,
  type TerminalSession,
} from '../executions/execution-engine.js';

export interface TerminalLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** The open sessions per user: each user may hold one at a time. */
export type UserSessions = Set<string>;

/** Output queued for a slow client beyond this is dropped (the sandbox side is already capped at 1 MiB/s). */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export const UNAVAILABLE_MESSAGE = 'interactive terminals are not available on this server';

function send(ws: WebSocket, message: TerminalServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function refuse(ws: WebSocket, code: TerminalErrorCode, message: string, closeCode: number): void {
  send(ws, { type: 'error', code, message });
  ws.close(closeCode, code);
}

function parseFrame(data: unknown): ReturnType<typeof TerminalClientMessageSchema.safeParse> | null {
  if (!(data instanceof Buffer)) return null;
  try {
    return TerminalClientMessageSchema.safeParse(JSON.parse(data.toString('utf8')));
  } catch {
    return null;
  }
}

/**
 * Bridges one authenticated WebSocket to one sandboxed session: `ready`,
 * then output frames, then `exit`; client frames are validated one by one
 * (a bad frame gets an `error`, the session goes on). The sandbox is closed
 * when the socket closes, and the user's slot is freed only once the
 * sandbox is gone.
 */
export async function serveTerminal(
  ws: WebSocket,
  ctx: {
    userId: string;
    language: TerminalLanguage;
    manager: TerminalManager | undefined;
    openByUser: UserSessions;
    logger: TerminalLogger;
  },
): Promise<void> {
  const { manager, userId, language, openByUser, logger } = ctx;
  if (!manager || !manager.languages().includes(language)) {
    refuse(ws, 'unavailable', UNAVAILABLE_MESSAGE, TERMINAL_CLOSE_CODES.UNAVAILABLE);
    return;
  }
  const version = await manager.version(language);
  if (ws.readyState !== ws.OPEN) return;
  // From here to open() nothing awaits: the per-user check and the claim are one step.
  if (openByUser.has(userId)) {
    refuse(
      ws,
      'session_limit',
      'You already have a terminal open (in another tab or window). Close it first, then start a new one.',
      TERMINAL_CLOSE_CODES.REFUSED,
    );
    return;
  }
  let session: TerminalSession;
  try {
    session = manager.open(language, {
      onData: (data) => {
        if (ws.bufferedAmount < MAX_BUFFERED_BYTES) send(ws, { type: 'output', data });
      },
      onExit: ({ reason, exitCode }) => {
        openByUser.delete(userId);
        logger.info({ userId, language, reason, exitCode }, 'terminal session ended');
        send(ws, { type: 'exit', reason, exitCode });
        ws.close(TERMINAL_CLOSE_CODES.ENDED, reason);
      },
    });
  } catch (error) {
    if (error instanceof TerminalLimitError) refuse(ws, 'busy', error.message, TERMINAL_CLOSE_CODES.REFUSED);
    else if (error instanceof TerminalLanguageError)
      refuse(ws, 'unavailable', error.message, TERMINAL_CLOSE_CODES.UNAVAILABLE);
    else {
      logger.warn({ err: error, userId, language }, 'terminal session could not start');
      refuse(ws, 'failed', 'The terminal could not start. Try again in a moment.', TERMINAL_CLOSE_CODES.FAILED);
    }
    return;
  }
  openByUser.add(userId);
  logger.info({ userId, language, sessionId: session.id }, 'terminal session started');
  send(ws, { type: 'ready', language, version });

  ws.on('message', (data) => {
    const parsed = parseFrame(data);
    if (!parsed?.success) {
      send(ws, {
        type: 'error',
        code: 'bad_message',
        message:
          'Unrecognised message: send {"type":"input","data":"…"} (at most 4096 characters), interrupt or close.',
      });
      return;
    }
    const message = parsed.data;
    if (message.type === 'input') session.write(message.data);
    else if (message.type === 'interrupt') session.interrupt();
    else session.close();
  });
  ws.on('close', () => session.close());
}
