import type { StorageConfig } from '../../config.js';
import { createLocalStorage } from './local-storage.js';
import { createS3Storage } from './s3-storage.js';

/**
 * Where files the app keeps live (recordings): a directory under DATA_DIR by
 * default, or an S3-compatible bucket (STORAGE_DRIVER=s3). Objects are
 * immutable blobs under slash-separated keys; callers encrypt what is private.
 */
export interface ObjectStorage {
  readonly kind: 'local' | 's3';
  /** Stores the whole object (replacing one with the same key) durably before resolving. */
  put(key: string, body: Uint8Array): Promise<void>;
  /** The whole object; ObjectNotFoundError when there is none. */
  get(key: string): Promise<Buffer>;
  /** Bytes start…end (inclusive) of the object; shorter at its end. */
  getRange(key: string, start: number, end: number): Promise<Buffer>;
  /** Removes the object; no error when it does not exist. */
  delete(key: string): Promise<void>;
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no stored object "${key}"`);
    this.name = 'ObjectNotFoundError';
  }
}

/** Keys are built by the app, never taken from requests; this rejects anything that could leave the store. */
const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

export function assertObjectKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.includes('..')) throw new Error(`invalid object key "${key}"`);
}

/** The adapter STORAGE_DRIVER names. */
export function createObjectStorage(config: StorageConfig, fetchImpl: typeof fetch = fetch): ObjectStorage {
  return config.driver === 's3' ? createS3Storage(config, fetchImpl) : createLocalStorage(config.dir);
}
