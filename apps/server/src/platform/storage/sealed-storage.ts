import type { ObjectStorage } from './object-storage.js';
import {
  MAX_HEADER_BYTES,
  open,
  openSegments,
  parseHeader,
  seal,
  segmentOffset,
  type Keyring,
  type SealedHeader,
} from './segmented-cipher.js';

export type SealedStorage = ReturnType<typeof createSealedStorage>;

/**
 * Encryption at rest over any ObjectStorage: what goes in is sealed
 * (segmented AES-256-GCM, see segmented-cipher.ts) and what comes out is
 * verified, so a changed byte in the store is an error, never bad media.
 */
export function createSealedStorage(storage: ObjectStorage, keyring: Keyring) {
  return {
    storage,
    put: (key: string, plain: Uint8Array) => storage.put(key, seal(plain, keyring, key)),
    get: async (key: string) => open(await storage.get(key), keyring, key),
    delete: (key: string) => storage.delete(key),
    /** The object's header: its plaintext length and segment layout. */
    async header(key: string): Promise<SealedHeader> {
      return parseHeader(await storage.getRange(key, 0, MAX_HEADER_BYTES - 1));
    },
    /** Plaintext bytes start…end (inclusive, within the object), decrypting only the segments they fall in. */
    async readRange(key: string, header: SealedHeader, start: number, end: number): Promise<Buffer> {
      const first = Math.floor(start / header.segmentSize);
      const last = Math.floor(end / header.segmentSize);
      const bytes = await storage.getRange(key, segmentOffset(header, first), segmentOffset(header, last + 1) - 1);
      const plain = openSegments(header, keyring, key, first, bytes);
      const base = first * header.segmentSize;
      return plain.subarray(start - base, end - base + 1);
    },
  };
}
