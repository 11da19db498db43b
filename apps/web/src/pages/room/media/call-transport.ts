import type { CallState } from './call-controller';

/**
 * What the call panel needs from a call, whatever carries the media: the
 * mesh (CallController, peer connections signalled over the room socket)
 * today; an SFU client (e.g. LiveKit's livekit-client, joined with a token
 * from the server's SfuAdapter) for larger panels. See docs/adr/0015.
 */
export interface CallTransport {
  subscribe(listener: () => void): () => void;
  getSnapshot(): CallState;
  join(initial: { mic: boolean; camera: boolean }): Promise<void>;
  leave(): void;
  setMic(on: boolean): void;
  setCamera(on: boolean): Promise<void>;
  setScreen(on: boolean): Promise<void>;
  selectDevice(kind: keyof CallState['devices'], deviceId: string | null): Promise<void>;
}
