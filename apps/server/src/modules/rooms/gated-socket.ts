import type { WebSocketLike } from '@hocuspocus/server';
import { WebSocket } from 'ws';
import { EchoFilter } from './room-echo.js';
import type { PresenceRouter } from './room-presence.js';

interface Barrier {
  done: boolean;
  promise: Promise<void>;
}

/**
 * A `ws` socket as Hocuspocus sees it, able to hold its outgoing frames until
 * the edit log has committed this client's updates. Hocuspocus acknowledges
 * an update (SyncStatus) right after applying it; the room calls hold() from
 * the document's update event — which fires before that acknowledgement is
 * sent — so the acknowledgement, and every frame after it (order is kept),
 * leaves only once the update is stored. Others see the edit at once.
 * Frames that only echo what this socket sent are not sent at all (room-echo.ts).
 */
export class GatedSocket implements WebSocketLike {
  private readonly queue: { data: Uint8Array; barrier: Barrier | null }[] = [];
  private barrier: Barrier | null = null;
  private closeAfterDrain: { code: number | undefined; reason: string | undefined } | null = null;
  readonly echo = new EchoFilter();
  /** Set by the socket's owner: where this socket's established documents register for presence frames. */
  presence: PresenceRouter | null = null;

  constructor(readonly ws: WebSocket) {}

  get readyState(): number {
    return this.ws.readyState;
  }

  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    const frame = data as Uint8Array;
    if (this.echo.isEcho(frame)) return;
    if (this.queue.length === 0 && (this.barrier === null || this.barrier.done)) return this.write(frame);
    this.queue.push({ data: frame, barrier: this.barrier });
  }

  /** Closes after the held frames are out (a status message before a permissions close must arrive). */
  close(code?: number, reason?: string): void {
    if (this.queue.length === 0) {
      this.ws.close(code, reason);
      return;
    }
    this.closeAfterDrain = { code, reason };
  }

  /** Frames sent from now on wait until `committed` (and every earlier hold) has resolved. */
  hold(committed: Promise<void>): void {
    const previous = this.barrier;
    const barrier: Barrier = { done: false, promise: Promise.resolve() };
    barrier.promise = Promise.all([previous?.promise, committed]).then(() => {
      barrier.done = true;
      this.drain();
    });
    this.barrier = barrier;
  }

  private drain(): void {
    for (let head = this.queue[0]; head && (head.barrier === null || head.barrier.done); head = this.queue[0]) {
      this.queue.shift();
      this.write(head.data);
    }
    if (this.queue.length === 0 && this.closeAfterDrain) {
      this.ws.close(this.closeAfterDrain.code, this.closeAfterDrain.reason);
      this.closeAfterDrain = null;
    }
  }

  private write(data: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(data);
  }
}
