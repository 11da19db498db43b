/** Uploads one chunk; rejects on any failure (network, 5xx…). */
export type ChunkSender = (seq: number, chunk: Blob, signal: AbortSignal) => Promise<void>;

export interface UploadProgress {
  /** Chunks handed over by the recorder. */
  produced: number;
  /** Chunks the server has stored. */
  uploaded: number;
  bytesUploaded: number;
  /** The last failure while it is being retried; null once an upload succeeds again. */
  retrying: { seq: number; attempt: number; message: string } | null;
}

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000];

/** Waits `ms` unless aborted first. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * Uploads chunks in order, one at a time, as the recorder produces them. A
 * failed chunk is retried with backoff (0.5 s … 8 s, then every 8 s) before
 * the next one goes, so a network drop loses nothing: the queue waits and
 * resumes. The server stores a seq once, so a retry after a lost answer is harmless.
 */
export class ChunkUploader {
  private readonly queue: { seq: number; chunk: Blob }[] = [];
  private readonly abort = new AbortController();
  private running: Promise<void> | null = null;
  private progress: UploadProgress = { produced: 0, uploaded: 0, bytesUploaded: 0, retrying: null };

  constructor(
    private readonly send: ChunkSender,
    private readonly onProgress: (progress: UploadProgress) => void,
  ) {}

  push(chunk: Blob): void {
    const seq = this.progress.produced;
    this.queue.push({ seq, chunk });
    this.update({ produced: seq + 1 });
    this.running ??= this.drainQueue().finally(() => (this.running = null));
  }

  get produced(): number {
    return this.progress.produced;
  }

  /** Resolves once every chunk pushed so far is stored (or the uploader was cancelled). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  cancel(): void {
    this.abort.abort();
  }

  private update(patch: Partial<UploadProgress>): void {
    this.progress = { ...this.progress, ...patch };
    this.onProgress(this.progress);
  }

  private async drainQueue(): Promise<void> {
    const { signal } = this.abort;
    for (let next = this.queue.shift(); next && !signal.aborted; next = this.queue.shift()) {
      for (let attempt = 1; !signal.aborted; attempt++) {
        try {
          await this.send(next.seq, next.chunk, signal);
          this.update({
            uploaded: this.progress.uploaded + 1,
            bytesUploaded: this.progress.bytesUploaded + next.chunk.size,
            retrying: null,
          });
          break;
        } catch (error) {
          if (signal.aborted) return;
          const message = error instanceof Error ? error.message : String(error);
          this.update({ retrying: { seq: next.seq, attempt, message } });
          await pause(BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length) - 1] ?? 8000, signal);
        }
      }
    }
  }
}
