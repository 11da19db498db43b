import type { LanguageId } from '@interviewselect/contracts';

/** STUN/TURN for WebRTC calls; turn is null unless TURN_URLS and TURN_SECRET are both set. */
export interface MediaConfig {
  stunUrls: string[];
  turn: { urls: string[]; secret: string; ttlSeconds: number } | null;
}

/** Where recordings are kept: a directory, or an S3-compatible bucket. */
export type StorageConfig =
  | { driver: 'local'; dir: string }
  | {
      driver: 's3';
      endpoint: string;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
    };

/** Recording keys (null: derive one from the secret key) and the playback URL lifetime. */
export interface RecordingsConfig {
  keys: { id: string; key: Buffer }[] | null;
  urlTtlMs: number;
}

/** An OpenAI-compatible chat-completions API (LLM_*). */
export interface LlmConfig {
  /** Without a trailing slash; requests go to `${baseUrl}/chat/completions`. */
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
}

/** Interactive terminal sessions (TERMINAL_*). */
export interface TerminalsConfig {
  /** 0: terminals are off on this node. */
  maxSessions: number;
  idleMs: number;
}

/** Code execution settings (RUNNER_*). */
export interface RunnerConfig {
  mode: 'embedded' | 'remote';
  slots: number;
  /** Undefined: the engine's default (under the system temp dir). */
  workDir: string | undefined;
  cgroupParent: string | undefined;
  /** Warm sandboxes waiting for runs (RUNNER_WARM_POOL). */
  warmPool: boolean;
  /** Languages offered even when more are installed; undefined = all installed. */
  languages: LanguageId[] | undefined;
  ratePerMinute: number;
  orgRatePerMinute: number;
  maxQueue: number;
  staleMs: number;
}
