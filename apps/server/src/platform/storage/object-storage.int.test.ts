import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server } from '../../../test/s3-server.js';
import { createObjectStorage, ObjectNotFoundError, type ObjectStorage } from './object-storage.js';
import { createSealedStorage } from './sealed-storage.js';
import { CipherError, createKeyring, open, seal } from './segmented-cipher.js';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };

/** The same contract for every adapter: whole objects, ranges, missing objects, idempotent deletes. */
function storageContract(name: string, make: () => ObjectStorage) {
  describe(`${name} object storage`, () => {
    it('stores, reads whole and by range, replaces, deletes', async () => {
      const storage = make();
      const body = randomBytes(200_000);
      await storage.put('recordings/r1/chunks/000001', body);
      expect((await storage.get('recordings/r1/chunks/000001')).equals(body)).toBe(true);
      expect(
        (await storage.getRange('recordings/r1/chunks/000001', 1000, 1999)).equals(body.subarray(1000, 2000)),
      ).toBe(true);
      // A range past the end is cut at the end.
      expect((await storage.getRange('recordings/r1/chunks/000001', 199_990, 210_000)).length).toBe(10);
      await storage.put('recordings/r1/chunks/000001', Buffer.from('replaced'));
      expect((await storage.get('recordings/r1/chunks/000001')).toString()).toBe('replaced');
      await storage.delete('recordings/r1/chunks/000001');
      await storage.delete('recordings/r1/chunks/000001');
      await expect(storage.get('recordings/r1/chunks/000001')).rejects.toBeInstanceOf(ObjectNotFoundError);
    });

    it('refuses keys that could leave the store', async () => {
      const storage = make();
      await expect(storage.put('../escape', Buffer.from('x'))).rejects.toThrow(/invalid object key/);
      await expect(storage.get('recordings/../../etc/passwd')).rejects.toThrow(/invalid object key/);
    });

    it('sealed: ciphertext at rest, byte ranges decrypted segment by segment, rotation', async () => {
      const storage = make();
      const plain = randomBytes(300_000);
      const sealedOld = createSealedStorage(storage, createKeyring([k1]));
      await sealedOld.put('recordings/r2/media.webm', plain);
      const raw = await storage.get('recordings/r2/media.webm');
      expect(raw.includes(plain.subarray(0, 64))).toBe(false);
      // After rotation k2 encrypts, k1 still decrypts what it wrote.
      const rotated = createSealedStorage(storage, createKeyring([k2, k1]));
      expect((await rotated.get('recordings/r2/media.webm')).equals(plain)).toBe(true);
      const header = await rotated.header('recordings/r2/media.webm');
      expect(header.plainLength).toBe(plain.length);
      for (const [start, end] of [
        [0, 0],
        [65_530, 65_545],
        [100_000, 299_999],
        [299_999, 299_999],
      ] as const) {
        expect(
          (await rotated.readRange('recordings/r2/media.webm', header, start, end)).equals(
            plain.subarray(start, end + 1),
          ),
        ).toBe(true);
      }
      await rotated.put('recordings/r3/media.webm', plain);
      expect((await rotated.header('recordings/r3/media.webm')).keyId).toBe('k2');
      await expect(sealedOld.get('recordings/r3/media.webm')).rejects.toThrow(/key "k2", which is not configured/);
    });
  });
}

let root: string;
let s3: Awaited<ReturnType<typeof startS3Server>>;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'isel-storage-'));
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3.close();
  await rm(root, { recursive: true, force: true });
});

storageContract('local', () => createObjectStorage({ driver: 'local', dir: root }));
storageContract('S3 (s3rver)', () => createObjectStorage(s3.config));

describe('segmented cipher', () => {
  const keyring = createKeyring([k1]);
  const plain = randomBytes(150_000);

  it('detects a flipped byte, swapped segments, truncation and a moved object', () => {
    const sealed = seal(plain, keyring, 'a/obj', 65_536);
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 100] = (flipped[flipped.length - 100] ?? 0) ^ 1;
    expect(() => open(flipped, keyring, 'a/obj')).toThrow(CipherError);
    expect(() => open(sealed.subarray(0, sealed.length - 1), keyring, 'a/obj')).toThrow(CipherError);
    expect(() => open(sealed, keyring, 'a/other')).toThrow(/failed authentication/);
    const headerLength = sealed.length - 3 * 28 - plain.length;
    const seg = 65_536 + 28;
    const swapped = Buffer.concat([
      sealed.subarray(0, headerLength),
      sealed.subarray(headerLength + seg, headerLength + 2 * seg),
      sealed.subarray(headerLength, headerLength + seg),
      sealed.subarray(headerLength + 2 * seg),
    ]);
    expect(() => open(swapped, keyring, 'a/obj')).toThrow(/segment 0 .* failed authentication/);
    expect(open(sealed, keyring, 'a/obj').equals(plain)).toBe(true);
  });

  it('local files hold no plaintext and a tampered file is refused', async () => {
    const storage = createObjectStorage({ driver: 'local', dir: root });
    const sealed = createSealedStorage(storage, keyring);
    await sealed.put('recordings/t/media.webm', plain);
    const file = path.join(root, 'recordings', 't', 'media.webm');
    const bytes = await readFile(file);
    bytes[200] = (bytes[200] ?? 0) ^ 0xff;
    await writeFile(file, bytes);
    await expect(sealed.get('recordings/t/media.webm')).rejects.toThrow(CipherError);
    // Atomic puts leave no temporary files behind.
    expect(await readdir(path.join(root, 'recordings', 't'))).toEqual(['media.webm']);
  });
});
