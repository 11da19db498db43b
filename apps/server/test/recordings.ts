import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { RecordingSchema, type Recording } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { ObjectStorage } from '../src/platform/storage/object-storage.js';

const run = promisify(execFile);

/**
 * What Chromium's MediaRecorder produces, made by ffmpeg: VP8 + Opus WebM
 * written to a pipe (so without cues), `seconds` long.
 */
export async function recordedWebm(file: string, seconds: number): Promise<void> {
  await run('sh', [
    '-c',
    'ffmpeg -hide_banner -loglevel error -f lavfi -i "testsrc=size=320x240:rate=15" -f lavfi -i "sine=frequency=440:sample_rate=48000" ' +
      `-t ${seconds} -c:v libvpx -deadline realtime -b:v 300k -c:a libopus -f webm pipe:1 > "$0"`,
    file,
  ]);
}

/** The container duration ffprobe reads from a file, in ms. */
export async function ffprobeDurationMs(file: string): Promise<number> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]);
  return Math.round(Number.parseFloat(stdout) * 1000);
}

/** Splits bytes into `n` consecutive chunks (like MediaRecorder timeslices). */
export function splitInto(bytes: Buffer, n: number): Buffer[] {
  const size = Math.ceil(bytes.length / n);
  return Array.from({ length: n }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
}

/** Storage whose next put of a listed key fails once (a disk or network fault in the middle of an upload). */
export function faultyStorage(inner: ObjectStorage): ObjectStorage & { failNextPut(keySuffix: string): void } {
  const failing = new Set<string>();
  return {
    kind: inner.kind,
    failNextPut: (suffix) => failing.add(suffix),
    async put(key, body) {
      for (const suffix of failing) {
        if (key.endsWith(suffix)) {
          failing.delete(suffix);
          throw new Error('injected storage failure');
        }
      }
      return inner.put(key, body);
    },
    get: (key) => inner.get(key),
    getRange: (key, start, end) => inner.getRange(key, start, end),
    delete: (key) => inner.delete(key),
  };
}

export function putChunk(app: FastifyInstance, headers: Record<string, string>, id: string, seq: number, body: Buffer) {
  return app.inject({
    method: 'PUT',
    url: `/api/v1/recordings/${id}/chunks/${seq}`,
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload: body,
  });
}

export async function startRecording(
  app: FastifyInstance,
  headers: Record<string, string>,
  interviewId: string,
): Promise<Recording> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/interviews/${interviewId}/recordings`,
    headers,
    payload: { mimeType: 'video/webm;codecs=vp8,opus' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return RecordingSchema.parse(res.json());
}

export function stopRecording(app: FastifyInstance, headers: Record<string, string>, id: string, chunkCount: number) {
  return app.inject({ method: 'POST', url: `/api/v1/recordings/${id}/stop`, headers, payload: { chunkCount } });
}
