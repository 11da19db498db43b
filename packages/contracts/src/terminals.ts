import { z } from 'zod';

/**
 * Interactive terminals: a REPL or shell on a pty inside the sandbox,
 * streamed over `GET /api/v1/terminals/ws?language=…` (a WebSocket).
 * Every frame is one JSON message; the server validates each one.
 */

/** The languages that have an interactive session (a REPL, or a shell for bash). */
export const TERMINAL_LANGUAGES = ['python', 'javascript', 'ruby', 'bash'] as const;
export const TerminalLanguageSchema = z.enum(TERMINAL_LANGUAGES);
export type TerminalLanguage = z.infer<typeof TerminalLanguageSchema>;

/** The WebSocket path of the terminal endpoint. */
export const TERMINAL_WS_PATH = '/api/v1/terminals/ws';

/** Largest `input` frame (keystrokes or a paste) the server accepts, in characters. */
export const TERMINAL_MAX_INPUT = 4096;

/** The query string of the upgrade request. */
export const TerminalQuerySchema = z.object({ language: TerminalLanguageSchema });

export const TerminalClientMessageSchema = z.discriminatedUnion('type', [
  /** Keystrokes or pasted text, written to the pty as is. */
  z.object({ type: z.literal('input'), data: z.string().min(1).max(TERMINAL_MAX_INPUT) }),
  /** Ctrl-C: interrupts the foreground program (the REPL stays). */
  z.object({ type: z.literal('interrupt') }),
  /** Ends the session; the server answers with `exit` and closes the socket. */
  z.object({ type: z.literal('close') }),
]);
export type TerminalClientMessage = z.infer<typeof TerminalClientMessageSchema>;

/**
 * Why a session ended: the program exited, no input or output for the idle
 * timeout, the absolute time limit, closed by the user, or a sandbox limit
 * (memory, output budget) or failure.
 */
export const TerminalExitReasonSchema = z.enum(['exit', 'idle', 'timeout', 'closed', 'limit']);
export type TerminalExitReason = z.infer<typeof TerminalExitReasonSchema>;

/** Stable error codes of `error` messages: branch on these, not on the text. */
export const TerminalErrorCodeSchema = z.enum([
  /** A frame that is not valid JSON or not a known message. */
  'bad_message',
  /** This server cannot run interactive sessions (no sandbox here). */
  'unavailable',
  /** The user already has an open session. */
  'session_limit',
  /** The server runs its maximum of concurrent sessions. */
  'busy',
  /** The sandbox could not start. */
  'failed',
]);
export type TerminalErrorCode = z.infer<typeof TerminalErrorCodeSchema>;

export const TerminalServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), language: TerminalLanguageSchema, version: z.string().nullable() }),
  z.object({ type: z.literal('output'), data: z.string() }),
  z.object({ type: z.literal('exit'), reason: TerminalExitReasonSchema, exitCode: z.number().int().nullable() }),
  z.object({ type: z.literal('error'), code: TerminalErrorCodeSchema, message: z.string() }),
]);
export type TerminalServerMessage = z.infer<typeof TerminalServerMessageSchema>;

/** WebSocket close codes of the terminal endpoint (shared by client and server). */
export const TERMINAL_CLOSE_CODES = {
  /** The session ended; the `exit` message says why. */
  ENDED: 1000,
  /** Refused: the user already has a session, or the server runs its maximum. */
  REFUSED: 4429,
  /** This server has no interactive terminals (or not for that language). */
  UNAVAILABLE: 4503,
  /** The sandbox could not start. */
  FAILED: 4500,
} as const;
