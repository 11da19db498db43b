import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { installPooledRandom } from './pooled-random.js';

describe('pooled getRandomValues', () => {
  it('is installed and fills small and large arrays of every integer type', () => {
    expect(installPooledRandom()).toBe(true);
    for (const make of [
      () => new Uint8Array(16),
      () => new Uint32Array(1),
      () => new Int16Array(8),
      () => new BigUint64Array(2),
      () => new Uint8Array(4096),
    ]) {
      const arrays = Array.from({ length: 50 }, () => webcrypto.getRandomValues(make()));
      // Random bytes: no two fills alike and not all zero (16+ bytes: a collision is ~impossible).
      const keys = arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex'));
      if (keys[0]!.length >= 32) expect(new Set(keys).size).toBe(keys.length);
      expect(keys.every((k) => /[^0]/.test(k))).toBe(true);
    }
  });

  it('never hands out the same bytes twice across a pool refill', () => {
    const seen = new Set<string>();
    // 3 × 64 KiB of 16-byte draws crosses two refills.
    for (let i = 0; i < 12_288; i++) {
      const key = Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex');
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('keeps WebCrypto’s checks for what it does not pool', () => {
    expect(() => webcrypto.getRandomValues(new Float32Array(4) as unknown as Uint8Array)).toThrow();
    expect(() => webcrypto.getRandomValues(new Uint8Array(65_537))).toThrow();
  });

  it('gives lib0 (Yjs ids) uniformly distributed bytes', () => {
    const counts = new Array<number>(16).fill(0);
    for (let i = 0; i < 16_000; i++) counts[webcrypto.getRandomValues(new Uint8Array(1))[0]! & 15]!++;
    // Each nibble ~1,000 times; 4 sigma ≈ 125.
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(160);
  });
});
