export {
  createTerminalManager,
  startTerminalManager,
  terminalLimits,
  TerminalLanguageError,
  TerminalLimitError,
  type TerminalExit,
  type TerminalHandlers,
  type TerminalManager,
  type TerminalManagerOptions,
  type TerminalSession,
} from './terminal-manager.js';
export { REPLS, replArgv } from './repls.js';
