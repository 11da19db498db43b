/**
 * The warm pool (ADR 0021): at most one warm sandbox per (slot, run profile),
 * made lazily after a run of that profile used the slot, discarded when idle
 * for a while. A run takes a ready one or runs cold: the pool never makes a
 * run wait. A profile whose sandboxes keep failing to start is switched off.
 */
import type { WarmSandbox } from './warm-sandbox.js';

export interface WarmPoolOptions {
  /** Makes a warm sandbox (normally spawner.warm). */
  create(args: string[]): WarmSandbox;
  /** An unused warm sandbox is discarded after this long (default 60 s). */
  idleMs?: number;
  /** One not ready after this long is discarded and counts as a failure (default 10 s). */
  startMs?: number;
  /** At most this many warm sandboxes exist at once (default 16); the oldest waiting one makes room. */
  maxSandboxes?: number;
  onProfileDisabled?(profileKey: string, reason: string): void;
}

interface Entry {
  sandbox: WarmSandbox;
  timer: NodeJS.Timeout | null;
}

const FAILURES_BEFORE_DISABLING = 3;

export interface WarmPool {
  /**
   * How good the slot is for a run of this profile: 2 = a ready sandbox waits, 1 = none is being
   * made (a cold run here gets the slot one), 0 = one is being made (better let it finish).
   */
  rank(slot: number, profileKey: string): number;
  /** Takes the slot's ready sandbox of this profile, or null. */
  take(slot: number, profileKey: string): WarmSandbox | null;
  /** Makes one for the slot and profile in the background unless one exists (args built only then). */
  fill(slot: number, profileKey: string, args: () => string[]): void;
  /** How many warm sandboxes exist (ready or starting). */
  size(): number;
  /** Discards every warm sandbox; resolves when their helpers have exited. */
  close(): Promise<void>;
}

export function createWarmPool(options: WarmPoolOptions): WarmPool {
  const idleMs = options.idleMs ?? 60_000;
  const startMs = options.startMs ?? 10_000;
  const max = options.maxSandboxes ?? 16;
  const entries = new Map<string, Entry>();
  const failures = new Map<string, number>();
  const disabled = new Set<string>();
  let closed = false;
  const keyOf = (slot: number, profileKey: string) => `${slot}\u0000${profileKey}`;

  function remove(key: string, entry: Entry): void {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    if (entry.timer) clearTimeout(entry.timer);
  }

  /** The slot's entry for the profile; one whose helper ended meanwhile is dropped. */
  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (entry?.sandbox.isGone()) {
      remove(key, entry);
      return undefined;
    }
    return entry;
  }

  /** Discards the longest-waiting ready sandbox (Map order is creation order); false if none is ready. */
  function evictOldestReady(): boolean {
    for (const [key, entry] of entries) {
      if (!entry.sandbox.isReady()) continue;
      remove(key, entry);
      entry.sandbox.discard();
      return true;
    }
    return false;
  }

  return {
    rank(slot, profileKey) {
      const entry = live(keyOf(slot, profileKey));
      if (!entry) return 1;
      return entry.sandbox.isReady() ? 2 : 0;
    },
    take(slot, profileKey) {
      const key = keyOf(slot, profileKey);
      const entry = live(key);
      if (!entry || !entry.sandbox.isReady()) return null;
      remove(key, entry);
      return entry.sandbox;
    },
    fill(slot, profileKey, args) {
      const key = keyOf(slot, profileKey);
      if (closed || disabled.has(profileKey) || live(key)) return;
      if (entries.size >= max && !evictOldestReady()) return;
      const entry: Entry = { sandbox: options.create(args()), timer: null };
      const discardAfter = (ms: number) => {
        if (entry.timer) clearTimeout(entry.timer);
        entry.timer = setTimeout(() => {
          remove(key, entry);
          entry.sandbox.discard();
        }, ms);
        entry.timer.unref();
      };
      entries.set(key, entry);
      discardAfter(startMs); // a start that hangs ends as a failure (ready rejects when the helper exits)
      entry.sandbox.ready.then(
        () => {
          failures.delete(profileKey);
          if (entries.get(key) === entry) discardAfter(idleMs);
        },
        (error: unknown) => {
          remove(key, entry);
          if (closed) return;
          const count = (failures.get(profileKey) ?? 0) + 1;
          failures.set(profileKey, count);
          if (count >= FAILURES_BEFORE_DISABLING) {
            disabled.add(profileKey);
            options.onProfileDisabled?.(profileKey, error instanceof Error ? error.message : String(error));
          }
        },
      );
    },
    size: () => entries.size,
    async close() {
      closed = true;
      const ending = [...entries].map(([key, entry]) => {
        remove(key, entry);
        entry.sandbox.discard();
        return entry.sandbox.ended;
      });
      await Promise.all(ending);
    },
  };
}
