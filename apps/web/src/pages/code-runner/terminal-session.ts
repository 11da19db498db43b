import {
  TERMINAL_MAX_INPUT,
  TERMINAL_WS_PATH,
  TerminalServerMessageSchema,
  type TerminalClientMessage,
  type TerminalExitReason,
  type TerminalLanguage,
} from '@interviewselect/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';

export type TerminalStatus =
  | { kind: 'idle' }
  | { kind: 'connecting'; language: TerminalLanguage }
  | { kind: 'running'; language: TerminalLanguage; version: string | null }
  | { kind: 'ended'; reason: TerminalExitReason | 'disconnected'; exitCode: number | null };

export interface TerminalSessionControls {
  status: TerminalStatus;
  /** The last failure, in words for the user; null when there is none. */
  error: string | null;
  /** Starts a session, ending the current one first (Restart). */
  start: (language: TerminalLanguage) => void;
  stop: () => void;
  /** Keystrokes from the terminal; Ctrl-C becomes an interrupt. */
  input: (data: string) => void;
}

/** The socket URL on the page's own origin (the server checks the Origin). */
export function terminalUrl(language: TerminalLanguage, location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${TERMINAL_WS_PATH}?language=${encodeURIComponent(language)}`;
}

/** Input frames of at most TERMINAL_MAX_INPUT characters (a long paste becomes several). */
export function inputFrames(data: string): TerminalClientMessage[] {
  const frames: TerminalClientMessage[] = [];
  for (let i = 0; i < data.length; i += TERMINAL_MAX_INPUT)
    frames.push({ type: 'input', data: data.slice(i, i + TERMINAL_MAX_INPUT) });
  return frames;
}

/**
 * One interactive session over the terminal WebSocket. Output goes straight
 * to `onOutput` (the xterm instance), never through React state.
 */
export function useTerminalSession(onOutput: (data: string) => void): TerminalSessionControls {
  const [status, setStatus] = useState<TerminalStatus>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const socketRef = useRef<WebSocket | null>(null);
  const pendingRef = useRef<TerminalLanguage | null>(null);
  const outputRef = useRef(onOutput);
  /** Set below: the socket's close handler reconnects through it on Restart. */
  const connectRef = useRef<(language: TerminalLanguage) => void>(() => undefined);
  useEffect(() => {
    outputRef.current = onOutput;
  }, [onOutput]);

  const send = useCallback((message: TerminalClientMessage) => {
    const ws = socketRef.current;
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  }, []);

  const connect = useCallback((language: TerminalLanguage) => {
    setError(null);
    setStatus({ kind: 'connecting', language });
    const ws = new WebSocket(terminalUrl(language, window.location));
    socketRef.current = ws;
    let ended = false;
    let refused = false;
    ws.onmessage = (event: MessageEvent<unknown>) => {
      if (typeof event.data !== 'string') return;
      const parsed = TerminalServerMessageSchema.safeParse(JSON.parse(event.data));
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'ready') {
        setStatus({ kind: 'running', language: message.language, version: message.version });
      } else if (message.type === 'output') {
        outputRef.current(message.data);
      } else if (message.type === 'exit') {
        ended = true;
        setStatus({ kind: 'ended', reason: message.reason, exitCode: message.exitCode });
      } else {
        if (message.code !== 'bad_message') refused = true;
        setError(message.message);
      }
    };
    ws.onclose = () => {
      if (socketRef.current === ws) socketRef.current = null;
      const next = pendingRef.current;
      pendingRef.current = null;
      if (next) {
        connectRef.current(next);
        return;
      }
      if (!ended) {
        setStatus({ kind: 'ended', reason: 'disconnected', exitCode: null });
        if (!refused) {
          setError("The terminal's connection closed. Check that you are still signed in, then start it again.");
        }
      }
    };
  }, []);

  useEffect(() => {
    connectRef.current = connect;
  }, [connect]);

  const start = useCallback(
    (language: TerminalLanguage) => {
      const ws = socketRef.current;
      if (ws && ws.readyState !== WebSocket.CLOSED) {
        // Restart: the server frees this user's session once the old sandbox is gone.
        pendingRef.current = language;
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'close' }));
        else ws.close();
        return;
      }
      connect(language);
    },
    [connect],
  );

  const stop = useCallback(() => {
    pendingRef.current = null;
    send({ type: 'close' });
  }, [send]);

  const input = useCallback(
    (data: string) => {
      if (data === '\x03') send({ type: 'interrupt' });
      else for (const frame of inputFrames(data)) send(frame);
    },
    [send],
  );

  useEffect(
    () => () => {
      pendingRef.current = null;
      socketRef.current?.close();
    },
    [],
  );

  return { status, error, start, stop, input };
}
