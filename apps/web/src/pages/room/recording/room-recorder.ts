import type { RECORDING_MIME_TYPES } from '@interviewselect/contracts';
import { recordingsApi } from '../../../lib/recordings-api';
import { ChunkUploader, type UploadProgress } from './chunk-uploader';
import { StreamMixer, type LabelledStream, type StreamSource } from './stream-mixer';

/** MediaRecorder timeslice: a chunk every 2 s, so a drop loses at most that much until the retry. */
export const TIMESLICE_MS = 2000;

export type RecorderPhase = 'idle' | 'starting' | 'recording' | 'stopping' | 'error';

export interface RecorderState {
  phase: RecorderPhase;
  recordingId: string | null;
  startedAt: number | null;
  progress: UploadProgress;
  error: string | null;
}

export const IDLE: RecorderState = {
  phase: 'idle',
  recordingId: null,
  startedAt: null,
  progress: { produced: 0, uploaded: 0, bytesUploaded: 0, retrying: null },
  error: null,
};

/** The best WebM flavour this browser records, from those the server accepts. */
export function pickMimeType(): (typeof RECORDING_MIME_TYPES)[number] {
  const preferred = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus'] as const;
  return preferred.find((t) => MediaRecorder.isTypeSupported(t)) ?? 'video/webm';
}

/**
 * One recording made in this tab: the call mixed into one stream
 * (StreamMixer), recorded with MediaRecorder in 2-second chunks, each
 * uploaded as it comes (ChunkUploader retries, in order). When the call has
 * no streams yet, this tab's own camera and microphone are recorded instead.
 */
export class RoomRecorder {
  private state: RecorderState = IDLE;
  private mixer: StreamMixer | null = null;
  private recorder: MediaRecorder | null = null;
  private uploader: ChunkUploader | null = null;
  private fallback: MediaStream | null = null;

  constructor(
    private readonly interviewId: string,
    private readonly source: StreamSource,
    private readonly selfLabel: string,
    private readonly onState: (state: RecorderState) => void,
  ) {}

  private set(patch: Partial<RecorderState>): void {
    this.state = { ...this.state, ...patch };
    this.onState(this.state);
  }

  private mixed(): readonly LabelledStream[] {
    const streams = this.source();
    if (streams.length > 0 || !this.fallback) return streams;
    return [{ label: this.selfLabel, stream: this.fallback }];
  }

  async start(): Promise<void> {
    if (this.state.phase !== 'idle' && this.state.phase !== 'error') return;
    this.set({ ...IDLE, phase: 'starting' });
    try {
      if (this.source().length === 0) {
        this.fallback = await navigator.mediaDevices.getUserMedia({ video: true, audio: true }).catch(() => null);
      }
      const mimeType = pickMimeType();
      const recording = await recordingsApi.start(this.interviewId, { mimeType });
      const uploader = new ChunkUploader(
        async (seq, chunk, signal) => {
          await recordingsApi.putChunk(recording.id, seq, chunk, signal);
        },
        (progress) => this.set({ progress }),
      );
      const mixer = new StreamMixer(() => this.mixed());
      const recorder = new MediaRecorder(mixer.stream, { mimeType, videoBitsPerSecond: 1_000_000 });
      recorder.addEventListener('dataavailable', (event) => {
        if (event.data.size > 0) uploader.push(event.data);
      });
      this.mixer = mixer;
      this.recorder = recorder;
      this.uploader = uploader;
      recorder.start(TIMESLICE_MS);
      this.set({ phase: 'recording', recordingId: recording.id, startedAt: Date.parse(recording.startedAt) });
    } catch (error) {
      this.release();
      this.set({ phase: 'error', error: describe(error) });
    }
  }

  /** Stops recording, waits for every chunk to be stored, then tells the server the count. */
  async stop(): Promise<void> {
    const { recorder, uploader } = this;
    const id = this.state.recordingId;
    // From 'error' too: a stop that failed (e.g. the network was down) can be tried again.
    if (!recorder || !uploader || !id || this.state.phase === 'stopping') return;
    this.set({ phase: 'stopping', error: null });
    try {
      if (recorder.state !== 'inactive') {
        // The last dataavailable fires before stop.
        await new Promise<void>((resolve) => {
          recorder.addEventListener('stop', () => resolve(), { once: true });
          recorder.stop();
        });
      }
      this.mixer?.close();
      await uploader.flush();
      await recordingsApi.stop(id, uploader.produced);
      this.release();
      this.set({ phase: 'idle', recordingId: null, startedAt: null, error: null });
    } catch (error) {
      this.set({ phase: 'error', error: describe(error) });
    }
  }

  /** Leaving the room: stop everything here (the server finishes a recording abandoned this way). */
  dispose(): void {
    if (this.recorder?.state === 'recording') this.recorder.stop();
    this.uploader?.cancel();
    this.release();
  }

  private release(): void {
    this.mixer?.close();
    for (const track of this.fallback?.getTracks() ?? []) track.stop();
    this.mixer = null;
    this.recorder = null;
    this.uploader = null;
    this.fallback = null;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'The recording could not be made.';
}
