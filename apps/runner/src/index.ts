export * from './types.js';
export {
  EMPTY_RESULT,
  createSandboxEngine,
  SandboxUnavailableError,
  type SandboxEngineOptions,
  type EngineLogger,
} from './engine.js';
export { CATALOGUE, DEFAULT_LIMITS, type LanguageDefinition } from './languages/catalogue.js';
