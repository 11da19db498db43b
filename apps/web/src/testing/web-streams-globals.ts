import * as streams from 'node:stream/web';

/**
 * The web project runs in vitest's vmThreads pool (one jsdom context per file,
 * without re-creating the worker), whose global object is jsdom's window:
 * browsers' stream classes are not on it. Node's own implementations fill the
 * gap, so the code under test meets what a browser gives it.
 */
const names = [
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'TextDecoderStream',
  'TextEncoderStream',
] as const satisfies readonly (keyof typeof streams)[];
const target = globalThis as Record<string, unknown>;
for (const name of names) target[name] ??= streams[name];
