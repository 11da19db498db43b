import {
  TERMINAL_LANGUAGES,
  type LanguageInfo,
  type TerminalExitReason,
  type TerminalLanguage,
} from '@interviewselect/contracts';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { getNonce } from 'get-nonce';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/select-field';
import { languageLabel } from './language-picker';
import { useTerminalSession, type TerminalStatus } from './terminal-session';
import './terminal-panel.css';

const REASONS: Record<TerminalExitReason | 'disconnected', string> = {
  exit: 'the program exited',
  idle: 'no activity for 5 minutes',
  timeout: 'the 30-minute limit was reached',
  closed: 'stopped',
  limit: 'a sandbox limit was reached',
  disconnected: 'disconnected',
};

export function statusText(status: TerminalStatus, names: ReadonlyMap<string, string>): string {
  switch (status.kind) {
    case 'idle':
      return 'Not started';
    case 'connecting':
      return `Connecting to ${names.get(status.language) ?? status.language}…`;
    case 'running':
      return `Running ${names.get(status.language) ?? status.language}`;
    case 'ended':
      return `Ended: ${REASONS[status.reason]}${status.reason === 'exit' && status.exitCode !== null ? ` (exit code ${status.exitCode})` : ''}`;
  }
}

/**
 * xterm.js creates <style> elements while it opens, which the page's CSP
 * (style-src 'self' 'nonce-…') admits only with the page's nonce, and the
 * browser checks that nonce when the element is inserted. So while `open`
 * runs, every <style> the document creates gets the nonce first.
 */
function withStyleNonce(doc: Document, open: () => void): void {
  const nonce = getNonce();
  if (!nonce) return open();
  const create = doc.createElement.bind(doc);
  const patched = (tagName: string, options?: ElementCreationOptions): HTMLElement => {
    const element = create(tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  };
  Object.defineProperty(doc, 'createElement', { value: patched, configurable: true, writable: true });
  try {
    open();
  } finally {
    Reflect.deleteProperty(doc, 'createElement');
  }
}

/**
 * The Terminal tab: a REPL (Python, Node.js, Ruby) or a shell in the sandbox,
 * in an 80×24 xterm.js terminal — the size of the sandbox's pty. xterm keeps
 * Tab for completion, so Esc then Tab leaves the terminal.
 */
export function TerminalPanel({ languages }: { languages: readonly LanguageInfo[] }) {
  const offered = languages.filter((l): l is LanguageInfo & { id: TerminalLanguage } =>
    (TERMINAL_LANGUAGES as readonly string[]).includes(l.id),
  );
  const names = new Map(offered.map((l) => [l.id, languageLabel(l)]));
  const [language, setLanguage] = useState<TerminalLanguage | undefined>(offered[0]?.id);
  const hostRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const hintId = useId();
  const write = useCallback((data: string) => termRef.current?.write(data), []);
  const session = useTerminalSession(write);
  const inputRef = useRef(session.input);
  useEffect(() => {
    inputRef.current = session.input;
  }, [session.input]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const term = new Terminal({
      cols: 80,
      rows: 24,
      cursorBlink: true,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
      fontSize: 14,
      screenReaderMode: false,
      theme: { background: '#0f1117', foreground: '#e5e7eb', cursor: '#93c5fd', selectionBackground: '#334155' },
    });
    let escaped = false;
    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown') return true;
      // Esc then Tab: let the browser move focus out of the terminal.
      if (event.key === 'Tab' && escaped) return false;
      escaped = event.key === 'Escape';
      return true;
    });
    withStyleNonce(host.ownerDocument, () => term.open(host));
    const data = term.onData((d) => inputRef.current(d));
    termRef.current = term;
    return () => {
      data.dispose();
      term.dispose();
      termRef.current = null;
    };
  }, []);

  const isLive = session.status.kind === 'running' || session.status.kind === 'connecting';

  function start() {
    if (!language) return;
    termRef.current?.reset();
    session.start(language);
    termRef.current?.focus();
  }

  if (offered.length === 0 || !language) {
    return (
      <p className="terminal-panel__empty">
        No interactive language is installed on this server (Python, Node.js, Ruby or Bash).
      </p>
    );
  }

  return (
    <div className="terminal-panel">
      <div className="terminal-panel__toolbar">
        <SelectField
          label="Terminal language"
          className="terminal-panel__language"
          value={language}
          onChange={(event) => {
            const next = offered.find((l) => l.id === event.target.value);
            if (next) setLanguage(next.id);
          }}
        >
          {offered.map((l) => (
            <option key={l.id} value={l.id}>
              {l.id === 'bash' ? `Shell (${languageLabel(l)})` : languageLabel(l)}
            </option>
          ))}
        </SelectField>
        <div className="terminal-panel__actions">
          <Button variant="primary" onClick={start}>
            {session.status.kind === 'idle' ? 'Start' : 'Restart'}
          </Button>
          <Button onClick={session.stop} disabled={session.status.kind !== 'running'}>
            Stop
          </Button>
        </div>
      </div>
      {session.error ? (
        <Alert title="Terminal problem" className="terminal-panel__alert">
          <p>{session.error}</p>
        </Alert>
      ) : null}
      <p className="terminal-panel__status" role="status" aria-live="polite">
        <span className={`terminal-panel__dot terminal-panel__dot--${session.status.kind}`} aria-hidden="true" />
        {statusText(session.status, names)}
      </p>
      <div
        className="terminal-panel__screen"
        role="group"
        aria-label="Terminal"
        aria-describedby={hintId}
        data-live={isLive}
        // The Ctrl/⌘+Enter run shortcut of the page must not fire while typing in the terminal.
        onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => event.stopPropagation()}
      >
        <div ref={hostRef} />
      </div>
      <p className="terminal-panel__hint" id={hintId}>
        Ctrl+C interrupts the running program. To leave the terminal with the keyboard, press Esc, then Tab. Sessions
        end after 5 minutes without activity and after 30 minutes at most.
      </p>
    </div>
  );
}
