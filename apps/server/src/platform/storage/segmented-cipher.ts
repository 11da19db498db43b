import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Objects encrypted with AES-256-GCM in fixed-size segments, each with its
 * own random nonce and tag, so any byte range can be read by decrypting only
 * the segments it covers.
 *
 *   header:  "ISEG" · version 1 · keyId length · keyId · segment size (u32) · plaintext length (u64)
 *   segment: nonce (12) · ciphertext (segment size, the last one shorter) · tag (16)
 *
 * Each segment's additional data binds it to the header (key id, sizes), to
 * the object key it was written under (no swapping objects), to its index
 * (no reordering) and to whether it is the last (no truncation).
 */
const MAGIC = Buffer.from('ISEG', 'ascii');
const VERSION = 1;
const NONCE = 12;
const TAG = 16;
export const SEGMENT_OVERHEAD = NONCE + TAG;
export const DEFAULT_SEGMENT_SIZE = 64 * 1024;
/** Long enough for any header (key ids are at most 32 bytes). */
export const MAX_HEADER_BYTES = MAGIC.length + 2 + 255 + 4 + 8;

export interface CipherKey {
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

/** The first key encrypts; every key decrypts objects written under its id (rotation). */
export interface Keyring {
  primary: CipherKey;
  byId: ReadonlyMap<string, Buffer>;
}

export function createKeyring(keys: readonly CipherKey[]): Keyring {
  const [primary] = keys;
  if (!primary) throw new Error('a keyring needs at least one key');
  for (const k of keys) if (k.key.length !== 32) throw new Error(`key "${k.id}" is not 32 bytes`);
  return { primary, byId: new Map(keys.map((k) => [k.id, k.key])) };
}

export class CipherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CipherError';
  }
}

export interface SealedHeader {
  keyId: string;
  segmentSize: number;
  plainLength: number;
  /** Bytes of the header itself; segment i starts at headerLength + i·(segmentSize + overhead). */
  headerLength: number;
  raw: Buffer;
}

function encodeHeader(keyId: string, segmentSize: number, plainLength: number): Buffer {
  const id = Buffer.from(keyId, 'utf8');
  const header = Buffer.alloc(MAGIC.length + 2 + id.length + 12);
  MAGIC.copy(header, 0);
  header.writeUInt8(VERSION, 4);
  header.writeUInt8(id.length, 5);
  id.copy(header, 6);
  header.writeUInt32BE(segmentSize, 6 + id.length);
  header.writeBigUInt64BE(BigInt(plainLength), 10 + id.length);
  return header;
}

/** Parses the header at the start of `bytes` (which may hold more than the header). */
export function parseHeader(bytes: Buffer): SealedHeader {
  if (bytes.length < 6 || !bytes.subarray(0, 4).equals(MAGIC) || bytes.readUInt8(4) !== VERSION) {
    throw new CipherError('not an encrypted object (bad header)');
  }
  const idLength = bytes.readUInt8(5);
  const headerLength = 6 + idLength + 12;
  if (bytes.length < headerLength) throw new CipherError('truncated header');
  const segmentSize = bytes.readUInt32BE(6 + idLength);
  const plainLength = Number(bytes.readBigUInt64BE(10 + idLength));
  if (segmentSize === 0 || !Number.isSafeInteger(plainLength)) throw new CipherError('invalid header');
  return {
    keyId: bytes.subarray(6, 6 + idLength).toString('utf8'),
    segmentSize,
    plainLength,
    headerLength,
    raw: Buffer.from(bytes.subarray(0, headerLength)),
  };
}

export function segmentCount(h: Pick<SealedHeader, 'segmentSize' | 'plainLength'>): number {
  return Math.max(1, Math.ceil(h.plainLength / h.segmentSize));
}

/** Offset of segment `index` in the sealed object. */
export function segmentOffset(h: SealedHeader, index: number): number {
  return h.headerLength + index * (h.segmentSize + SEGMENT_OVERHEAD);
}

function additionalData(header: Buffer, objectKey: string, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail.writeUInt8(last ? 1 : 0, 4);
  return Buffer.concat([header, Buffer.from(objectKey, 'utf8'), Buffer.from([0]), tail]);
}

/** Encrypts `plain` for storage under `objectKey` with the keyring's primary key. */
export function seal(
  plain: Uint8Array,
  keyring: Keyring,
  objectKey: string,
  segmentSize = DEFAULT_SEGMENT_SIZE,
): Buffer {
  const header = encodeHeader(keyring.primary.id, segmentSize, plain.length);
  const count = segmentCount({ segmentSize, plainLength: plain.length });
  const parts: Buffer[] = [header];
  for (let i = 0; i < count; i++) {
    const nonce = randomBytes(NONCE);
    const cipher = createCipheriv('aes-256-gcm', keyring.primary.key, nonce);
    cipher.setAAD(additionalData(header, objectKey, i, i === count - 1));
    const body = cipher.update(plain.subarray(i * segmentSize, (i + 1) * segmentSize));
    cipher.final();
    parts.push(nonce, body, cipher.getAuthTag());
  }
  return Buffer.concat(parts);
}

/**
 * Decrypts the consecutive segments `first`… held in `bytes` (which starts at
 * segment `first`'s offset). Throws CipherError when a tag does not verify.
 */
export function openSegments(header: SealedHeader, keyring: Keyring, objectKey: string, first: number, bytes: Buffer) {
  const key = keyring.byId.get(header.keyId);
  if (!key) throw new CipherError(`the object was encrypted with key "${header.keyId}", which is not configured`);
  const count = segmentCount(header);
  const out: Buffer[] = [];
  let at = 0;
  for (let i = first; at < bytes.length; i++) {
    if (i >= count) throw new CipherError('data after the last segment');
    const plainSize = i === count - 1 ? header.plainLength - i * header.segmentSize : header.segmentSize;
    const end = at + NONCE + plainSize + TAG;
    if (end > bytes.length) throw new CipherError(`segment ${i} is truncated`);
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(at, at + NONCE));
    decipher.setAAD(additionalData(header.raw, objectKey, i, i === count - 1));
    decipher.setAuthTag(bytes.subarray(end - TAG, end));
    try {
      out.push(decipher.update(bytes.subarray(at + NONCE, end - TAG)));
      decipher.final();
    } catch {
      throw new CipherError(`segment ${i} of "${objectKey}" failed authentication (tampered or wrong key)`);
    }
    at = end;
  }
  return Buffer.concat(out);
}

/** Decrypts a whole sealed object; every segment must be present. */
export function open(sealed: Buffer, keyring: Keyring, objectKey: string): Buffer {
  const header = parseHeader(sealed);
  const body = sealed.subarray(header.headerLength);
  const expected = segmentOffset(header, segmentCount(header)) - header.headerLength;
  const lastPlain = header.plainLength - (segmentCount(header) - 1) * header.segmentSize;
  const exact = expected - header.segmentSize + lastPlain;
  if (body.length !== exact) throw new CipherError(`"${objectKey}" is truncated or has extra bytes`);
  return openSegments(header, keyring, objectKey, 0, body);
}
