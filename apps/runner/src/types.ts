/**
 * The engine's own request and result types: what a queue job carries to a
 * runner and what comes back. Shapes shared with the web live in contracts.
 */
import type {
  Comparator,
  ExecutionMode,
  LanguageId,
  LanguageInfo,
  TestResult,
  Verdict,
} from '@interviewselect/contracts';

/** One test case as the engine receives it (expected output never enters the sandbox). */
export interface JudgeTest {
  ordinal: number;
  input: string;
  expectedOutput: string;
  hidden: boolean;
  /** Overrides the job's comparator for this test. */
  comparator?: Comparator;
}

/** Everything a runner needs for one execution; it reads nothing else (no database). */
export interface ExecutionJob {
  id: string;
  language: LanguageId;
  source: string;
  mode: ExecutionMode;
  /** Run mode: the program's stdin. */
  stdin?: string;
  /** Test and submit modes: the cases, in order. */
  tests: JudgeTest[];
  /** Default comparator of the tests; `trailing_whitespace` when absent. */
  comparator?: Comparator;
  stopOnFirstFailure: boolean;
  /** CPU time limit per test in ms and memory in MiB; absent = the language's defaults. */
  timeLimitMs?: number;
  memoryLimitMb?: number;
}

/** Live progress of one execution. */
export type EngineEvent =
  | { type: 'phase'; phase: 'compiling' | 'running' }
  | { type: 'output'; stream: 'stdout' | 'stderr'; data: string }
  | { type: 'test'; test: TestResult };

/** The outcome of one execution. Tests carry everything; the server redacts hidden ones per viewer. */
export interface EngineResult {
  verdict: Verdict;
  detail: string | null;
  languageVersion: string | null;
  exitCode: number | null;
  signal: string | null;
  stdout: string | null;
  stderr: string | null;
  compileOutput: string | null;
  cpuMs: number | null;
  wallMs: number | null;
  memoryKb: number | null;
  tests: TestResult[];
  testsPassed: number | null;
  testsTotal: number | null;
}

/** The execution engine: embedded in the server, or inside `npm run runner` processes. */
export interface ExecutionEngine {
  /** Installed languages with their versions (probed once, then cached). */
  languages(): Promise<LanguageInfo[]>;
  /** Compiles (cached) and runs a job in the sandbox; never throws for bad programs, only for engine faults. */
  execute(job: ExecutionJob, onEvent?: (event: EngineEvent) => void): Promise<EngineResult>;
  /** Number of sandbox slots (= concurrent runs). */
  readonly slots: number;
  close(): Promise<void>;
}
