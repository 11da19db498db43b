/**
 * Retries `fn` until it stops throwing (or its promise stops rejecting) and
 * returns its value; after `timeoutMs` rethrows the last failure. Use it with
 * `expect` inside instead of sleeping for a fixed time (STYLE.md §7).
 */
export async function eventually<T>(
  fn: () => T | Promise<T>,
  { timeoutMs = 5000, intervalMs = 20 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
