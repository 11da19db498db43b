import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SealedStorage } from '../../platform/storage/sealed-storage.js';
import { chunkKey, mediaKey } from './recording-objects.js';
import { probeDurationMs, remuxWebm, type MediaTools } from './recording-remux.js';

/**
 * Turns a stopped recording's chunks into one seekable file: decrypts the
 * chunks in seq order into a temporary file (MediaRecorder timeslices are not
 * playable alone, only together), remuxes it with ffmpeg, reads the duration
 * with ffprobe and stores the result encrypted. The chunks are deleted only
 * once the file is stored.
 */
export async function assembleRecording(deps: {
  sealed: SealedStorage;
  tools: MediaTools;
  recordingId: string;
  chunkCount: number;
}): Promise<{ durationMs: number; sizeBytes: number }> {
  const { sealed, tools, recordingId, chunkCount } = deps;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'isel-recording-'));
  try {
    const raw = path.join(dir, 'raw.webm');
    const handle = await open(raw, 'w', 0o600);
    try {
      for (let seq = 0; seq < chunkCount; seq++) await handle.write(await sealed.get(chunkKey(recordingId, seq)));
    } finally {
      await handle.close();
    }
    const output = path.join(dir, 'media.webm');
    await remuxWebm(tools, raw, output);
    const durationMs = await probeDurationMs(tools, output);
    const media = await readFile(output);
    await sealed.put(mediaKey(recordingId), media);
    for (let seq = 0; seq < chunkCount; seq++) await sealed.delete(chunkKey(recordingId, seq));
    return { durationMs, sizeBytes: media.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
