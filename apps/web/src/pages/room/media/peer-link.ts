import type { MediaClientMessage, MediaIceCandidate, RoomRole } from '@interviewselect/contracts';
import { rateLink, type LinkQuality, type LinkSample } from './call-quality';
import { peerRoles, slotOf } from './negotiation';

/** What this browser sends: each track may be null (muted camera off, no screen). */
export interface LocalTracks {
  audio: MediaStreamTrack | null;
  camera: MediaStreamTrack | null;
  screen: MediaStreamTrack | null;
}

export interface PeerInfo {
  id: string;
  label: string;
  role: RoomRole;
  publishes: boolean;
}

export interface PeerLinkOptions {
  self: { id: string; publishes: boolean };
  peer: PeerInfo;
  iceServers: RTCIceServer[];
  local: LocalTracks;
  send: (message: MediaClientMessage) => void;
  onChange: () => void;
}

/** Wait this long in `disconnected` before restarting ICE (a brief network blip recovers by itself). */
const DISCONNECTED_GRACE_MS = 3000;

/**
 * One RTCPeerConnection to one other member, with the perfect negotiation
 * pattern (MDN): either side may renegotiate (screen share, ICE restart);
 * when offers cross, the polite side rolls back and takes the other's.
 * Incoming signalling is handled strictly in order.
 */
export class PeerLink {
  readonly peer: PeerInfo;
  readonly pc: RTCPeerConnection;
  /** The peer's camera and microphone, and its screen share (tracks are added as they arrive). */
  readonly camera = new MediaStream();
  readonly screen = new MediaStream();
  quality: LinkQuality = { quality: 'unknown', rttMs: null, loss: null };
  audioLevel = 0;

  private readonly roles: ReturnType<typeof peerRoles>;
  private makingOffer = false;
  private ignoreOffer = false;
  private isNegotiated = false;
  private chain: Promise<void> = Promise.resolve();
  private screenSender: RTCRtpTransceiver | null = null;
  private local: LocalTracks;
  private lastSample: LinkSample | null = null;
  private disconnectedTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(private readonly options: PeerLinkOptions) {
    this.peer = options.peer;
    this.local = { ...options.local };
    this.roles = peerRoles(options.self, options.peer);
    this.pc = new RTCPeerConnection({ iceServers: options.iceServers });
    this.pc.addEventListener('negotiationneeded', () => void this.negotiate());
    this.pc.addEventListener('icecandidate', ({ candidate }) =>
      this.send({ type: 'media.candidate', to: this.peer.id, candidate: candidateJson(candidate) }),
    );
    this.pc.addEventListener('track', (event) => this.onTrack(event));
    this.pc.addEventListener('iceconnectionstatechange', () => this.onIceState());
    this.pc.addEventListener('connectionstatechange', () => options.onChange());
    if (this.roles.isInitialOfferer) {
      const direction = this.peer.publishes ? 'sendrecv' : 'sendonly';
      this.pc.addTransceiver(this.local.audio ?? 'audio', { direction });
      this.pc.addTransceiver(this.local.camera ?? 'video', { direction });
    }
  }

  get isConnected(): boolean {
    return this.pc.connectionState === 'connected';
  }

  /** Whether the peer's screen share is arriving now. */
  get isSharingScreen(): boolean {
    return this.screen.getVideoTracks().some((t) => !t.muted && t.readyState === 'live');
  }

  handle(
    message:
      | { type: 'media.offer' | 'media.answer'; sdp: string }
      | { type: 'media.candidate'; candidate: MediaIceCandidate | null },
  ): void {
    this.chain = this.chain
      .then(() =>
        message.type === 'media.candidate'
          ? this.onCandidate(message.candidate)
          : this.onDescription(message.type, message.sdp),
      )
      // A step that fails leaves the link unconnected: ICE restart or the next hello starts it over.
      .catch(() => this.options.onChange());
  }

  /** Replaces what this browser sends (mute, camera off, another device, screen share on/off) — renegotiating only for the screen. */
  async setLocal(next: LocalTracks): Promise<void> {
    if (!this.options.self.publishes) return;
    this.local = { ...next };
    const [audio, camera] = this.mainTransceivers();
    await Promise.all([
      audio && audio.sender.track !== next.audio ? audio.sender.replaceTrack(next.audio) : undefined,
      camera && camera.sender.track !== next.camera ? camera.sender.replaceTrack(next.camera) : undefined,
    ]);
    if (this.isNegotiated) await this.applyScreen();
  }

  async sample(): Promise<void> {
    const stats = await this.pc.getStats();
    let rttSeconds: number | null = null;
    let packetsReceived = 0;
    let packetsLost = 0;
    let level = 0;
    stats.forEach((report: { type: string } & Record<string, unknown>) => {
      if (report.type === 'candidate-pair' && report.state === 'succeeded' && report.nominated) {
        if (typeof report.currentRoundTripTime === 'number') rttSeconds = report.currentRoundTripTime;
      }
      if (report.type === 'inbound-rtp') {
        packetsReceived += typeof report.packetsReceived === 'number' ? report.packetsReceived : 0;
        packetsLost += typeof report.packetsLost === 'number' ? report.packetsLost : 0;
        if (report.kind === 'audio' && typeof report.audioLevel === 'number')
          level = Math.max(level, report.audioLevel);
      }
    });
    const current = { rttSeconds, packetsReceived, packetsLost };
    this.quality = this.isConnected
      ? rateLink(this.lastSample, current)
      : { quality: 'unknown', rttMs: null, loss: null };
    this.lastSample = current;
    this.audioLevel = level;
  }

  close(): void {
    this.closed = true;
    if (this.disconnectedTimer) clearTimeout(this.disconnectedTimer);
    this.pc.close();
  }

  private send(message: MediaClientMessage): void {
    if (!this.closed) this.options.send(message);
  }

  /** The audio and camera transceivers (the first of each kind, in the order both sides agree on). */
  private mainTransceivers(): [RTCRtpTransceiver | undefined, RTCRtpTransceiver | undefined] {
    const all = this.pc.getTransceivers();
    const kinds = all.map((t) => ({ kind: t.receiver.track.kind }));
    return [all.find((_, i) => slotOf(kinds, i) === 'audio'), all.find((_, i) => slotOf(kinds, i) === 'camera')];
  }

  private async negotiate(): Promise<void> {
    // Observers never offer; the side that is not leading waits for the first offer (the transceiver order depends on it).
    if (!this.options.self.publishes || this.closed) return;
    if (!this.isNegotiated && !this.roles.isInitialOfferer) return;
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      const sdp = this.pc.localDescription?.sdp;
      if (sdp) this.send({ type: 'media.offer', to: this.peer.id, sdp });
    } catch {
      // Superseded by a newer negotiation (or the link closed): nothing to send.
    } finally {
      this.makingOffer = false;
    }
  }

  private async onDescription(type: 'media.offer' | 'media.answer', sdp: string): Promise<void> {
    const isOffer = type === 'media.offer';
    const collision = isOffer && (this.makingOffer || this.pc.signalingState !== 'stable');
    this.ignoreOffer = !this.roles.isPolite && collision;
    if (this.ignoreOffer) return;
    await this.pc.setRemoteDescription({ type: isOffer ? 'offer' : 'answer', sdp });
    if (isOffer) {
      await this.adoptOfferedTransceivers();
      await this.pc.setLocalDescription();
      const answer = this.pc.localDescription?.sdp;
      if (answer) this.send({ type: 'media.answer', to: this.peer.id, sdp: answer });
    }
    if (this.pc.signalingState === 'stable' && !this.isNegotiated) {
      this.isNegotiated = true;
      await this.applyScreen();
    }
  }

  /** The side that did not lead sends its microphone and camera on the transceivers the first offer created. */
  private async adoptOfferedTransceivers(): Promise<void> {
    if (!this.options.self.publishes || this.roles.isInitialOfferer) return;
    const [audio, camera] = this.mainTransceivers();
    for (const [transceiver, track] of [
      [audio, this.local.audio],
      [camera, this.local.camera],
    ] as const) {
      if (!transceiver || transceiver.direction === 'sendrecv') continue;
      transceiver.direction = 'sendrecv';
      await transceiver.sender.replaceTrack(track);
    }
  }

  private async onCandidate(candidate: MediaIceCandidate | null): Promise<void> {
    try {
      await this.pc.addIceCandidate(candidate ?? undefined);
    } catch (err) {
      if (!this.ignoreOffer) throw err;
    }
  }

  /** Screen share: its own transceiver (beside the camera), added once and then switched on and off. */
  private async applyScreen(): Promise<void> {
    const track = this.local.screen;
    if (track && !this.screenSender) {
      this.screenSender = this.pc.addTransceiver(track, { direction: 'sendonly' });
      return;
    }
    if (!this.screenSender) return;
    if (this.screenSender.sender.track !== track) await this.screenSender.sender.replaceTrack(track);
    const direction = track ? 'sendonly' : 'inactive';
    if (this.screenSender.direction !== direction) this.screenSender.direction = direction;
  }

  private onTrack(event: RTCTrackEvent): void {
    const all = this.pc.getTransceivers();
    const index = all.indexOf(event.transceiver);
    const slot = slotOf(
      all.map((t) => ({ kind: t.receiver.track.kind })),
      index,
    );
    const target = slot === 'screen' ? this.screen : slot === 'other' ? null : this.camera;
    if (!target || target.getTracks().includes(event.track)) return;
    // One screen at a time from a peer: a newer screen transceiver replaces the older one.
    if (slot === 'screen') for (const old of target.getTracks()) target.removeTrack(old);
    target.addTrack(event.track);
    event.track.addEventListener('mute', () => this.options.onChange());
    event.track.addEventListener('unmute', () => this.options.onChange());
    this.options.onChange();
  }

  private onIceState(): void {
    const state = this.pc.iceConnectionState;
    if (this.disconnectedTimer) clearTimeout(this.disconnectedTimer);
    this.disconnectedTimer = null;
    // Only a publisher can offer, so only it restarts ICE; the observer's peer does it for both.
    if (!this.options.self.publishes) return this.options.onChange();
    if (state === 'failed') this.pc.restartIce();
    if (state === 'disconnected') {
      this.disconnectedTimer = setTimeout(() => {
        if (this.pc.iceConnectionState === 'disconnected') this.pc.restartIce();
      }, DISCONNECTED_GRACE_MS);
    }
    this.options.onChange();
  }
}

function candidateJson(candidate: RTCIceCandidate | null): MediaIceCandidate | null {
  if (!candidate) return null;
  const json = candidate.toJSON();
  return {
    candidate: json.candidate ?? '',
    sdpMid: json.sdpMid ?? null,
    sdpMLineIndex: json.sdpMLineIndex ?? null,
    usernameFragment: json.usernameFragment ?? null,
  };
}
