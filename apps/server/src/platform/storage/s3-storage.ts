import { AwsClient } from 'aws4fetch';
import type { StorageConfig } from '../../config.js';
import { assertObjectKey, ObjectNotFoundError, type ObjectStorage } from './object-storage.js';

type S3Config = Extract<StorageConfig, { driver: 's3' }>;

/**
 * Objects in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2…), signed with
 * AWS Signature V4 and addressed path-style (`endpoint/bucket/key`), which
 * every S3-compatible server accepts.
 */
export function createS3Storage(config: S3Config, fetchImpl: typeof fetch = fetch): ObjectStorage {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    service: 's3',
    region: config.region,
    retries: 2,
  });
  const urlOf = (key: string) => {
    assertObjectKey(key);
    return `${config.endpoint}/${encodeURIComponent(config.bucket)}/${key}`;
  };

  async function send(key: string, init: RequestInit): Promise<Response> {
    const request = await client.sign(urlOf(key), init);
    return fetchImpl(request);
  }

  async function failure(response: Response, what: string): Promise<Error> {
    const text = (await response.text().catch(() => '')).slice(0, 300);
    return new Error(`S3 ${what} failed: HTTP ${response.status} ${text}`);
  }

  async function read(key: string, headers: Record<string, string>): Promise<Buffer> {
    const response = await send(key, { method: 'GET', headers });
    if (response.status === 404) {
      await response.body?.cancel();
      throw new ObjectNotFoundError(key);
    }
    if (!response.ok) throw await failure(response, `GET ${key}`);
    return Buffer.from(await response.arrayBuffer());
  }

  return {
    kind: 's3',

    async put(key, body) {
      const response = await send(key, {
        method: 'PUT',
        body,
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(body.byteLength) },
      });
      if (!response.ok) throw await failure(response, `PUT ${key}`);
      await response.body?.cancel();
    },

    get: (key) => read(key, {}),

    async getRange(key, start, end) {
      const response = await send(key, { method: 'GET', headers: { range: `bytes=${start}-${end}` } });
      if (response.status === 404) throw new ObjectNotFoundError(key);
      // 416: the range starts past the end of the object.
      if (response.status === 416) return Buffer.alloc(0);
      if (!response.ok) throw await failure(response, `GET ${key}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      // A server that ignores Range answers 200 with the whole object.
      return response.status === 206 ? bytes : bytes.subarray(start, end + 1);
    },

    async delete(key) {
      const response = await send(key, { method: 'DELETE' });
      if (!response.ok && response.status !== 404) throw await failure(response, `DELETE ${key}`);
      await response.body?.cancel();
    },
  };
}
