/**
 * The one seam between the server and the runner package: the engine
 * interface and its sandbox implementation. The server imports the runner
 * only through this file (the import boundary of STYLE.md §2 has this one
 * exception: the embedded mode runs the engine in-process).
 */
// eslint-disable-next-line no-restricted-imports -- the single server → runner seam described above
export {
  EMPTY_RESULT,
  createSandboxEngine,
  defaultSlots,
  SandboxUnavailableError,
  type EngineEvent,
  type EngineResult,
  type ExecutionEngine,
  type ExecutionJob,
  type JudgeTest,
  startTerminalManager,
  TerminalLanguageError,
  TerminalLimitError,
  type TerminalExit,
  type TerminalManager,
  type TerminalSession,
} from '@interviewselect/runner';
