export * from './types.js';
export {
  EMPTY_RESULT,
  createSandboxEngine,
  defaultSlots,
  SandboxUnavailableError,
  type SandboxEngineOptions,
  type EngineLogger,
} from './engine.js';
export { CATALOGUE, DEFAULT_LIMITS, type LanguageDefinition } from './languages/catalogue.js';
export {
  createTerminalManager,
  startTerminalManager,
  TerminalLanguageError,
  TerminalLimitError,
  type TerminalExit,
  type TerminalHandlers,
  type TerminalManager,
  type TerminalManagerOptions,
  type TerminalSession,
} from './terminal/index.js';
