import type { BrowserContext, Page } from 'playwright-core';

/**
 * Chromium flags for call specs and the media benchmark: a fake camera (a
 * test pattern), microphone (a beep a second) and screen, permission
 * prompts answered yes, autoplay with sound.
 */
export const FAKE_MEDIA_ARGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--auto-select-desktop-capture-source=Entire screen',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * Test-side view of a page's WebRTC: an init script keeps every
 * RTCPeerConnection (and WebSocket) the app creates, so a spec can read getStats() the way
 * chrome://webrtc-internals does, without the app exposing anything.
 */
export async function recordPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const all: RTCPeerConnection[] = [];
    (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections = all;
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        all.push(this);
      }
    };
    const NativeSocket = window.WebSocket;
    const sockets: WebSocket[] = [];
    (window as unknown as { __webSockets: WebSocket[] }).__webSockets = sockets;
    window.WebSocket = class extends NativeSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        sockets.push(this);
      }
    };
  });
}

/** Drops the page's open WebSockets (the room socket), as a network drop would; the app reconnects by itself. */
export function dropSockets(page: Page): Promise<void> {
  return page.evaluate(() => {
    for (const ws of (window as unknown as { __webSockets: WebSocket[] }).__webSockets) {
      if (ws.readyState === WebSocket.OPEN) ws.close(4000, 'network drop (test)');
    }
  });
}

/** How many peer connections the page has created so far (a rejoin creates new ones). */
export function peerConnectionCount(page: Page): Promise<number> {
  return page.evaluate(
    () => (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections.length,
  );
}

export interface InboundTotals {
  /** framesDecoded per inbound video stream (camera first, then screens), of the newest live connection. */
  videoFrames: number[];
  audioPackets: number;
  audioEnergy: number;
  audioSamples: number;
}

/** Inbound RTP totals of the page's newest open peer connection (two people: one connection each). */
export function inboundTotals(page: Page): Promise<InboundTotals> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    const pc = [...pcs].reverse().find((p) => p.connectionState !== 'closed');
    const totals = { videoFrames: [] as number[], audioPackets: 0, audioEnergy: 0, audioSamples: 0 };
    if (!pc) return totals;
    const stats = await pc.getStats();
    const video: { mid: number; frames: number }[] = [];
    stats.forEach((r: { type: string } & Record<string, unknown>) => {
      if (r.type !== 'inbound-rtp') return;
      if (r.kind === 'video') video.push({ mid: Number(r.mid ?? 0), frames: Number(r.framesDecoded ?? 0) });
      if (r.kind === 'audio') {
        totals.audioPackets += Number(r.packetsReceived ?? 0);
        totals.audioEnergy += Number(r.totalAudioEnergy ?? 0);
        totals.audioSamples += Number(r.totalSamplesReceived ?? 0);
      }
    });
    totals.videoFrames = video.sort((a, b) => a.mid - b.mid).map((v) => v.frames);
    return totals;
  });
}

/**
 * Energy of the received audio over the next `samples` samples (48 kHz):
 * waits until that many samples were played out, so it measures a stretch
 * of the remote microphone, not of wall-clock time.
 */
export function audioEnergyOver(page: Page, samples: number): Promise<number> {
  return page.evaluate(async (count) => {
    const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    const pc = [...pcs].reverse().find((p) => p.connectionState !== 'closed');
    if (!pc) return Number.NaN;
    const read = async () => {
      let energy = 0;
      let received = 0;
      (await pc.getStats()).forEach((r: { type: string } & Record<string, unknown>) => {
        if (r.type === 'inbound-rtp' && r.kind === 'audio') {
          energy += Number(r.totalAudioEnergy ?? 0);
          received += Number(r.totalSamplesReceived ?? 0);
        }
      });
      return { energy, received };
    };
    const start = await read();
    for (;;) {
      const now = await read();
      if (now.received - start.received >= count) return now.energy - start.energy;
      await new Promise((r) => setTimeout(r, 50)); // poll interval while samples arrive
    }
  }, samples);
}
