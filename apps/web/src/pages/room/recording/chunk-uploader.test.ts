import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChunkUploader, type UploadProgress } from './chunk-uploader';

afterEach(() => vi.useRealTimers());

describe('ChunkUploader', () => {
  it('uploads in order, retries a failed chunk with backoff before the next, and flushes', async () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    let failuresLeft = 2;
    const progress: UploadProgress[] = [];
    const uploader = new ChunkUploader(
      async (seq) => {
        if (seq === 1 && failuresLeft-- > 0) throw new Error('network down');
        sent.push(seq);
      },
      (p) => progress.push(p),
    );
    for (const text of ['a', 'bb', 'ccc']) uploader.push(new Blob([text]));
    const flushed = uploader.flush();
    await vi.runAllTimersAsync();
    await flushed;
    expect(sent).toEqual([0, 1, 2]);
    expect(progress.map((p) => p.retrying?.attempt ?? null).filter((a) => a !== null)).toEqual([1, 2]);
    expect(progress.at(-1)).toEqual({ produced: 3, uploaded: 3, bytesUploaded: 6, retrying: null });
  });

  it('stops retrying once cancelled', async () => {
    vi.useFakeTimers();
    const send = vi.fn(async () => {
      throw new Error('server down');
    });
    const uploader = new ChunkUploader(send, () => undefined);
    uploader.push(new Blob(['x']));
    await vi.advanceTimersByTimeAsync(2000);
    const tries = send.mock.calls.length;
    expect(tries).toBeGreaterThan(1);
    uploader.cancel();
    await vi.runAllTimersAsync();
    await uploader.flush();
    expect(send.mock.calls.length).toBe(tries);
  });
});
