export { compareOutput, DEFAULT_COMPARATOR, type BuiltinComparator, type CompareResult } from './compare.js';
export { unifiedDiff, type DiffOptions } from './diff.js';
export {
  classifyRun,
  countPassed,
  overallVerdict,
  signalName,
  VERDICT_ORDER,
  worstVerdict,
  type RunClassification,
  type SandboxOutcome,
} from './verdict.js';
