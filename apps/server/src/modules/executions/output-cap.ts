/** Stored outputs are capped per field; the UI shows the truncated copy. */
export const OUTPUT_CAP_BYTES = 64 * 1024;
export const TRUNCATION_MARK = '\n… (truncated)';

/**
 * Caps `text` at OUTPUT_CAP_BYTES of UTF-8 (never splitting a character) and
 * marks the cut. NUL characters become U+FFFD: PostgreSQL text cannot hold them,
 * and a program may print anything.
 */
export function capOutput(text: string | null | undefined, capBytes = OUTPUT_CAP_BYTES): string | null {
  if (text === null || text === undefined) return null;
  const clean = text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
  if (Buffer.byteLength(clean, 'utf8') <= capBytes) return clean;
  // A cut inside a multi-byte character decodes to U+FFFD at the end: drop it.
  const head = Buffer.from(clean, 'utf8')
    .subarray(0, capBytes)
    .toString('utf8')
    .replace(/\uFFFD+$/, '');
  return head + TRUNCATION_MARK;
}
