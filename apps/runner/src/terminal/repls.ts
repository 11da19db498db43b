/**
 * The interactive programs of terminal sessions: one fixed command per
 * language, run by `script` on a pty created inside the sandbox
 * (research/execution.md §6.5). These strings are constants — user input
 * never reaches a command line; it only ever arrives as keystrokes on the pty.
 */
import { existsSync } from 'node:fs';
import type { TerminalLanguage } from '@interviewselect/contracts';
import { CATALOGUE } from '../languages/catalogue.js';
import type { Bind } from '../sandbox/sandbox.js';

export interface ReplDefinition {
  /** The command `script -c` runs inside the sandbox (through /bin/sh, hence `exec`). */
  command: string;
  /** Host paths that must exist for the session to be offered. */
  requires: string[];
  binds: Bind[];
  env: Record<string, string>;
}

/** What every session's environment adds to the language's own. */
const TERMINAL_ENV = { TERM: 'xterm-256color', COLUMNS: '80', LINES: '24' };

function fromCatalogue(
  language: TerminalLanguage,
  command: string,
  extra: { requires?: string[]; env?: Record<string, string> } = {},
): ReplDefinition {
  const def = CATALOGUE[language];
  return {
    command,
    requires: [...def.requires, ...(extra.requires ?? [])],
    binds: def.binds,
    env: { ...def.env, ...TERMINAL_ENV, ...extra.env },
  };
}

export const REPLS: Record<TerminalLanguage, ReplDefinition> = {
  python: fromCatalogue('python', 'exec /usr/bin/python3 -q -i'),
  javascript: fromCatalogue('javascript', 'exec /opt/node/bin/node --max-old-space-size=384', {
    env: { NODE_REPL_HISTORY: '' },
  }),
  ruby: fromCatalogue('ruby', 'exec /usr/bin/irb --simple-prompt --nocolorize', {
    requires: ['/usr/bin/irb'],
  }),
  bash: fromCatalogue('bash', 'exec /usr/bin/bash --norc --noprofile -i', {
    env: { PS1: 'sandbox:\\w\\$ ' },
  }),
};

/** The argv run inside the sandbox: `script` gives the program a private pty from bwrap's devpts. */
export function replArgv(language: TerminalLanguage): string[] {
  return ['/usr/bin/script', '-qfec', REPLS[language].command, '/dev/null'];
}

/** Whether this host has the toolchain (and `script`) for the language's session. */
export function replInstalled(language: TerminalLanguage): boolean {
  return ['/usr/bin/script', ...REPLS[language].requires].every((p) => existsSync(p));
}
