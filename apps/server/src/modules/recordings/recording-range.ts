import { Readable } from 'node:stream';
import type { SealedStorage } from '../../platform/storage/sealed-storage.js';
import type { SealedHeader } from '../../platform/storage/segmented-cipher.js';

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/**
 * One `Range: bytes=…` (RFC 9110 §14) against an object of `size` bytes:
 * null when absent or not a single byte range (the whole object is sent),
 * 'unsatisfiable' when it lies outside the object.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  if (start >= size) return 'unsatisfiable';
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return end < start ? 'unsatisfiable' : { start, end };
}

/** Plaintext read per step: a bounded number of segments, so a long recording never sits in memory whole. */
const STEP_BYTES = 1024 * 1024;

/**
 * Decrypted bytes start…end of a sealed object, as a stream read one step at
 * a time. The first step is read before answering, so a missing or tampered
 * object is an error response rather than a cut-off body.
 */
export async function sealedRangeStream(
  sealed: SealedStorage,
  key: string,
  header: SealedHeader,
  range: ByteRange,
): Promise<Readable> {
  const stepEnd = (at: number) => Math.min(range.end, at + STEP_BYTES - 1);
  const first = await sealed.readRange(key, header, range.start, stepEnd(range.start));
  async function* steps(): AsyncGenerator<Buffer> {
    yield first;
    for (let at = range.start + STEP_BYTES; at <= range.end; at += STEP_BYTES) {
      yield await sealed.readRange(key, header, at, stepEnd(at));
    }
  }
  return Readable.from(steps(), { objectMode: false });
}
