/**
 * Serves `crypto.webcrypto.getRandomValues` for small requests from a pool of
 * CSPRNG bytes filled 64 KiB at a time, each byte handed out once.
 *
 * Why: Hocuspocus builds a scratch Y.Doc for every awareness (cursor) message,
 * and each Y.Doc draws a uuid and a client id from lib0, which calls
 * getRandomValues for 4 bytes about 32 times. Through WebCrypto every call
 * costs several microseconds of validation; with 1,000 connections that was
 * ~13 % of the server's CPU (`ROOM_BENCH_CPU_PROF_DIR`, see bench/README.md).
 * The bytes are the same `randomFillSync` output, only fetched in bulk (Node's
 * own `randomUUID` caches entropy the same way). Larger requests, and every
 * other crypto API, are untouched.
 *
 * Import this first in the process entry: lib0 binds getRandomValues when it
 * is first imported.
 */
import { randomFillSync, webcrypto } from 'node:crypto';

const POOL_BYTES = 64 * 1024;
/** Requests above this go straight to the original implementation. */
const SMALL_BYTES = 256;

const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;
const original = webcrypto.getRandomValues.bind(webcrypto);

type IntegerArray = Parameters<typeof webcrypto.getRandomValues>[0];

/** The views WebCrypto accepts; anything else goes to it unchanged so it throws as it would. */
const INTEGER_ARRAYS = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  BigInt64Array,
  BigUint64Array,
];

function pooledGetRandomValues<T extends IntegerArray>(array: T): T {
  if (array.byteLength > SMALL_BYTES || !INTEGER_ARRAYS.some((type) => array instanceof type)) {
    return original(array);
  }
  const { byteLength } = array;
  if (offset + byteLength > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const target = new Uint8Array(array.buffer, array.byteOffset, byteLength);
  target.set(pool.subarray(offset, offset + byteLength));
  // Never hand the same bytes out twice.
  pool.fill(0, offset, offset + byteLength);
  offset += byteLength;
  return array;
}

/** Installs the pooled implementation once; returns whether it is in place. */
export function installPooledRandom(): boolean {
  if ((webcrypto.getRandomValues as { pooled?: boolean }).pooled) return true;
  const pooled = Object.assign(pooledGetRandomValues, { pooled: true });
  Object.defineProperty(webcrypto, 'getRandomValues', { value: pooled, configurable: true, writable: true });
  return webcrypto.getRandomValues === pooled;
}

installPooledRandom();
