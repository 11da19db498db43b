import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** ffmpeg and ffprobe binaries (on PATH by default; Debian: `apt install ffmpeg`). */
export interface MediaTools {
  ffmpeg: string;
  ffprobe: string;
}

export const DEFAULT_MEDIA_TOOLS: MediaTools = { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' };

/**
 * Rewrites the concatenated MediaRecorder chunks into a proper WebM file
 * without re-encoding (`-c copy`): ffmpeg writes the duration and the cues
 * Chromium's recorder leaves out, so players can show the length and seek.
 * Arguments go as an array, never through a shell.
 */
export async function remuxWebm(tools: MediaTools, input: string, output: string): Promise<void> {
  await run(
    tools.ffmpeg,
    ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', input, '-c', 'copy', '-f', 'webm', output],
    {
      timeout: 15 * 60_000,
      maxBuffer: 4 * 1024 * 1024,
    },
  );
}

/** The container duration ffprobe reads, in milliseconds. */
export async function probeDurationMs(tools: MediaTools, file: string): Promise<number> {
  const { stdout } = await run(
    tools.ffprobe,
    ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=noprint_wrappers=1:nokey=1', file],
    { timeout: 60_000 },
  );
  const seconds = Number.parseFloat(stdout.trim());
  if (!Number.isFinite(seconds)) throw new Error(`ffprobe found no duration (${stdout.trim() || 'no output'})`);
  return Math.round(seconds * 1000);
}
