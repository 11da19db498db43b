/**
 * The output rate cap of terminal sessions (research/execution.md §6.2:
 * 1 MiB/s): a token bucket. Output over the rate is dropped, not queued —
 * pausing the pipe would stall the sandbox helper, which must keep
 * enforcing its limits — and the user sees one note per dropped burst.
 */
export const RATE_LIMITED_NOTE = '\r\n[output rate limited]\r\n';

export interface OutputRate {
  /** Whether a chunk of this many bytes may be forwarded now (and spends it). */
  admit(bytes: number): boolean;
}

export function createOutputRate(opts: { bytesPerSecond: number; now?: () => number }): OutputRate {
  const now = opts.now ?? (() => performance.now());
  const capacity = opts.bytesPerSecond;
  let tokens = capacity;
  let last = now();
  return {
    admit(bytes) {
      const t = now();
      tokens = Math.min(capacity, tokens + ((t - last) / 1000) * opts.bytesPerSecond);
      last = t;
      if (bytes > tokens) return false;
      tokens -= bytes;
      return true;
    },
  };
}
