/** What the recorder mixes: the call's streams as the room labels them. */
export interface LabelledStream {
  label: string;
  stream: MediaStream;
}

export type StreamSource = () => readonly LabelledStream[];

const WIDTH = 1280;
const HEIGHT = 720;
const FPS = 15;

/** Columns × rows for `n` tiles: as square as possible, wider than tall. */
export function gridFor(n: number): { columns: number; rows: number } {
  const columns = Math.max(1, Math.ceil(Math.sqrt(n)));
  return { columns, rows: Math.max(1, Math.ceil(n / columns)) };
}

/** Fits a w×h picture into a box, keeping its aspect ratio (letterboxed). */
export function fitInto(w: number, h: number, box: { x: number; y: number; width: number; height: number }) {
  if (w <= 0 || h <= 0) return box;
  const scale = Math.min(box.width / w, box.height / h);
  const width = w * scale;
  const height = h * scale;
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

interface Tile {
  video: HTMLVideoElement;
  stream: MediaStream;
}

/**
 * One recordable stream from many: every video is drawn onto one canvas in a
 * grid (MediaRecorder records a single video track; with two it produced
 * nothing in Chromium) with its label, and every audio track is mixed through
 * WebAudio. The source is read again on each frame, so people joining,
 * leaving or sharing a screen appear in the recording as they do in the call.
 */
export class StreamMixer {
  readonly stream: MediaStream;
  private readonly canvas = document.createElement('canvas');
  private readonly context: CanvasRenderingContext2D;
  private readonly audio = new AudioContext();
  private readonly destination: MediaStreamAudioDestinationNode;
  private readonly tiles = new Map<string, Tile>();
  private readonly audioSources = new Map<string, MediaStreamAudioSourceNode>();
  private readonly timer: ReturnType<typeof setInterval>;
  private closed = false;

  constructor(private readonly source: StreamSource) {
    this.canvas.width = WIDTH;
    this.canvas.height = HEIGHT;
    const context = this.canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the recording (no 2D canvas).');
    this.context = context;
    this.destination = this.audio.createMediaStreamDestination();
    // A silent source keeps the audio track producing samples while nobody speaks.
    const silence = this.audio.createConstantSource();
    silence.offset.value = 0;
    silence.connect(this.destination);
    silence.start();
    this.draw();
    this.timer = setInterval(() => this.draw(), 1000 / FPS);
    const video = this.canvas.captureStream(FPS).getVideoTracks();
    this.stream = new MediaStream([...video, ...this.destination.stream.getAudioTracks()]);
  }

  private sync(streams: readonly LabelledStream[]): void {
    const ids = new Set(streams.map((s) => s.stream.id));
    for (const [id, tile] of this.tiles) {
      if (ids.has(id)) continue;
      tile.video.srcObject = null;
      this.tiles.delete(id);
    }
    for (const [id, node] of this.audioSources) {
      if (ids.has(id)) continue;
      node.disconnect();
      this.audioSources.delete(id);
    }
    for (const { stream } of streams) {
      if (!this.tiles.has(stream.id) && stream.getVideoTracks().length > 0) {
        const video = document.createElement('video');
        video.muted = true;
        video.playsInline = true;
        video.srcObject = stream;
        void video.play().catch(() => undefined);
        this.tiles.set(stream.id, { video, stream });
      }
      if (!this.audioSources.has(stream.id) && stream.getAudioTracks().length > 0) {
        const node = this.audio.createMediaStreamSource(stream);
        node.connect(this.destination);
        this.audioSources.set(stream.id, node);
      }
    }
  }

  private draw(): void {
    const streams = this.source();
    this.sync(streams);
    const ctx = this.context;
    ctx.fillStyle = '#111827';
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    const { columns, rows } = gridFor(streams.length);
    const cellW = WIDTH / columns;
    const cellH = HEIGHT / rows;
    streams.forEach(({ label, stream }, i) => {
      const box = {
        x: (i % columns) * cellW + 4,
        y: Math.floor(i / columns) * cellH + 4,
        width: cellW - 8,
        height: cellH - 8,
      };
      const tile = this.tiles.get(stream.id);
      const video = tile?.video;
      if (video && video.readyState >= 2 && stream.getVideoTracks().some((t) => t.enabled && t.readyState === 'live')) {
        const fit = fitInto(video.videoWidth, video.videoHeight, box);
        ctx.drawImage(video, fit.x, fit.y, fit.width, fit.height);
      } else {
        ctx.fillStyle = '#1f2937';
        ctx.fillRect(box.x, box.y, box.width, box.height);
      }
      ctx.font = '600 22px system-ui, sans-serif';
      const textWidth = ctx.measureText(label).width;
      ctx.fillStyle = 'rgba(0, 0, 0, 0.6)';
      ctx.fillRect(box.x + 8, box.y + box.height - 40, textWidth + 16, 32);
      ctx.fillStyle = '#ffffff';
      ctx.fillText(label, box.x + 16, box.y + box.height - 17);
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    for (const track of this.stream.getTracks()) track.stop();
    for (const tile of this.tiles.values()) tile.video.srcObject = null;
    for (const node of this.audioSources.values()) node.disconnect();
    this.tiles.clear();
    this.audioSources.clear();
    void this.audio.close();
  }
}
